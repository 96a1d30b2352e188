import "server-only"
import { Prisma } from "@/generated/prisma/client"
import type { ProductRange } from "@/lib/analytics/model/range"
import { rawEventsKeptFrom } from "@/lib/analytics/model/raw-events"
import { EPOCH_MARK, markText, stateKey } from "@/lib/analytics/model/watermarks"
import { db } from "@/lib/db"
import { previousPeriod } from "@/lib/utils/time-range"
import { funnelDefinition } from "./kept-entries"
import { type FunnelSource, queryFunnel } from "./queries"
import {
  DEFAULT_FUNNEL_STEPS,
  DEFAULT_WINDOW_DAYS,
  type FunnelBreakdown,
  type FunnelSegment,
  type FunnelStep,
  type FunnelStepFigures,
  stepLabel,
} from "./rules"
import { getSavedFunnelOrThrow } from "./saved-funnels"
import type { FunnelReportQuery } from "./schemas"

export const DEFAULT_FUNNEL_NAME = "Landing to seat delivered"

export type ReportedFunnel = {
  id: string | null
  name: string
  steps: (FunnelStep & { label: string })[]
  windowDays: number
}

/** Entrants and completions of the period before, for the headline comparison. */
export type FunnelComparison = {
  firstDay: string
  lastDay: string
  entered: number
  completed: number
  conversion: number | null
}

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
export async function resolveFunnel(
  query: Pick<FunnelReportQuery, "steps" | "funnelId" | "window">,
): Promise<ReportedFunnel> {
  if (query.funnelId) {
    const saved = await getSavedFunnelOrThrow(query.funnelId)
    return labelled({
      id: saved.id,
      name: saved.name,
      steps: saved.steps,
      windowDays: query.window ?? saved.windowDays,
    })
  }
  if (query.steps)
    return labelled({
      id: null,
      name: "Custom funnel",
      steps: query.steps,
      windowDays: query.window ?? DEFAULT_WINDOW_DAYS,
    })
  return labelled({
    id: null,
    name: DEFAULT_FUNNEL_NAME,
    steps: [...DEFAULT_FUNNEL_STEPS],
    windowDays: query.window ?? DEFAULT_WINDOW_DAYS,
  })
}

function labelled(funnel: Omit<ReportedFunnel, "steps"> & { steps: FunnelStep[] }): ReportedFunnel {
  return { ...funnel, steps: funnel.steps.map((step) => ({ ...step, label: stepLabel(step) })) }
}

export type FunnelChoice = Pick<FunnelReportQuery, "steps" | "funnelId" | "window" | "breakdown">

/**
 * The funnel over the range, per step and per breakdown value; with `compare`, entrants and
 * completions of the period just before (no breakdown) for the headline.
 */
export async function funnelReport(
  query: FunnelChoice,
  range: ProductRange,
  options: { compare?: boolean } = {},
): Promise<FunnelReport> {
  const funnel = await resolveFunnel(query)
  const breakdown = query.breakdown ?? null
  const before = options.compare ? previousPeriod(range) : null
  const [kept, deletedBefore] = await Promise.all([keptEntries(funnel, range.timeZone), rawEventsKeptFrom()])
  const source = (period: ProductRange): FunnelSource =>
    kept.funnel
      ? {
          kind: "kept",
          funnel: kept.funnel,
          watermark: kept.watermark,
          peopleMark: kept.peopleMark,
          firstDay: period.firstDay,
          lastDay: period.lastDay,
          timeZone: period.timeZone,
        }
      : { kind: "raw", peopleMark: kept.peopleMark, timeZone: period.timeZone }
  const shape = { steps: funnel.steps, windowDays: funnel.windowDays }
  const [figures, earlier] = await Promise.all([
    queryFunnel({ ...shape, from: range.from, to: range.to, breakdown }, source(range)),
    before ? queryFunnel({ ...shape, from: before.from, to: before.to }, source(before)) : null,
  ])
  const previous =
    before && earlier ? { firstDay: before.firstDay, lastDay: before.lastDay, ...headline(earlier.steps) } : null
  // Kept entries reach back to the raw events there were when they were built; raw ones to those left.
  const missingBefore = kept.funnel ? kept.builtFrom : deletedBefore
  const readFrom = before?.from ?? range.from
  const keptFrom = missingBefore && missingBefore > readFrom ? missingBefore : null
  return { funnel, breakdown, steps: figures.steps, segments: figures.segments, previous, keptFrom }
}

type KeptEntries = { funnel: string | null; watermark: string; builtFrom: Date | null; peopleMark: string }

/** The kept entries of a funnel defined exactly so (any saved one, the default, or steps equal to one), and the people rollup's watermark. */
async function keptEntries(funnel: ReportedFunnel, timeZone: string): Promise<KeptEntries> {
  const definition = funnelDefinition(funnel.steps, funnel.windowDays, timeZone)
  const [row] = await db.$queryRaw<
    { funnel: string | null; watermark: string | null; builtFrom: Date | null; peopleMark: string | null }[]
  >`
    SELECT f.funnel, ${markText(Prisma.sql`f.watermark`)} AS watermark, nullif(f.built_from, 'epoch') AS "builtFrom",
      (SELECT ${markText(Prisma.sql`watermark`)} FROM analytics_rollup_state WHERE name = ${stateKey("people", timeZone)}) AS "peopleMark"
    FROM (SELECT 1) one LEFT JOIN analytics_funnel_rollups f ON f.definition = ${definition}
    LIMIT 1`
  return {
    funnel: row?.funnel ?? null,
    watermark: row?.watermark ?? EPOCH_MARK,
    builtFrom: row?.builtFrom ?? null,
    peopleMark: row?.peopleMark ?? EPOCH_MARK,
  }
}

/** Entered, completed (reached the last step) and their ratio. */
export function headline(steps: readonly FunnelStepFigures[]): {
  entered: number
  completed: number
  conversion: number | null
} {
  const entered = steps[0]?.people ?? 0
  const completed = steps.at(-1)?.people ?? 0
  return { entered, completed, conversion: entered === 0 ? null : completed / entered }
}
