import { PgBoss, type Clock, type JobWithMetadata, type Queue } from "pg-boss"
import type pg from "pg"
import { poolExecutor } from "./executor"
import { describeError, recordRunFailed, recordRunStarted, recordRunSucceeded } from "./runs"
import type { ScheduledJob } from "./types"

// The job queue (pg-boss, tables in the `pgboss` schema of the app's database). Every instance
// runs the same runner: pg-boss's cron pass is claimed by one instance at a time and each tick is
// filed under a per-minute singleton key, so a scheduled job runs once per tick however many
// instances run; whichever instance fetches it first runs it.

export const JOB_SCHEMA = "pgboss"

export type JobRunner = {
  boss: PgBoss
  instance: string
  /** Stops fetching, waits up to `timeoutMs` for running jobs, then fails what is left (they are retried). */
  stop: (timeoutMs?: number) => Promise<void>
}

export type JobRunnerOptions = {
  pool: pg.Pool
  jobs: readonly ScheduledJob[]
  instance: string
  /** pg-boss's TestClock in tests; the system clock otherwise. */
  clock?: Clock
  /** How often an idle worker looks for a job of its queue. */
  pollingIntervalSeconds?: number
  log?: (line: string) => void
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const { pool, jobs, instance, clock, pollingIntervalSeconds = 5, log = console.error } = options
  const boss = new PgBoss({
    db: poolExecutor(pool),
    schema: JOB_SCHEMA,
    instanceName: instance,
    ...(clock ? { clock } : {}),
    // The default OpenTelemetry instrumentation is a no-op without an SDK; nothing registers one.
    openTelemetry: { enabled: false },
  })
  boss.on("error", (error: Error) => log(`[jobs] ${error.message}`))
  boss.on("warning", (warning: { message: string }) => log(`[jobs] ${warning.message}`))
  try {
    await boss.start()
    const declared = new Set(jobs.map((job) => job.name))
    for (const job of jobs) {
      await boss.createQueue(job.name, queueOptions(job))
      // createQueue leaves an existing queue as it was: bring its policy in line with the declaration.
      await boss.updateQueue(job.name, queueOptions(job))
      await boss.schedule(job.name, job.cron, null, { tz: "UTC" })
    }
    // A job removed from the declaration list stops being scheduled (its queue and history stay).
    for (const schedule of await boss.getSchedules()) {
      if (!declared.has(schedule.name)) await boss.unschedule(schedule.name, schedule.key)
    }
    for (const job of jobs) {
      await boss.work(
        job.name,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds },
        async ([queued]: JobWithMetadata<unknown>[]) => runAttempt(job, queued, instance, log),
      )
    }
  } catch (error) {
    // A half-started instance would keep its timers; stop it so a later attempt starts clean.
    await boss.stop({ graceful: false, close: false }).catch(() => {})
    throw error
  }

  return {
    boss,
    instance,
    stop: (timeoutMs = 20_000) => boss.stop({ graceful: true, timeout: timeoutMs, close: false }),
  }
}

function queueOptions(job: ScheduledJob): Omit<Queue, "name"> {
  return {
    retryLimit: job.retry.limit,
    retryDelay: job.retry.delaySeconds,
    retryBackoff: job.retry.backoff,
    ...(job.retry.maxDelaySeconds ? { retryDelayMax: job.retry.maxDelaySeconds } : {}),
    expireInSeconds: job.expireInSeconds,
    // The queue's own copies of finished jobs; the history that matters is in job_runs.
    deleteAfterSeconds: 2 * 86_400,
  }
}

/** One attempt: a RUNNING row first, then SUCCEEDED or FAILED with its duration, result or error. */
async function runAttempt(
  job: ScheduledJob,
  queued: JobWithMetadata<unknown>,
  instance: string,
  log: (line: string) => void,
): Promise<unknown> {
  const startedAt = new Date()
  const attempt = queued.retryCount + 1
  const runId = await recordRunStarted({ job: job.name, queueJobId: queued.id, attempt, instance, startedAt })
  const started = performance.now()
  let result: unknown
  try {
    result = await job.run({
      jobId: queued.id,
      attempt,
      queuedAt: queued.createdOn,
      startedAt: queued.startedOn ?? startedAt,
      signal: queued.signal,
    })
  } catch (error) {
    await recordRunFailed(runId, new Date(), performance.now() - started, error).catch((e: unknown) =>
      log(`[jobs ${job.name}] could not record the failure: ${describeError(e)}`),
    )
    throw error
  }
  // The work is done: a failure to record it must not make the queue run it again.
  await recordRunSucceeded(runId, new Date(), performance.now() - started, result).catch((e: unknown) =>
    log(`[jobs ${job.name}] could not record the result: ${describeError(e)}`),
  )
  return result
}
