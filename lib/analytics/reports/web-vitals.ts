import "server-only"
import { rawCutoff, rawEventsKeptFrom } from "@/lib/analytics/model/raw-events"
import {
  VITAL_EVENT,
  VITAL_FIELDS,
  WEB_VITALS_MARK,
  VITAL_METRICS,
  type VitalMetric,
} from "@/lib/analytics/model/web-vitals"
import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { rateVital, type VitalRating } from "./web-vitals-math"

// Core Web Vitals of real visits: `web_vital` events (props { metric, value, rating }, the page in
// `path`) sent by components/analytics/web-vitals-reporter.tsx. Percentiles need every value: the
// rollup copies each vital into a typed row (analytics_web_vitals, read from an index that holds
// every field used here), and those received since its watermark are read from raw events. Both
// are kept as long as raw events are, so the report reaches back that far. p50/p75/p95 interpolate
// (percentile_cont, web-vitals-math.ts); LCP and INP in milliseconds, CLS unitless. A page is
// rated by its p75, as Google does.

export const WEB_VITALS_PAGE_LIMIT = 50

export type VitalSummary = { samples: number; p50: number; p75: number; p95: number; rating: VitalRating }
export type PageVitals = { path: string; samples: number } & Partial<Record<VitalMetric, VitalSummary>>

export type WebVitalsReport = {
  /** Every page together. */
  overall: Partial<Record<VitalMetric, VitalSummary>>
  /** Pages with most samples first, at most `limit`. */
  pages: PageVitals[]
  /** Raw events are kept from here: vitals before it are gone (or about to be). Null while nothing was deleted. */
  keptFrom: Date | null
}

/** `metric` is the 1-based position in VITAL_METRICS. */
type Row = { path: string | null; metric: number; samples: number; percentiles: [number, number, number] }

function summary(metric: VitalMetric, row: Row): VitalSummary {
  const [p50, p75, p95] = row.percentiles
  return { samples: row.samples, p50, p75, p95, rating: rateVital(metric, p75) }
}

/**
 * Percentiles per page and metric, and for all pages, of the vitals recorded in [from, to). Raw
 * events older than ANALYTICS_RAW_RETENTION_DAYS are deleted, so the read starts there at the
 * earliest (the same answer, without visiting rows that retention has yet to reach).
 */
export async function webVitalsReport(
  period: { from: Date; to: Date },
  options: { limit?: number; now?: Date } = {},
): Promise<WebVitalsReport> {
  const limit = options.limit ?? WEB_VITALS_PAGE_LIMIT
  const retained = rawCutoff(options.now ?? new Date(), env().ANALYTICS_RAW_RETENTION_DAYS, env().ANALYTICS_TIME_ZONE)
  const from = period.from > retained ? period.from : retained
  // One pass: each group sorted once for all three percentiles; pages ranked afterwards. Groups sort
  // on integers (the metric's position, the path's hash; the path itself only breaks a tie of
  // hashes, bytewise) and in memory (work_mem for this transaction only): on the database's text
  // collation, spilling to disk, the same query took about four times as long. Serial: the planner's
  // parallel bitmap scan was several times slower on a busy two-core machine.
  const [rows, deletedBefore] = await Promise.all([
    db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL work_mem = '32MB'`
      await tx.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`
      return tx.$queryRaw<Row[]>`
        -- One statement, so the watermark and the copies it vouches for are read as of one instant.
        WITH mark AS (SELECT coalesce((SELECT watermark FROM analytics_rollup_state WHERE name = ${WEB_VITALS_MARK}), 'epoch') AS copied)
        SELECT CASE WHEN GROUPING(path) = 0 THEN path END AS path, metric, count(*)::int AS samples,
          percentile_cont(ARRAY[0.5, 0.75, 0.95]::float8[]) WITHIN GROUP (ORDER BY value) AS percentiles
        FROM (
          SELECT metric, hashtext(path) AS hash, path COLLATE "C" AS path, value FROM analytics_web_vitals
          WHERE at >= ${from} AND at < ${period.to}
          UNION ALL
          SELECT v.metric, hashtext(v.path), v.path COLLATE "C", v.value
          FROM analytics_events e CROSS JOIN LATERAL (SELECT ${VITAL_FIELDS}) v
          WHERE e.received_at > (SELECT copied FROM mark) AND e.at >= ${from} AND e.at < ${period.to} AND ${VITAL_EVENT}
        ) vitals
        GROUP BY GROUPING SETS ((metric), (metric, hash, path))`
    }),
    rawEventsKeptFrom(),
  ])
  const overall: WebVitalsReport["overall"] = {}
  const pages = new Map<string, PageVitals>()
  for (const row of rows) {
    const metric = VITAL_METRICS[row.metric - 1]!
    if (row.path === null) {
      overall[metric] = summary(metric, row)
      continue
    }
    const page = pages.get(row.path) ?? { path: row.path, samples: 0 }
    page[metric] = summary(metric, row)
    page.samples += row.samples
    pages.set(row.path, page)
  }
  const sorted = [...pages.values()].sort((a, b) => b.samples - a.samples || a.path.localeCompare(b.path))
  const keptFrom = deletedBefore && deletedBefore > from ? deletedBefore : from > period.from ? from : deletedBefore
  return { overall, pages: sorted.slice(0, limit), keptFrom }
}

/** p75 of each vital per page, for the operations dashboard beside server timings. */
export async function webVitalsP75ByPage(
  period: { from: Date; to: Date },
  options: { limit?: number; now?: Date } = {},
): Promise<{ path: string; samples: number; lcp: number | null; inp: number | null; cls: number | null }[]> {
  const report = await webVitalsReport(period, { limit: options.limit ?? 10, now: options.now })
  return report.pages.map((page) => ({
    path: page.path,
    samples: page.samples,
    lcp: page.LCP?.p75 ?? null,
    inp: page.INP?.p75 ?? null,
    cls: page.CLS?.p75 ?? null,
  }))
}
