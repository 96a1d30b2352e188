import { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"
import { type ResourceReading, SAMPLE_EVERY_MS } from "./samples"
import { bucketSeconds } from "../series"
import type { TimeRange } from "../uptime/figures"

// Reads of resource_samples for the operations dashboard. Bytes leave as numbers (safe below 8 PiB).

/** An instance whose newest sample is older than this has stopped (or lost its database). */
export const INSTANCE_GONE_AFTER_MS = 4 * SAMPLE_EVERY_MS

/** One sample as read back: what the sampler measured, and which instance it was. */
export type ResourcePoint = ResourceReading & { instance: string }

export type LatestSample = ResourcePoint & { live: boolean }

/**
 * The newest sample of every instance seen since `since` (default: the last 24 hours), newest first.
 * Instances come from the hourly rollup and the raw tail after it, then one index probe each, so a
 * month's range does not walk a month of samples.
 */
export async function latestResourceSamples(options: { now?: Date; since?: Date } = {}): Promise<LatestSample[]> {
  const now = options.now ?? new Date()
  const since = options.since ?? new Date(now.getTime() - 86_400_000)
  const rows = await db.$queryRaw<ResourcePoint[]>`
    SELECT latest.*
      FROM (SELECT instance FROM resource_hourly WHERE hour >= date_trunc('hour', ${since}::timestamptz) AND hour <= ${now}
            UNION
            SELECT instance FROM resource_samples WHERE at >= greatest(${since}, ${rolledUntil}) AND at <= ${now}) AS seen
     CROSS JOIN LATERAL (
            SELECT ${columns} FROM resource_samples
             WHERE instance = seen.instance AND at >= ${since} AND at <= ${now}
             ORDER BY at DESC LIMIT 1) AS latest`
  return rows
    .map((row) => ({ ...toNumbers(row), live: now.getTime() - row.at.getTime() <= INSTANCE_GONE_AFTER_MS }))
    .sort((a, b) => b.at.getTime() - a.at.getTime())
}

/**
 * Each instance's samples over [from, to) in epoch-aligned buckets (at most `maxPoints` per
 * instance): averages for CPU, heap and round trip, the worst figure for RSS, event-loop delay,
 * pool waiters and directory sizes, so a spike never averages away. Buckets of whole hours (ranges
 * of about five days and more) read the hourly rollup, and raw samples only for the part of the
 * first hour inside the range and for the hours not rolled up yet.
 */
export async function resourceSeries(
  range: TimeRange,
  options: { maxPoints?: number; instance?: string } = {},
): Promise<ResourcePoint[]> {
  const maxPoints = options.maxPoints ?? 120
  let width = bucketSeconds(range.from, range.to, maxPoints, SAMPLE_EVERY_MS / 1000)
  if (width >= HOUR_SECONDS) width = bucketSeconds(range.from, range.to, maxPoints, HOUR_SECONDS)
  const instance = options.instance ? Prisma.sql`AND instance = ${options.instance}` : Prisma.empty
  const parts = width % HOUR_SECONDS === 0 ? hourlyParts(range, instance) : rawPart(range.from, range.to, instance)
  const rows = await db.$queryRaw<ResourcePoint[]>`
    SELECT instance,
           to_timestamp(floor(extract(epoch FROM at) / ${width}) * ${width}) AS at,
           (sum(cpu_sum) / sum(samples))::float8 AS "cpuPercent",
           max(rss_max)::float8 AS "rssBytes",
           (sum(heap_used_sum) / sum(samples))::float8 AS "heapUsedBytes",
           (sum(heap_total_sum) / sum(samples))::float8 AS "heapTotalBytes",
           (sum(loop_p50_sum) / sum(samples))::float8 AS "eventLoopP50Ms",
           max(loop_p99_max)::float8 AS "eventLoopP99Ms",
           max(loop_max_max)::float8 AS "eventLoopMaxMs",
           (sum(db_sum) / nullif(sum(db_count), 0))::float8 AS "dbRoundTripMs",
           max(pool_total_max)::int AS "poolTotal",
           min(pool_idle_min)::int AS "poolIdle",
           max(pool_waiting_max)::int AS "poolWaiting",
           max(data_dir_max)::float8 AS "dataDirBytes",
           max(backup_dir_max)::float8 AS "backupDirBytes"
      FROM (${parts}) AS parts
     GROUP BY 1, 2
     ORDER BY 2, 1`
  return rows.map((row) => toNumbers(row, 2))
}

const HOUR_SECONDS = 3600
/** Hours before this instant are complete in resource_hourly (-infinity before the first rollup). */
const rolledUntil = Prisma.sql`(SELECT coalesce(max(hour), '-infinity'::timestamptz) FROM resource_hourly)`

/** [from, next hour) raw, whole hours rolled up, the rest raw: disjoint, and together all of [from, to). */
function hourlyParts(range: TimeRange, instance: Prisma.Sql): Prisma.Sql {
  const firstHour = new Date(Math.ceil(range.from.getTime() / 3_600_000) * 3_600_000)
  return Prisma.sql`
    ${rawPart(range.from, firstHour < range.to ? firstHour : range.to, instance)}
    UNION ALL
    SELECT instance, hour AS at, samples, cpu_percent_sum AS cpu_sum, rss_bytes_max AS rss_max, heap_used_bytes_sum AS heap_used_sum,
           heap_total_bytes_sum AS heap_total_sum, event_loop_p50_ms_sum AS loop_p50_sum, event_loop_p99_ms_max AS loop_p99_max,
           event_loop_max_ms_max AS loop_max_max, db_round_trip_ms_sum AS db_sum, db_round_trips AS db_count,
           pool_total_max, pool_idle_min, pool_waiting_max, data_dir_bytes_max AS data_dir_max, backup_dir_bytes_max AS backup_dir_max
      FROM resource_hourly
     WHERE hour >= ${firstHour} AND hour < ${range.to} AND hour < ${rolledUntil} ${instance}
    UNION ALL
    ${rawPart(Prisma.sql`greatest(${firstHour}::timestamptz, ${rolledUntil})`, range.to, instance)}`
}

/** Raw samples over [from, to) in the rollup's shape: each one a group of one. */
function rawPart(from: Date | Prisma.Sql, to: Date, instance: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT instance, at, 1 AS samples, cpu_percent AS cpu_sum, rss_bytes AS rss_max, heap_used_bytes::float8 AS heap_used_sum,
           heap_total_bytes::float8 AS heap_total_sum, event_loop_p50_ms AS loop_p50_sum, event_loop_p99_ms AS loop_p99_max,
           event_loop_max_ms AS loop_max_max, coalesce(db_round_trip_ms, 0) AS db_sum, (db_round_trip_ms IS NOT NULL)::int AS db_count,
           pool_total AS pool_total_max, pool_idle AS pool_idle_min, pool_waiting AS pool_waiting_max,
           data_dir_bytes AS data_dir_max, backup_dir_bytes AS backup_dir_max
      FROM resource_samples
     WHERE at >= ${from} AND at < ${to} ${instance}`
}

const columns = Prisma.sql`instance, at, cpu_percent AS "cpuPercent", rss_bytes AS "rssBytes", heap_used_bytes AS "heapUsedBytes",
  heap_total_bytes AS "heapTotalBytes", event_loop_p50_ms AS "eventLoopP50Ms", event_loop_p99_ms AS "eventLoopP99Ms",
  event_loop_max_ms AS "eventLoopMaxMs", db_round_trip_ms AS "dbRoundTripMs", pool_total AS "poolTotal", pool_idle AS "poolIdle",
  pool_waiting AS "poolWaiting", data_dir_bytes AS "dataDirBytes", backup_dir_bytes AS "backupDirBytes"`

/** BigInt columns and float averages into plain numbers (rounded averages). */
function toNumbers(row: ResourcePoint, decimals?: number): ResourcePoint {
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value))
  const round = (value: number | null) =>
    value === null || decimals === undefined ? value : Math.round(value * 10 ** decimals) / 10 ** decimals
  return {
    instance: row.instance,
    at: row.at,
    cpuPercent: round(num(row.cpuPercent))!,
    rssBytes: Math.round(num(row.rssBytes)!),
    heapUsedBytes: Math.round(num(row.heapUsedBytes)!),
    heapTotalBytes: Math.round(num(row.heapTotalBytes)!),
    eventLoopP50Ms: round(num(row.eventLoopP50Ms))!,
    eventLoopP99Ms: round(num(row.eventLoopP99Ms))!,
    eventLoopMaxMs: round(num(row.eventLoopMaxMs))!,
    dbRoundTripMs: round(num(row.dbRoundTripMs)),
    poolTotal: row.poolTotal,
    poolIdle: row.poolIdle,
    poolWaiting: row.poolWaiting,
    dataDirBytes: num(row.dataDirBytes),
    backupDirBytes: num(row.backupDirBytes),
  }
}
