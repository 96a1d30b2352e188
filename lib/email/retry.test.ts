import { expect, test } from "vitest"
import { isRateLimited, MAX_ATTEMPTS, nextAttemptAt, retryAfterMs } from "./retry"

const now = new Date("2026-03-01T12:00:00.000Z")

test("a retryable failure waits 30 s, 2 min, 10 min, 1 h, 6 h, then gives up", () => {
  expect(MAX_ATTEMPTS).toBe(6)
  const schedule = [1, 2, 3, 4, 5, 6].map(
    (attempts) => nextAttemptAt(attempts, now, "application_error")?.toISOString() ?? null,
  )
  expect(schedule).toEqual([
    "2026-03-01T12:00:30.000Z",
    "2026-03-01T12:02:00.000Z",
    "2026-03-01T12:10:00.000Z",
    "2026-03-01T13:00:00.000Z",
    "2026-03-01T18:00:00.000Z",
    null,
  ])
})

test("errors Resend will repeat fail at once", () => {
  for (const name of ["validation_error", "invalid_idempotent_request", "invalid_idempotency_key"]) {
    expect(nextAttemptAt(1, now, name)).toBeNull()
  }
  // Rate limits and concurrent requests with the same key clear up by themselves.
  expect(nextAttemptAt(1, now, "rate_limit_exceeded")).toEqual(new Date("2026-03-01T12:00:30.000Z"))
  expect(nextAttemptAt(1, now, "concurrent_idempotent_requests")).toEqual(new Date("2026-03-01T12:00:30.000Z"))
})

test("Resend's rate limit is a 429 that waiting ends; its quota errors are not", () => {
  expect(isRateLimited({ name: "rate_limit_exceeded", statusCode: 429 })).toBe(true)
  // A 429 whose body could not be read comes back from the SDK as application_error.
  expect(isRateLimited({ name: "application_error", statusCode: 429 })).toBe(true)
  expect(isRateLimited({ name: "daily_quota_exceeded", statusCode: 429 })).toBe(false)
  expect(isRateLimited({ name: "monthly_quota_exceeded", statusCode: 429 })).toBe(false)
  expect(isRateLimited({ name: "internal_server_error", statusCode: 500 })).toBe(false)
})

test("Retry-After in seconds or as a date; a second when absent or unreadable", () => {
  const at = now.getTime()
  expect(retryAfterMs({ "retry-after": "3" }, at)).toBe(3_000)
  expect(retryAfterMs({ "retry-after": "0.5" }, at)).toBe(500)
  expect(retryAfterMs({ "retry-after": "Sun, 01 Mar 2026 12:00:10 GMT" }, at)).toBe(10_000)
  expect(retryAfterMs({ "retry-after": "Sun, 01 Mar 2026 11:00:00 GMT" }, at)).toBe(0)
  expect(retryAfterMs({}, at)).toBe(1_000)
  expect(retryAfterMs(null, at)).toBe(1_000)
  expect(retryAfterMs({ "retry-after": "soon" }, at)).toBe(1_000)
  expect(retryAfterMs({ "retry-after": "86400" }, at)).toBe(3_600_000)
})
