import { applyAnalyticsRetention, runRollups } from "@/lib/analytics/rollups"
import { applyRetention } from "@/lib/monitoring/retention"
import { runUptimeProbes } from "@/lib/monitoring/uptime/probes"
import { rollUpResources } from "@/lib/monitoring/resources/rollup"
import type { ScheduledJob } from "./types"

// Every scheduled job of the app, in one list. The job runner (lib/jobs/runner.ts) schedules each
// on start, runs each tick once across all instances, retries on failure with the policy given
// here, and records every attempt in job_runs. Cron is UTC, one minute at the finest: work that
// must run more often, or on every instance, is a loop in lib/jobs/background.ts instead.

export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  {
    name: "uptime.probe",
    cron: "* * * * *",
    description:
      "Probes the app, landing page, database, job queue and the configured APIs; one row per component per minute",
    // A probe for a minute that has passed is worth nothing: no retry, and it must finish within its minute.
    retry: { limit: 0, delaySeconds: 0, backoff: false },
    expireInSeconds: 50,
    run: (tick) => runUptimeProbes(tick),
  },
  {
    name: "monitoring.resource-rollup",
    cron: "*/5 * * * *",
    description:
      "Rolls resource samples into hourly rows (lib/monitoring/resources/rollup.ts) for the week and month charts",
    // Each run rebuilds the last two hours from raw samples: a failed run is made good by the next.
    retry: { limit: 1, delaySeconds: 30, backoff: false },
    expireInSeconds: 240,
    run: () => rollUpResources(),
  },
  {
    name: "monitoring.retention",
    cron: "7 * * * *",
    description:
      "Deletes monitoring rows past their retention (lib/monitoring/retention.ts) and closes abandoned job runs",
    retry: { limit: 3, delaySeconds: 60, backoff: true, maxDelaySeconds: 900 },
    expireInSeconds: 600,
    run: () => applyRetention(),
  },
  {
    name: "analytics.rollup",
    // Every 5 minutes, not every minute: readers take rollup rows only for whole hours and days
    // before the watermark and raw events after, so the raw tail is the current hour or day either
    // way, while each run recomputes the current hour and day. A backlog goes in batches, at most
    // 40 s per run.
    cron: "*/5 * * * *",
    description:
      "Rolls new analytics events into the hourly, daily, visitor-day and session tables, visitor days into the first-seen retention tables and daily actives, and keeps the entries of saved funnels (lib/analytics/rollups)",
    // The next tick carries on where a failed run stopped: one quick retry is enough.
    retry: { limit: 1, delaySeconds: 15, backoff: false },
    expireInSeconds: 120,
    run: (tick) => runRollups({ budgetMs: 40_000, signal: tick.signal }),
  },
  {
    name: "analytics.retention",
    cron: "23 3 * * *",
    description:
      "Deletes raw analytics events older than ANALYTICS_RAW_RETENTION_DAYS once rolled up, and rollup rows past their retention",
    retry: { limit: 3, delaySeconds: 300, backoff: true, maxDelaySeconds: 3600 },
    expireInSeconds: 1800,
    run: () => applyAnalyticsRetention(),
  },
]
