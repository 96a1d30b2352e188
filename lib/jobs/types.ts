/** What a run of a scheduled job knows about itself. */
export type JobContext = {
  /** The queue's id for the job; a retry keeps it. */
  jobId: string
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number
  /** When the schedule put the job on the queue (the tick it belongs to). */
  queuedAt: Date
  /** When this attempt was handed to a worker. */
  startedAt: Date
  /** Aborted when the job runs past `expireInSeconds` or the runner stops. */
  signal: AbortSignal
}

export type RetryPolicy = {
  /** Retries after the first failure (0 = never retried). */
  limit: number
  /** Seconds before the first retry. */
  delaySeconds: number
  /** Each retry waits about twice as long as the one before (with jitter), capped by maxDelaySeconds. */
  backoff: boolean
  maxDelaySeconds?: number
}

export type ScheduledJob = {
  /** Queue name: letters, digits, `.`, `-`, `_`, `/`. */
  name: string
  /** Five-field cron, UTC. One minute is the smallest interval the queue honours. */
  cron: string
  description: string
  retry: RetryPolicy
  /** How long one attempt may run before it counts as failed and is retried. */
  expireInSeconds: number
  /** Returns a JSON-serialisable summary, stored with the run. Throwing fails the attempt. */
  run: (context: JobContext) => Promise<unknown>
}
