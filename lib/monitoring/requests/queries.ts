import { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"
import { BUCKET_COUNT, mean, percentile } from "./histogram"

// Reads of the request-metric tables for the operations dashboard and its API. Percentiles always
// come from bucket counts summed across instances, minutes and hours, never from stored percentiles.

export type Resolution = { table: "minute" | "hour"; stepSeconds: number }

const HOUR = 3600
const DAY = 24 * HOUR

/**
 * Up to 2 hours: minute rows at 1-minute points; up to 10 hours: minute rows at 5-minute points;
 * longer ranges read the hourly table at 1-hour points up to 5 days, 6-hour points up to 30 days
 * and daily points beyond. Each choice keeps a chart near 120 points or fewer.
 */
export function resolutionFor(from: Date, to: Date): Resolution {
  const seconds = (to.getTime() - from.getTime()) / 1000
  if (seconds <= 2 * HOUR) return { table: "minute", stepSeconds: 60 }
  if (seconds <= 10 * HOUR) return { table: "minute", stepSeconds: 300 }
  if (seconds <= 5 * DAY) return { table: "hour", stepSeconds: HOUR }
  if (seconds <= 30 * DAY) return { table: "hour", stepSeconds: 6 * HOUR }
  return { table: "hour", stepSeconds: DAY }
}

/** The range actually read: from the step boundary at or before `from` (UTC epoch-aligned) to `to`. */
export function alignedStart(from: Date, stepSeconds: number): Date {
  const step = stepSeconds * 1000
  return new Date(Math.floor(from.getTime() / step) * step)
}

export type RequestRange = { from: Date; to: Date; route?: string; method?: string }

export type LatencyFigures = { p50: number | null; p95: number | null; p99: number | null; meanMs: number | null }

export type SeriesPoint = LatencyFigures & {
  at: string
  requests: number
  perSecond: number
  errors5xx: number
  /** Share of requests answered 5xx; null with no requests. */
  errorRate: number | null
}

export type RouteRow = LatencyFigures & {
  route: string
  method: string
  requests: number
  perSecond: number
  errors4xx: number
  errors5xx: number
  errorRate: number | null
}

type Aggregate = { requests: number; errors4xx: number; errors5xx: number; sum_ms: number; buckets: number[] }

// sum(buckets[1]), …, sum(buckets[34]): summing slot by slot measured 3–5 times faster than
// unnest … WITH ORDINALITY over 30 days of rows.
const bucketSums = Prisma.join(
  Array.from({ length: BUCKET_COUNT }, (_, i) => Prisma.sql`coalesce(sum(buckets[${i + 1}::int]), 0)`),
)

const aggregates = Prisma.sql`
  sum(count)::float8 AS requests, sum(status_4xx)::float8 AS "errors4xx", sum(status_5xx)::float8 AS "errors5xx",
  sum(sum_ms)::float8 AS sum_ms, ARRAY[${bucketSums}]::float8[] AS buckets`

function rowsIn(resolution: Resolution, range: RequestRange, start: Date): Prisma.Sql {
  const filter = Prisma.sql`${range.route ? Prisma.sql`AND route = ${range.route}` : Prisma.empty} ${range.method ? Prisma.sql`AND method = ${range.method}` : Prisma.empty}`
  return resolution.table === "minute"
    ? Prisma.sql`(SELECT minute AS at, route, method, count, status_4xx, status_5xx, sum_ms, buckets FROM request_metrics WHERE minute >= ${start} AND minute < ${range.to} ${filter}) AS m`
    : Prisma.sql`(SELECT hour AS at, route, method, count, status_4xx, status_5xx, sum_ms, buckets FROM request_metrics_hourly WHERE hour >= ${start} AND hour < ${range.to} ${filter}) AS m`
}

function latency(row: Aggregate): LatencyFigures {
  return {
    p50: percentile(row.buckets, 0.5),
    p95: percentile(row.buckets, 0.95),
    p99: percentile(row.buckets, 0.99),
    meanMs: mean(row.sum_ms, row.requests),
  }
}

/** Request rate, 5xx share and p50/p95/p99 over time, one point per step, empty steps included. */
export async function requestSeries(range: RequestRange): Promise<{ resolution: Resolution; points: SeriesPoint[] }> {
  const resolution = resolutionFor(range.from, range.to)
  const start = alignedStart(range.from, resolution.stepSeconds)
  const rows = await db.$queryRaw<(Aggregate & { point: Date })[]>`
    SELECT date_bin(${resolution.stepSeconds}::int * interval '1 second', at, timestamptz '1970-01-01 00:00:00+00') AS point, ${aggregates}
    FROM ${rowsIn(resolution, range, start)}
    GROUP BY 1`
  const byPoint = new Map(rows.map((row) => [row.point.getTime(), row]))
  const step = resolution.stepSeconds * 1000
  const points: SeriesPoint[] = []
  for (let at = start.getTime(); at < range.to.getTime(); at += step) {
    const row = byPoint.get(at)
    const seconds = (Math.min(at + step, range.to.getTime()) - at) / 1000
    const requests = row?.requests ?? 0
    const errors5xx = row?.errors5xx ?? 0
    points.push({
      at: new Date(at).toISOString(),
      requests,
      perSecond: requests / seconds,
      errors5xx,
      errorRate: requests > 0 ? errors5xx / requests : null,
      ...(row ? latency(row) : { p50: null, p95: null, p99: null, meanMs: null }),
    })
  }
  return { resolution, points }
}

export type RouteSort = "slowest" | "failing" | "busiest"

/**
 * Rows covering [from, to) to the minute: whole hours from the hourly table, the ragged ends
 * (before the first whole hour, after the last) from minute rows. Exact, and a 10-hour range
 * reads about 550 rows instead of 30 000 for 50 routes.
 */
function rowsCovering(range: RequestRange, start: Date): Prisma.Sql {
  const hour = HOUR * 1000
  const firstHour = new Date(Math.ceil(start.getTime() / hour) * hour)
  const lastHour = new Date(Math.floor(range.to.getTime() / hour) * hour)
  const minute: Resolution = { table: "minute", stepSeconds: 60 }
  if (lastHour <= firstHour) return rowsIn(minute, range, start)
  return Prisma.sql`(
    SELECT * FROM ${rowsIn(minute, { ...range, to: firstHour }, start)}
    UNION ALL SELECT * FROM ${rowsIn({ table: "hour", stepSeconds: HOUR }, { ...range, to: lastHour }, firstHour)}
    UNION ALL SELECT * FROM ${rowsIn(minute, range, lastHour)}
  ) AS covering`
}

/** Per route and method over the range (to the minute): count, rate, 5xx share and latency, sorted as asked. */
export async function routeTable(range: RequestRange & { sort?: RouteSort; limit?: number }): Promise<RouteRow[]> {
  const start = alignedStart(range.from, 60)
  const seconds = Math.max((range.to.getTime() - start.getTime()) / 1000, 1)
  const rows = await db.$queryRaw<(Aggregate & { route: string; method: string })[]>`
    SELECT route, method, ${aggregates}
    FROM ${rowsCovering(range, start)}
    GROUP BY route, method`
  const table = rows.map((row) => ({
    route: row.route,
    method: row.method,
    requests: row.requests,
    perSecond: row.requests / seconds,
    errors4xx: row.errors4xx,
    errors5xx: row.errors5xx,
    errorRate: row.requests > 0 ? row.errors5xx / row.requests : null,
    ...latency(row),
  }))
  return table.sort(compareBy(range.sort ?? "slowest")).slice(0, range.limit ?? 50)
}

const desc = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1)

function compareBy(sort: RouteSort): (a: RouteRow, b: RouteRow) => number {
  if (sort === "failing")
    return (a, b) =>
      desc(a.errorRate, b.errorRate) ||
      b.errors5xx - a.errors5xx ||
      b.requests - a.requests ||
      a.route.localeCompare(b.route)
  if (sort === "busiest") return (a, b) => b.requests - a.requests || a.route.localeCompare(b.route)
  return (a, b) => desc(a.p95, b.p95) || desc(a.p99, b.p99) || b.requests - a.requests || a.route.localeCompare(b.route)
}
