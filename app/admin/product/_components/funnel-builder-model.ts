import { eventNameSchema } from "@/lib/analytics/model/event-names"
import {
  formatSteps,
  type FunnelBreakdown,
  type FunnelStep,
  MAX_FUNNEL_STEPS,
  MIN_FUNNEL_STEPS,
  PAGE_PATH_PATTERN,
  PAGE_VIEW,
} from "@/lib/analytics/funnels/rules"

// The funnel builder's rules, without React: the server checks the same with lib/analytics/funnels/schemas.ts.

export { MAX_FUNNEL_STEPS as MAX_STEPS, MIN_FUNNEL_STEPS as MIN_STEPS }

export const BREAKDOWN_OPTIONS: [FunnelBreakdown | "", string][] = [
  ["", "Nothing"],
  ["country", "Country"],
  ["device", "Device"],
  ["utm_source", "UTM source"],
  ["variant", "Experiment variant"],
]

/** What is wrong with a step as typed, or null. */
export function stepProblem(step: FunnelStep): string | null {
  const match = step.match.trim()
  if (!match)
    return step.kind === "page" ? "Give a path, such as /pricing" : "Give an event name, such as checkout_started"
  if (step.kind === "page")
    return PAGE_PATH_PATTERN.test(match) ? null : "A path starts with / and has no query, comma or space"
  if (match === PAGE_VIEW) return "Use a page step for page views"
  return eventNameSchema.safeParse(match).success ? null : "Lower-case letters, digits and _ . : - only"
}

/** The dashboard showing a funnel: steps (or a saved funnel), window and breakdown; other settings kept. */
export function funnelUrl(
  keep: readonly [string, string][],
  funnel: { steps?: FunnelStep[]; funnelId?: string; window?: number; breakdown?: FunnelBreakdown | null },
): string {
  const params = new URLSearchParams(
    keep.filter(([key]) => !["steps", "funnelId", "window", "breakdown"].includes(key)),
  )
  if (funnel.funnelId) params.set("funnelId", funnel.funnelId)
  if (funnel.steps) params.set("steps", formatSteps(funnel.steps))
  if (funnel.window !== undefined) params.set("window", String(funnel.window))
  if (funnel.breakdown) params.set("breakdown", funnel.breakdown)
  return `/admin/product?${params.toString()}#funnels`
}
