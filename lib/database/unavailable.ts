/** How soon a caller refused for want of a connection should try again. */
const RETRY_AFTER_SECONDS = 2

/** No database connection could be had in time (lib/database/client.ts): the route wrapper answers 503 with Retry-After. */
export class DatabaseUnavailableError extends Error {
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS
  constructor(
    readonly reason: "queue_full" | "wait_timeout" | "connect_timeout",
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = "DatabaseUnavailableError"
  }
}

/** By name too: Next bundles route handlers apart, so the class may come from another copy of this module. */
export function isDatabaseUnavailable(error: unknown): error is DatabaseUnavailableError {
  return (
    error instanceof DatabaseUnavailableError || (error instanceof Error && error.name === "DatabaseUnavailableError")
  )
}
