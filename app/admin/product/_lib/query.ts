import { type CohortBasis, COHORT_BASES, COHORT_PERIODS, type CohortPeriod } from "@/lib/analytics/reports/cohorts"
import { formatSteps, FUNNEL_BREAKDOWNS, type FunnelBreakdown, type FunnelStep } from "@/lib/analytics/funnels/rules"
import { funnelStepsParamSchema, windowDaysSchema } from "@/lib/analytics/funnels/schemas"
import { type ProductRangeQuery, productRangeQuerySchema } from "@/lib/analytics/model/range"
import { z } from "zod"

type RawSearchParams = Record<string, string | string[] | undefined>

export type FunnelPageQuery = { steps?: FunnelStep[]; funnelId?: string; window?: number; breakdown?: FunnelBreakdown }
export type CohortPageQuery = { by: CohortBasis; period: CohortPeriod }
export type ProductPageQuery = {
  range: ProductRangeQuery
  funnel: FunnelPageQuery
  cohort: CohortPageQuery
  /** Why the range asked for could not be used (the default shows instead). */
  rangeError?: string
}

const DEFAULT_RANGE: ProductRangeQuery = { range: "30d" }

/** The page's URL → its query; a value that does not parse falls back to its default alone. */
export function parseProductSearchParams(raw: RawSearchParams): ProductPageQuery {
  const first = (key: string) => {
    const value = raw[key]
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined
  }
  const optional = <T>(schema: z.ZodType<T>, value: string | undefined): T | undefined => {
    if (value === undefined) return undefined
    const parsed = schema.safeParse(value)
    return parsed.success ? parsed.data : undefined
  }
  const range = productRangeQuerySchema.safeParse({ range: first("range"), from: first("from"), to: first("to") })
  const steps = optional(funnelStepsParamSchema, first("steps"))
  const funnelId = steps ? undefined : optional(z.string().max(64), first("funnelId"))
  return {
    range: range.success ? range.data : DEFAULT_RANGE,
    ...(range.success ? {} : { rangeError: range.error.issues[0]?.message ?? "not a range" }),
    funnel: {
      steps,
      funnelId,
      window: optional(windowDaysSchema, first("window")),
      breakdown: optional(z.enum(FUNNEL_BREAKDOWNS), first("breakdown")),
    },
    cohort: {
      by: optional(z.enum(COHORT_BASES), first("cohort")) ?? "first_seen",
      period: optional(z.enum(COHORT_PERIODS), first("every")) ?? "week",
    },
  }
}

export type ProductPagePatch = {
  range?: ProductRangeQuery
  funnel?: FunnelPageQuery
  cohort?: Partial<CohortPageQuery>
}

/** A link to the dashboard with some settings changed; the anchor keeps the reader's place. */
export function productHref(query: ProductPageQuery, patch: ProductPagePatch = {}, anchor?: string): string {
  const range = patch.range ?? query.range
  const funnel = patch.funnel ?? query.funnel
  const cohort = { ...query.cohort, ...patch.cohort }
  const params = new URLSearchParams()
  if (range.from && range.to) {
    params.set("from", range.from)
    params.set("to", range.to)
  } else params.set("range", range.range)
  if (funnel.funnelId) params.set("funnelId", funnel.funnelId)
  if (funnel.steps) params.set("steps", formatSteps(funnel.steps))
  if (funnel.window !== undefined) params.set("window", String(funnel.window))
  if (funnel.breakdown) params.set("breakdown", funnel.breakdown)
  if (cohort.by !== "first_seen") params.set("cohort", cohort.by)
  if (cohort.period !== "week") params.set("every", cohort.period)
  return `/admin/product?${params.toString()}${anchor ? `#${anchor}` : ""}`
}
