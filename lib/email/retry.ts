// When a failed send is tried again. Pure: no clock, no I/O.

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** Wait before retry n (1-based): the first send, then five retries, then FAILED. */
export const RETRY_DELAYS_MS = [30 * SECOND, 2 * MINUTE, 10 * MINUTE, HOUR, 6 * HOUR] as const

/** Tries in all: the first send plus one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1

/** Resend errors that will fail the same way every time (openstatus treats the same three so). */
const NON_RETRYABLE = new Set(["validation_error", "invalid_idempotent_request", "invalid_idempotency_key"])

export function isRetryable(errorName: string): boolean {
  return !NON_RETRYABLE.has(errorName)
}

/**
 * After a failed try: when to try again, or null when the message has failed for good.
 * `attempts` counts the tries made so far, including the one that just failed.
 */
export function nextAttemptAt(attempts: number, now: Date, errorName: string): Date | null {
  if (!isRetryable(errorName) || attempts >= MAX_ATTEMPTS) return null
  const delay = RETRY_DELAYS_MS[Math.max(0, attempts - 1)]!
  return new Date(now.getTime() + delay)
}

/**
 * Resend's answer when the team's requests per second are used up (429 rate_limit_exceeded). Its
 * daily and monthly quota errors are 429 too, but waiting a second does not end them.
 */
export function isRateLimited(error: { name: string; statusCode: number | null }): boolean {
  if (error.name.endsWith("_quota_exceeded")) return false
  return error.name === "rate_limit_exceeded" || error.statusCode === 429
}

/** Without a readable Retry-After, a second: Resend's window. */
const DEFAULT_RATE_LIMIT_WAIT_MS = SECOND
const MAX_RATE_LIMIT_WAIT_MS = HOUR

/** How long Resend asks us to wait: its Retry-After header, in seconds or as an HTTP date. */
export function retryAfterMs(headers: Record<string, string> | null | undefined, now: number): number {
  const value = headers?.["retry-after"]?.trim()
  if (!value) return DEFAULT_RATE_LIMIT_WAIT_MS
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * SECOND : Date.parse(value) - now
  if (!Number.isFinite(ms)) return DEFAULT_RATE_LIMIT_WAIT_MS
  return Math.min(MAX_RATE_LIMIT_WAIT_MS, Math.max(0, Math.ceil(ms)))
}
