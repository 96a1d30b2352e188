import { db } from "@/lib/db"
import { closeAbandonedRuns, deleteJobRunsBefore } from "@/lib/jobs/runs"

// How long monitoring data is kept, in one place. The `monitoring.retention` job (hourly) deletes
// what is older; each hour it deletes about an hour's worth, and a backlog goes in batches so no
// statement holds the database (on the embedded database, its only connection) for long.

export const RETENTION_DAYS = {
  /** Raw samples back the charts up to a few days; longer ranges read the hourly rollup. */
  resourceSamples: 8,
  resourceHourly: 400,
  /** Uptime is reported over 90 days; a few days more keep the oldest window whole. */
  probeResults: 95,
  jobRuns: 30,
  errorOccurrences: 30,
  requestMetrics: 90,
  /** The hourly request rollup: a year and a month, for year-on-year comparison. */
  requestMetricsHourly: 400,
} as const

/** A run still RUNNING after this long belongs to an instance that stopped mid-run. */
export const ABANDONED_RUN_AFTER_MS = 2 * 3_600_000
const BATCH = 5000

export type RetentionReport = Record<keyof typeof RETENTION_DAYS, number> & { abandonedRuns: number }

export async function applyRetention(now = new Date()): Promise<RetentionReport> {
  const cutoff = (days: number) => new Date(now.getTime() - days * 86_400_000)
  const abandonedRuns = await closeAbandonedRuns(new Date(now.getTime() - ABANDONED_RUN_AFTER_MS), now)
  return {
    resourceSamples: await inBatches(
      (c) =>
        db.$executeRaw`DELETE FROM resource_samples WHERE id IN (SELECT id FROM resource_samples WHERE at < ${c} LIMIT ${BATCH})`,
      cutoff(RETENTION_DAYS.resourceSamples),
    ),
    resourceHourly: await inBatches(
      (c) =>
        db.$executeRaw`DELETE FROM resource_hourly WHERE ctid IN (SELECT ctid FROM resource_hourly WHERE hour < ${c} LIMIT ${BATCH})`,
      cutoff(RETENTION_DAYS.resourceHourly),
    ),
    probeResults: await inBatches(
      (c) =>
        db.$executeRaw`DELETE FROM probe_results WHERE ctid IN (SELECT ctid FROM probe_results WHERE minute < ${c} LIMIT ${BATCH})`,
      cutoff(RETENTION_DAYS.probeResults),
    ),
    jobRuns: await deleteJobRunsBefore(cutoff(RETENTION_DAYS.jobRuns)),
    errorOccurrences: await inBatches(
      (c) =>
        db.$executeRaw`DELETE FROM error_occurrences WHERE id IN (SELECT id FROM error_occurrences WHERE at < ${c} LIMIT ${BATCH})`,
      cutoff(RETENTION_DAYS.errorOccurrences),
    ),
    requestMetrics: await inBatches(
      (c) =>
        db.$executeRaw`DELETE FROM request_metrics WHERE ctid IN (SELECT ctid FROM request_metrics WHERE minute < ${c} LIMIT ${BATCH})`,
      cutoff(RETENTION_DAYS.requestMetrics),
    ),
    requestMetricsHourly: await inBatches(
      (c) =>
        db.$executeRaw`DELETE FROM request_metrics_hourly WHERE ctid IN (SELECT ctid FROM request_metrics_hourly WHERE hour < ${c} LIMIT ${BATCH})`,
      cutoff(RETENTION_DAYS.requestMetricsHourly),
    ),
    abandonedRuns,
  }
}

async function inBatches(deleteBatch: (cutoff: Date) => Promise<number>, cutoff: Date): Promise<number> {
  let total = 0
  for (;;) {
    const deleted = await deleteBatch(cutoff)
    total += deleted
    if (deleted < BATCH) return total
  }
}
