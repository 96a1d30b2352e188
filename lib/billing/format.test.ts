import { expect, test } from "vitest"
import { describeRenewal, describeSubscriptionStatus, formatPlanPrice, intervalLabel } from "./format"

// Dates print in UTC, so the instants are written in UTC too.
const now = new Date("2026-03-01T12:00:00Z")
const periodEnd = new Date("2026-03-15T09:30:00Z")
const active = { status: "ACTIVE", cancelAtPeriodEnd: false, currentPeriodEnd: periodEnd, endedAt: null } as const

test("plan prices read with their interval", () => {
  expect(intervalLabel("MONTH")).toBe("month")
  expect(intervalLabel("YEAR")).toBe("year")
  expect(formatPlanPrice({ priceCents: 1900, currency: "usd", interval: "MONTH" })).toBe("$19/month")
  expect(formatPlanPrice({ priceCents: 19000, currency: "usd", interval: "YEAR" })).toBe("$190/year")
  expect(formatPlanPrice({ priceCents: 2499, currency: "usd", interval: "MONTH" })).toBe("$24.99/month")
})

test("subscription statuses in human words", () => {
  expect(describeSubscriptionStatus(active, now)).toEqual({ label: "Active", tone: "success" })
  expect(describeSubscriptionStatus({ ...active, status: "TRIALING" }, now).label).toBe("Trial")
  expect(describeSubscriptionStatus({ ...active, status: "PAST_DUE" }, now)).toEqual({
    label: "Payment failed",
    tone: "danger",
  })
  expect(describeSubscriptionStatus({ ...active, status: "UNPAID" }, now).label).toBe("Unpaid")
  expect(describeSubscriptionStatus({ ...active, status: "INCOMPLETE" }, now).label).toBe("Awaiting payment")
  expect(describeSubscriptionStatus({ ...active, status: "CANCELED" }, now).label).toBe("Canceled")
})

test("a cancellation at period end stays active until that date", () => {
  const canceling = { ...active, cancelAtPeriodEnd: true }
  expect(describeSubscriptionStatus(canceling, now)).toEqual({
    label: "Canceled, active until March 15, 2026",
    tone: "warning",
  })
  // Past the period end without an endedAt (webhook not yet arrived): no longer "active until".
  expect(describeSubscriptionStatus(canceling, new Date("2026-03-16T00:00:00Z")).label).toBe("Canceled")
  // A payment problem is shown before the scheduled cancellation.
  expect(describeSubscriptionStatus({ ...canceling, status: "PAST_DUE" }, now).label).toBe("Payment failed")
})

test("an ended subscription reads Canceled whatever its last status", () => {
  const ended = { ...active, endedAt: new Date("2026-02-20T00:00:00Z") }
  expect(describeSubscriptionStatus(ended, now)).toEqual({ label: "Canceled", tone: "neutral" })
})

test("the renewal line says what the period end means", () => {
  expect(describeRenewal(active, now)).toEqual({ term: "Renews on", date: periodEnd })
  expect(describeRenewal({ ...active, cancelAtPeriodEnd: true }, now)).toEqual({
    term: "Access until",
    date: periodEnd,
  })
  expect(describeRenewal({ ...active, status: "CANCELED" }, new Date("2026-04-01T00:00:00Z"))).toBeNull()
  const endedAt = new Date("2026-02-20T00:00:00Z")
  expect(describeRenewal({ ...active, endedAt }, now)).toEqual({ term: "Ended on", date: endedAt })
})
