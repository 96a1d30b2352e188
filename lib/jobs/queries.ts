import { Prisma } from "@/generated/prisma/client"
import type { JobRunStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"

// Reads of job_runs (the history every instance writes) and of the queue itself (pg-boss's
// `pgboss.job` table, read-only here).

export type JobRunRow = {
  id: string
  job: string
  queueJobId: string | null
  attempt: number
  instance: string
  status: JobRunStatus
  startedAt: Date
  finishedAt: Date | null
  durationMs: number | null
  result: unknown
  error: string | null
}

const runSelect = {
  id: true,
  job: true,
  queueJobId: true,
  attempt: true,
  instance: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
  result: true,
  error: true,
} as const

/** Runs newest first, optionally of one job, one status and a time range (by start). */
export async function listJobRuns(
  filter: { job?: string; status?: JobRunStatus; from?: Date; to?: Date; limit?: number } = {},
): Promise<JobRunRow[]> {
  return db.jobRun.findMany({
    where: {
      ...(filter.job ? { job: filter.job } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.from || filter.to
        ? { startedAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
        : {}),
    },
    orderBy: [{ startedAt: "desc" }, { attempt: "desc" }],
    take: Math.min(filter.limit ?? 50, 500),
    select: runSelect,
  })
}

export type JobRunStats = {
  job: string
  runs: number
  succeeded: number
  failed: number
  running: number
  avgMs: number | null
  p95Ms: number | null
  maxMs: number | null
}

/** Per job, over runs started in [from, to): counts by status and finished runs' durations. */
export async function jobRunStats(range: { from: Date; to: Date }): Promise<JobRunStats[]> {
  const rows = await db.$queryRaw<
    {
      job: string
      runs: number
      succeeded: number
      failed: number
      running: number
      avg_ms: number | null
      p95_ms: number | null
      max_ms: number | null
    }[]
  >`
    SELECT job,
           count(*)::int AS runs,
           count(*) FILTER (WHERE status = 'SUCCEEDED')::int AS succeeded,
           count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE status = 'RUNNING')::int AS running,
           avg(duration_ms)::float8 AS avg_ms,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)::float8 AS p95_ms,
           max(duration_ms)::float8 AS max_ms
      FROM job_runs
     WHERE started_at >= ${range.from} AND started_at < ${range.to}
     GROUP BY job`
  return rows.map((r) => ({
    job: r.job,
    runs: r.runs,
    succeeded: r.succeeded,
    failed: r.failed,
    running: r.running,
    avgMs: round(r.avg_ms),
    p95Ms: round(r.p95_ms),
    maxMs: r.max_ms,
  }))
}

/** The newest run of every job that ever ran (or, with `failedOnly`, its newest failure), by job. */
export async function latestRuns(options: { failedOnly?: boolean } = {}): Promise<Map<string, JobRunRow>> {
  const rows = await db.$queryRaw<JobRunRow[]>`
    SELECT DISTINCT ON (job) id, job, queue_job_id AS "queueJobId", attempt, instance, status::text AS status,
           started_at AS "startedAt", finished_at AS "finishedAt", duration_ms AS "durationMs", result, error
      FROM job_runs
     ${options.failedOnly ? Prisma.sql`WHERE status = 'FAILED'` : Prisma.empty}
     ORDER BY job, started_at DESC, attempt DESC`
  return new Map(rows.map((row) => [row.job, row]))
}

export type QueueLag = { ready: number; oldestReadySeconds: number | null }

/** Jobs due to run but not picked up yet, and how long the oldest has waited. Throws before pg-boss is installed. */
export async function queueLag(): Promise<QueueLag> {
  const [row] = await db.$queryRaw<{ ready: number; oldest: number | null }[]>`
    SELECT count(*)::int AS ready, EXTRACT(EPOCH FROM (now() - min(start_after)))::float8 AS oldest
      FROM pgboss.job
     WHERE state IN ('created', 'retry') AND start_after <= now() AND NOT blocked`
  return { ready: row.ready, oldestReadySeconds: row.oldest === null ? null : Math.max(0, round(row.oldest)!) }
}

export type QueueDepth = { queue: string; queued: number; active: number; failed: number }

/** Jobs per queue by state (pg-boss's internal queues included), for gauges. */
export async function queueDepths(): Promise<QueueDepth[]> {
  return db.$queryRaw<QueueDepth[]>`
    SELECT name AS queue,
           count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
           count(*) FILTER (WHERE state = 'active')::int AS active,
           count(*) FILTER (WHERE state = 'failed')::int AS failed
      FROM pgboss.job
     GROUP BY name
     ORDER BY name`
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100
}
