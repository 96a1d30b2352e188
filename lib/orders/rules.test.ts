import { expect, test } from "vitest"
import { canRevealCredentials, isOpenOrder, isOverdue, isReleaseDue } from "./rules"

const now = new Date("2026-05-01T12:00:00Z")

test("only pending and in-progress orders are open, and only open ones can be overdue", () => {
  expect(["PENDING", "IN_PROGRESS", "FULFILLED", "CANCELED", "REFUNDED"].map((s) => isOpenOrder(s as never))).toEqual([
    true,
    true,
    false,
    false,
    false,
  ])
  expect(isOverdue({ status: "PENDING", dueAt: new Date("2026-05-01T11:59:59.999Z") }, now)).toBe(true)
  expect(isOverdue({ status: "PENDING", dueAt: now }, now)).toBe(false)
  expect(isOverdue({ status: "FULFILLED", dueAt: new Date("2026-04-01T00:00:00Z") }, now)).toBe(false)
})

test("a release is due from the request until the seat is released", () => {
  expect(isReleaseDue({ releaseDueAt: null, releasedAt: null })).toBe(false)
  expect(isReleaseDue({ releaseDueAt: now, releasedAt: null })).toBe(true)
  expect(isReleaseDue({ releaseDueAt: now, releasedAt: now })).toBe(false)
})

test("credentials can be revealed only for a delivered seat that still exists", () => {
  const delivered = { status: "FULFILLED" as const, releasedAt: null, refundedAt: null, hasCredentials: true }
  expect(canRevealCredentials(delivered)).toBe(true)
  expect(canRevealCredentials({ ...delivered, hasCredentials: false })).toBe(false)
  expect(canRevealCredentials({ ...delivered, releasedAt: now })).toBe(false)
  expect(canRevealCredentials({ ...delivered, refundedAt: now })).toBe(false)
  expect(canRevealCredentials({ ...delivered, status: "IN_PROGRESS" })).toBe(false)
})
