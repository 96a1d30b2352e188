import { expect, test } from "vitest"
import { describeRenewal, describeSubscriptionStatus, formatDate, formatMoney, formatPlanPrice, intervalLabel } from "./format"

// Local-time dates, so the expected strings hold in any time zone the tests run in.
const now = new Date(2026, 2, 1, 12, 0)
const periodEnd = new Date(2026, 2, 15, 9, 30)
const active = { status: "ACTIVE", cancelAtPeriodEnd: false, currentPeriodEnd: periodEnd, endedAt: null } as const

test("formatMoney formats cents as dollars", () => {
  expect(formatMoney(1999, "usd")).toBe("$19.99")
  expect(formatMoney(1999, "USD")).toBe("$19.99")
  expect(formatMoney(0, "usd")).toBe("$0.00")
  expect(formatMoney(5, "usd")).toBe("$0.05")
  expect(formatMoney(123456, "usd")).toBe("$1,234.56")
  expect(formatMoney(-500, "usd")).toBe("-$5.00")
})

test("formatMoney uses each currency's own minor unit", () => {
  expect(formatMoney(1999, "eur")).toBe("€19.99")
  expect(formatMoney(500, "jpy")).toBe("¥500")
})

test("formatMoney drops .00 only when asked and only for whole amounts", () => {
  expect(formatMoney(1900, "usd", { hideZeroCents: true })).toBe("$19")
  expect(formatMoney(1999, "usd", { hideZeroCents: true })).toBe("$19.99")
  expect(formatMoney(1950, "usd", { hideZeroCents: true })).toBe("$19.50")
  expect(formatMoney(1900, "usd")).toBe("$19.00")
})

test("plan prices read with their interval", () => {
  expect(intervalLabel("MONTH")).toBe("month")
  expect(intervalLabel("YEAR")).toBe("year")
  expect(formatPlanPrice({ priceCents: 1900, currency: "usd", interval: "MONTH" })).toBe("$19/month")
  expect(formatPlanPrice({ priceCents: 19000, currency: "usd", interval: "YEAR" })).toBe("$190/year")
  expect(formatPlanPrice({ priceCents: 2499, currency: "usd", interval: "MONTH" })).toBe("$24.99/month")
})

test("formatDate writes the month out", () => {
  expect(formatDate(periodEnd)).toBe("March 15, 2026")
})

test("subscription statuses in human words", () => {
  expect(describeSubscriptionStatus(active, now)).toEqual({ label: "Active", tone: "success" })
  expect(describeSubscriptionStatus({ ...active, status: "TRIALING" }, now).label).toBe("Trial")
  expect(describeSubscriptionStatus({ ...active, status: "PAST_DUE" }, now)).toEqual({ label: "Payment failed", tone: "danger" })
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
  expect(describeSubscriptionStatus(canceling, new Date(2026, 2, 16)).label).toBe("Canceled")
  // A payment problem is shown before the scheduled cancellation.
  expect(describeSubscriptionStatus({ ...canceling, status: "PAST_DUE" }, now).label).toBe("Payment failed")
})

test("an ended subscription reads Canceled whatever its last status", () => {
  const ended = { ...active, endedAt: new Date(2026, 1, 20) }
  expect(describeSubscriptionStatus(ended, now)).toEqual({ label: "Canceled", tone: "neutral" })
})

test("the renewal line says what the period end means", () => {
  expect(describeRenewal(active, now)).toEqual({ term: "Renews on", date: periodEnd })
  expect(describeRenewal({ ...active, cancelAtPeriodEnd: true }, now)).toEqual({ term: "Access until", date: periodEnd })
  expect(describeRenewal({ ...active, status: "CANCELED" }, new Date(2026, 3, 1))).toBeNull()
  const endedAt = new Date(2026, 1, 20)
  expect(describeRenewal({ ...active, endedAt }, now)).toEqual({ term: "Ended on", date: endedAt })
})
