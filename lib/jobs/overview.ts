import { jobRunStats, latestRuns, listJobRuns, type JobRunRow, type JobRunStats } from "./queries"
import { SCHEDULED_JOBS } from "./schedule"
import type { ScheduledJob } from "./types"

export type JobOverview = {
  name: string
  cron: string
  description: string
  retry: ScheduledJob["retry"]
  /** The newest attempt, whenever it was. */
  lastRun: JobRunRow | null
  /** The newest failed attempt, whenever it was. */
  lastFailure: JobRunRow | null
  /** Attempts started in the range. */
  stats: Omit<JobRunStats, "job">
}

const NO_RUNS: Omit<JobRunStats, "job"> = {
  runs: 0,
  succeeded: 0,
  failed: 0,
  running: 0,
  avgMs: null,
  p95Ms: null,
  maxMs: null,
}

/**
 * The operations dashboard's job table: every declared job with its last run and last failure,
 * and its attempts, failures and durations over [from, to); then the range's failed attempts,
 * newest first (each retry is its own row, so a failure and the retry after it both show).
 */
export async function jobOverview(
  range: { from: Date; to: Date },
  jobs: readonly ScheduledJob[] = SCHEDULED_JOBS,
): Promise<{ jobs: JobOverview[]; failures: JobRunRow[] }> {
  const [stats, last, lastFailure, failures] = await Promise.all([
    jobRunStats(range),
    latestRuns(),
    latestRuns({ failedOnly: true }),
    listJobRuns({ status: "FAILED", from: range.from, to: range.to, limit: 50 }),
  ])
  const byJob = new Map(stats.map(({ job, ...rest }) => [job, rest]))
  return {
    jobs: jobs.map((job) => ({
      name: job.name,
      cron: job.cron,
      description: job.description,
      retry: job.retry,
      lastRun: last.get(job.name) ?? null,
      lastFailure: lastFailure.get(job.name) ?? null,
      stats: byJob.get(job.name) ?? NO_RUNS,
    })),
    failures,
  }
}
