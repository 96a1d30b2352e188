import { expect, test } from "vitest"
import type { PolarSubscriptionSnapshot } from "./events"
import { intendedSubscription, isNewer, mrrEffectiveAt, snapshotTime, subscriptionTransitions } from "./subscription-state"

const monthly = { id: "plan_m", interval: "MONTH" as const, priceCents: 1999 }
const annual = { id: "plan_a", interval: "YEAR" as const, priceCents: 19900 }
const d = (iso: string) => new Date(iso)

function snapshot(change: Partial<PolarSubscriptionSnapshot> = {}): PolarSubscriptionSnapshot {
  return {
    id: "sub_1",
    status: "active",
    created_at: d("2026-01-01T00:00:00Z"),
    modified_at: null,
    product_id: "prod",
    current_period_start: d("2026-01-01T00:00:00Z"),
    current_period_end: d("2026-02-01T00:00:00Z"),
    cancel_at_period_end: false,
    canceled_at: null,
    started_at: d("2026-01-01T00:00:00Z"),
    ended_at: null,
    ends_at: null,
    metadata: {},
    ...change,
  }
}

test("active, trialing and past due earn their plan's monthly amount; annual is a twelfth, rounded once", () => {
  expect(intendedSubscription(snapshot(), monthly).mrrCents).toBe(1999)
  expect(intendedSubscription(snapshot({ status: "trialing" }), monthly)).toMatchObject({ status: "TRIALING", mrrCents: 1999 })
  expect(intendedSubscription(snapshot({ status: "past_due" }), monthly)).toMatchObject({ status: "PAST_DUE", mrrCents: 1999 })
  expect(intendedSubscription(snapshot(), annual).mrrCents).toBe(1658) // 19900 / 12 = 1658.33
})

test("a cancellation at period end still earns; an ended, unpaid, paused or incomplete one does not", () => {
  expect(intendedSubscription(snapshot({ cancel_at_period_end: true, canceled_at: d("2026-01-10T00:00:00Z") }), monthly)).toMatchObject({ status: "ACTIVE", cancelAtPeriodEnd: true, mrrCents: 1999 })
  const revoked = snapshot({ status: "canceled", modified_at: d("2026-02-01T00:00:00Z"), ended_at: d("2026-02-01T00:00:00Z") })
  expect(intendedSubscription(revoked, monthly)).toMatchObject({ status: "CANCELED", mrrCents: 0, endedAt: d("2026-02-01T00:00:00Z") })
  expect(intendedSubscription(snapshot({ status: "unpaid" }), monthly)).toMatchObject({ status: "UNPAID", mrrCents: 0 })
  expect(intendedSubscription(snapshot({ status: "paused" }), monthly)).toMatchObject({ status: "CANCELED", mrrCents: 0 })
  expect(intendedSubscription(snapshot({ status: "incomplete" }), monthly)).toMatchObject({ status: "INCOMPLETE", mrrCents: 0 })
  // Active but its end already passed at the snapshot's own time: ended.
  expect(intendedSubscription(snapshot({ modified_at: d("2026-02-02T00:00:00Z"), ended_at: d("2026-02-01T00:00:00Z") }), monthly).mrrCents).toBe(0)
})

test("a snapshot's time is modified_at, else created_at; equal or newer replaces, older does not", () => {
  expect(snapshotTime(snapshot())).toEqual(d("2026-01-01T00:00:00Z"))
  expect(snapshotTime(snapshot({ modified_at: d("2026-01-05T00:00:00Z") }))).toEqual(d("2026-01-05T00:00:00Z"))
  expect(isNewer(d("2026-01-05T00:00:00Z"), null)).toBe(true)
  expect(isNewer(d("2026-01-05T00:00:00Z"), d("2026-01-05T00:00:00Z"))).toBe(true)
  expect(isNewer(d("2026-01-04T23:59:59.999Z"), d("2026-01-05T00:00:00Z"))).toBe(false)
})

test("the ledger row's time: a first sale at the start, an end at ended_at, anything else when Polar changed it", () => {
  const upgraded = snapshot({ modified_at: d("2026-01-15T12:00:00Z") })
  expect(mrrEffectiveAt(upgraded, { nextMrrCents: 4900, firstSale: true })).toEqual(d("2026-01-01T00:00:00Z"))
  expect(mrrEffectiveAt(upgraded, { nextMrrCents: 4900, firstSale: false })).toEqual(d("2026-01-15T12:00:00Z"))
  const revoked = snapshot({ modified_at: d("2026-02-01T00:00:05Z"), ended_at: d("2026-02-01T00:00:00Z") })
  expect(mrrEffectiveAt(revoked, { nextMrrCents: 0, firstSale: false })).toEqual(d("2026-02-01T00:00:00Z"))
})

test("transitions are reported once, on the change itself", () => {
  const base = { status: "ACTIVE" as const, planId: "plan_m", cancelAtPeriodEnd: false, endedAt: null }
  expect(subscriptionTransitions(base, { ...base, cancelAtPeriodEnd: true })).toEqual(["cancel_scheduled"])
  expect(subscriptionTransitions({ ...base, cancelAtPeriodEnd: true }, { ...base, cancelAtPeriodEnd: true })).toEqual([])
  expect(subscriptionTransitions({ ...base, cancelAtPeriodEnd: true }, base)).toEqual(["cancel_withdrawn"])
  expect(subscriptionTransitions(base, { ...base, planId: "plan_t" })).toEqual(["plan_changed"])
  expect(subscriptionTransitions(base, { ...base, status: "PAST_DUE" })).toEqual(["payment_failed"])
  expect(subscriptionTransitions(base, { ...base, status: "CANCELED", endedAt: d("2026-02-01T00:00:00Z") })).toEqual([])
})
