import { applyRetention } from "@/lib/monitoring/retention"
import { runUptimeProbes } from "@/lib/monitoring/probes"
import type { ScheduledJob } from "./types"

// Every scheduled job of the app, in one list. The job runner (lib/jobs/runner.ts) schedules each
// on start, runs each tick once across all instances, retries on failure with the policy given
// here, and records every attempt in job_runs. Cron is UTC, one minute at the finest: work that
// must run more often, or on every instance, is a loop in lib/jobs/background.ts instead.

export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  {
    name: "uptime.probe",
    cron: "* * * * *",
    description: "Probes the app, landing page, database, job queue and the configured APIs; one row per component per minute",
    // A probe for a minute that has passed is worth nothing: no retry, and it must finish within its minute.
    retry: { limit: 0, delaySeconds: 0, backoff: false },
    expireInSeconds: 50,
    run: (tick) => runUptimeProbes(tick),
  },
  {
    name: "monitoring.retention",
    cron: "7 * * * *",
    description: "Deletes monitoring rows past their retention (lib/monitoring/retention.ts) and closes abandoned job runs",
    retry: { limit: 3, delaySeconds: 60, backoff: true, maxDelaySeconds: 900 },
    expireInSeconds: 600,
    run: () => applyRetention(),
  },
]
