import { expect, test } from "vitest"
import { MAX_ATTEMPTS, nextAttemptAt } from "./retry"

const now = new Date("2026-03-01T12:00:00.000Z")

test("a retryable failure waits 30 s, 2 min, 10 min, 1 h, 6 h, then gives up", () => {
  expect(MAX_ATTEMPTS).toBe(6)
  const schedule = [1, 2, 3, 4, 5, 6].map((attempts) => nextAttemptAt(attempts, now, "application_error")?.toISOString() ?? null)
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
