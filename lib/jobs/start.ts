import "server-only"
import { pool } from "@/lib/db"
import { instanceId } from "@/lib/monitoring/instance"
import { onShutdown } from "@/lib/server/shutdown"
import { startJobRunner, type JobRunner } from "./runner"
import { SCHEDULED_JOBS } from "./schedule"

const globalForJobs = globalThis as unknown as { jobRunner?: Promise<JobRunner | undefined> }

/**
 * Starts this process's job runner once (instrumentation.ts calls it on server start). Every job
 * goes through the app's pool, so on the embedded database the queue shares its one connection.
 * On shutdown (lib/server/shutdown.ts) the runner stops taking jobs and gives running ones 10 s; a
 * job cut short by the process exiting is retried by another instance once its attempt expires.
 */
export function startScheduledJobs(log: (line: string) => void = console.error): Promise<JobRunner | undefined> {
  globalForJobs.jobRunner ??= startJobRunner({ pool: pool(), jobs: SCHEDULED_JOBS, instance: instanceId(), log }).then(
    (runner) => {
      onShutdown("jobs", "job runner", () => runner.stop(10_000))
      return runner
    },
    (error: unknown) => {
      log(
        `[jobs] the job runner did not start (trying again in a minute): ${error instanceof Error ? error.message : String(error)}`,
      )
      globalForJobs.jobRunner = undefined
      setTimeout(() => void startScheduledJobs(log), 60_000).unref()
      return undefined
    },
  )
  return globalForJobs.jobRunner
}
