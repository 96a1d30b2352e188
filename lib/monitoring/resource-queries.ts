import { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"
import { type ResourceReading, SAMPLE_EVERY_MS } from "./resources"
import { bucketSeconds } from "./series"
import type { TimeRange } from "./uptime"

// Reads of resource_samples for the operations dashboard. Bytes leave as numbers (safe below 8 PiB).

/** An instance whose newest sample is older than this has stopped (or lost its database). */
export const INSTANCE_GONE_AFTER_MS = 4 * SAMPLE_EVERY_MS

/** One sample as read back: what the sampler measured, and which instance it was. */
export type ResourcePoint = ResourceReading & { instance: string }

export type LatestSample = ResourcePoint & { live: boolean }

/** The newest sample of every instance seen since `since` (default: the last 24 hours), newest first. */
export async function latestResourceSamples(options: { now?: Date; since?: Date } = {}): Promise<LatestSample[]> {
  const now = options.now ?? new Date()
  const since = options.since ?? new Date(now.getTime() - 86_400_000)
  const rows = await db.$queryRaw<ResourcePoint[]>`
    SELECT DISTINCT ON (instance) ${columns}
      FROM resource_samples
     WHERE at >= ${since} AND at <= ${now}
     ORDER BY instance, at DESC`
  return rows.map((row) => ({ ...toNumbers(row), live: now.getTime() - row.at.getTime() <= INSTANCE_GONE_AFTER_MS })).sort((a, b) => b.at.getTime() - a.at.getTime())
}

/**
 * Each instance's samples over [from, to) in epoch-aligned buckets (at most `maxPoints` per
 * instance): averages for CPU, heap and round trip, the worst figure for RSS, event-loop delay,
 * pool waiters and directory sizes, so a spike never averages away.
 */
export async function resourceSeries(range: TimeRange, options: { maxPoints?: number; instance?: string } = {}): Promise<ResourcePoint[]> {
  const width = bucketSeconds(range.from, range.to, options.maxPoints ?? 120, SAMPLE_EVERY_MS / 1000)
  const rows = await db.$queryRaw<ResourcePoint[]>`
    SELECT instance,
           to_timestamp(floor(extract(epoch FROM at) / ${width}) * ${width}) AS at,
           avg(cpu_percent)::float8 AS "cpuPercent",
           max(rss_bytes)::float8 AS "rssBytes",
           avg(heap_used_bytes)::float8 AS "heapUsedBytes",
           avg(heap_total_bytes)::float8 AS "heapTotalBytes",
           avg(event_loop_p50_ms)::float8 AS "eventLoopP50Ms",
           max(event_loop_p99_ms)::float8 AS "eventLoopP99Ms",
           max(event_loop_max_ms)::float8 AS "eventLoopMaxMs",
           avg(db_round_trip_ms)::float8 AS "dbRoundTripMs",
           max(pool_total)::int AS "poolTotal",
           min(pool_idle)::int AS "poolIdle",
           max(pool_waiting)::int AS "poolWaiting",
           max(data_dir_bytes)::float8 AS "dataDirBytes",
           max(backup_dir_bytes)::float8 AS "backupDirBytes"
      FROM resource_samples
     WHERE at >= ${range.from} AND at < ${range.to}
           ${options.instance ? Prisma.sql`AND instance = ${options.instance}` : Prisma.empty}
     GROUP BY 1, 2
     ORDER BY 2, 1`
  return rows.map((row) => toNumbers(row, 2))
}

const columns = Prisma.sql`instance, at, cpu_percent AS "cpuPercent", rss_bytes AS "rssBytes", heap_used_bytes AS "heapUsedBytes",
  heap_total_bytes AS "heapTotalBytes", event_loop_p50_ms AS "eventLoopP50Ms", event_loop_p99_ms AS "eventLoopP99Ms",
  event_loop_max_ms AS "eventLoopMaxMs", db_round_trip_ms AS "dbRoundTripMs", pool_total AS "poolTotal", pool_idle AS "poolIdle",
  pool_waiting AS "poolWaiting", data_dir_bytes AS "dataDirBytes", backup_dir_bytes AS "backupDirBytes"`

/** BigInt columns and float averages into plain numbers (rounded averages). */
function toNumbers(row: ResourcePoint, decimals?: number): ResourcePoint {
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value))
  const round = (value: number | null) => (value === null || decimals === undefined ? value : Math.round(value * 10 ** decimals) / 10 ** decimals)
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
