import "server-only"
import { DEFAULT_FUNNEL_STEPS, DEFAULT_WINDOW_DAYS, type FunnelBreakdown, type FunnelSegment, type FunnelStep, type FunnelStepFigures, stepLabel } from "./funnels"
import { queryFunnel } from "./funnels-queries"
import type { FunnelReportQuery } from "./funnels-schemas"
import { previousPeriod, type ProductRange } from "./range"
import { getSavedFunnelOrThrow } from "./saved-funnels"
import { rawEventsKeptFrom } from "./traffic-sources"

export const DEFAULT_FUNNEL_NAME = "Landing to seat delivered"

export type ReportedFunnel = { id: string | null; name: string; steps: (FunnelStep & { label: string })[]; windowDays: number }

/** Entrants and completions of the period before, for the headline comparison. */
export type FunnelComparison = { firstDay: string; lastDay: string; entered: number; completed: number; conversion: number | null }

export type FunnelReport = {
  funnel: ReportedFunnel
  breakdown: FunnelBreakdown | null
  steps: FunnelStepFigures[]
  segments: FunnelSegment[] | null
  previous: FunnelComparison | null
  /**
   * Funnels read raw events, which are kept ANALYTICS_RAW_RETENTION_DAYS: when retention has deleted
   * some after the start of the range (or of the period compared), steps before this are not
   * counted. Null when nothing read was deleted.
   */
  keptFrom: Date | null
}

/** The funnel a query names: a saved one (its window unless the query sets one), given steps, or the default. */
export async function resolveFunnel(query: Pick<FunnelReportQuery, "steps" | "funnelId" | "window">): Promise<ReportedFunnel> {
  if (query.funnelId) {
    const saved = await getSavedFunnelOrThrow(query.funnelId)
    return labelled({ id: saved.id, name: saved.name, steps: saved.steps, windowDays: query.window ?? saved.windowDays })
  }
  if (query.steps) return labelled({ id: null, name: "Custom funnel", steps: query.steps, windowDays: query.window ?? DEFAULT_WINDOW_DAYS })
  return labelled({ id: null, name: DEFAULT_FUNNEL_NAME, steps: [...DEFAULT_FUNNEL_STEPS], windowDays: query.window ?? DEFAULT_WINDOW_DAYS })
}

function labelled(funnel: Omit<ReportedFunnel, "steps"> & { steps: FunnelStep[] }): ReportedFunnel {
  return { ...funnel, steps: funnel.steps.map((step) => ({ ...step, label: stepLabel(step) })) }
}

export type FunnelChoice = Pick<FunnelReportQuery, "steps" | "funnelId" | "window" | "breakdown">

/**
 * The funnel over the range, per step and per breakdown value; with `compare`, entrants and
 * completions of the period just before (no breakdown) for the headline.
 */
export async function funnelReport(query: FunnelChoice, range: ProductRange, options: { compare?: boolean } = {}): Promise<FunnelReport> {
  const funnel = await resolveFunnel(query)
  const breakdown = query.breakdown ?? null
  const figures = await queryFunnel({ steps: funnel.steps, windowDays: funnel.windowDays, from: range.from, to: range.to, breakdown })
  let previous: FunnelComparison | null = null
  let readFrom = range.from
  if (options.compare) {
    const before = previousPeriod(range)
    const earlier = await queryFunnel({ steps: funnel.steps, windowDays: funnel.windowDays, from: before.from, to: before.to })
    previous = { firstDay: before.firstDay, lastDay: before.lastDay, ...headline(earlier.steps) }
    readFrom = before.from
  }
  const deletedBefore = await rawEventsKeptFrom()
  const keptFrom = deletedBefore && deletedBefore > readFrom ? deletedBefore : null
  return { funnel, breakdown, steps: figures.steps, segments: figures.segments, previous, keptFrom }
}

/** Entered, completed (reached the last step) and their ratio. */
export function headline(steps: readonly FunnelStepFigures[]): { entered: number; completed: number; conversion: number | null } {
  const entered = steps[0]?.people ?? 0
  const completed = steps.at(-1)?.people ?? 0
  return { entered, completed, conversion: entered === 0 ? null : completed / entered }
}
