import { describe, expect, test } from "vitest"
import { preciseDate } from "./instant"
import type { RecurringDiscount } from "@/lib/revenue/recurring"
import type { PolarSubscriptionSnapshot } from "../webhooks/events"
import { compareSnapshots, fingerprintOf, snapshotDiscount, snapshotState, takenAt } from "./snapshot"
import {
  currencyOf,
  isEarning,
  ourStatus,
  type PlanFacts,
  seatsOf,
  stateMrrCents,
  subscriptionTransitions,
} from "./state"

const d = (iso: string) => new Date(iso)

const monthly: PlanFacts = {
  id: "plan_m",
  name: "Monthly",
  interval: "MONTH",
  priceCents: 1999,
  currency: "USD",
  seats: 1,
}
const annual: PlanFacts = {
  id: "plan_a",
  name: "Annual",
  interval: "YEAR",
  priceCents: 19900,
  currency: "USD",
  seats: 1,
}
const team: PlanFacts = { id: "plan_t", name: "Team", interval: "MONTH", priceCents: 4900, currency: "USD", seats: 5 }

function snapshot(change: Partial<PolarSubscriptionSnapshot> = {}): PolarSubscriptionSnapshot {
  return {
    id: "sub_1",
    status: "active",
    created_at: d("2026-01-01T00:00:00Z"),
    modified_at: null,
    product_id: "prod_m",
    current_period_start: d("2026-01-01T00:00:00Z"),
    current_period_end: d("2026-02-01T00:00:00Z"),
    cancel_at_period_end: false,
    canceled_at: null,
    started_at: d("2026-01-01T00:00:00Z"),
    ended_at: null,
    ends_at: null,
    metadata: {},
    amount: 1999,
    currency: "usd",
    recurring_interval: "month",
    recurring_interval_count: 1,
    seats: null,
    discount_id: null,
    discount: null,
    ...change,
  }
}
const state = (change: Partial<PolarSubscriptionSnapshot> = {}) => snapshotState(snapshot(change))
const stored = (change: Partial<PolarSubscriptionSnapshot> = {}) => {
  const s = state(change)
  return { takenAt: takenAt(s), fingerprint: fingerprintOf(s), state: s }
}

describe("snapshotState / snapshotDiscount", () => {
  test("keeps Polar's figures, instants as ISO text, the currency in lower case", () => {
    expect(state({ currency: "EUR", modified_at: d("2026-01-05T00:00:00Z"), seats: 3, discount_id: "disc_1" })).toEqual(
      {
        status: "active",
        productId: "prod_m",
        amountCents: 1999,
        currency: "eur",
        interval: "month",
        intervalCount: 1,
        seats: 3,
        discountId: "disc_1",
        createdAt: "2026-01-01T00:00:00.000000Z",
        modifiedAt: "2026-01-05T00:00:00.000000Z",
        startedAt: "2026-01-01T00:00:00.000000Z",
        currentPeriodStart: "2026-01-01T00:00:00.000000Z",
        currentPeriodEnd: "2026-02-01T00:00:00.000000Z",
        cancelAtPeriodEnd: false,
        canceledAt: null,
        endsAt: null,
        endedAt: null,
      },
    )
  })

  test("a payload that predates amounts has nulls, and an interval count of 1", () => {
    const old = state({
      amount: undefined,
      currency: undefined,
      recurring_interval: undefined,
      recurring_interval_count: undefined,
      seats: undefined,
      discount_id: undefined,
      discount: undefined,
    })
    expect(old).toMatchObject({
      amountCents: null,
      currency: null,
      interval: null,
      intervalCount: 1,
      seats: null,
      discountId: null,
    })
  })

  test("the discount's id comes from discount_id, else from the discount itself", () => {
    const forever = {
      id: "disc_2",
      type: "percentage" as const,
      basis_points: 2000,
      duration: "forever" as const,
      duration_in_months: null,
    }
    expect(state({ discount_id: null, discount: forever }).discountId).toBe("disc_2")
    expect(state({ discount_id: "disc_1", discount: null }).discountId).toBe("disc_1")
  })

  test("Polar's discount becomes ours: basis points, or a fixed amount with its currency", () => {
    expect(snapshotDiscount(null)).toBeNull()
    expect(
      snapshotDiscount({
        id: "d1",
        type: "percentage",
        basis_points: 5000,
        duration: "repeating",
        duration_in_months: 2,
      }),
    ).toEqual({
      id: "d1",
      type: "percentage",
      basisPoints: 5000,
      duration: "repeating",
      months: 2,
    } satisfies RecurringDiscount)
    expect(snapshotDiscount({ id: "d2", type: "fixed", amount: 500, currency: "usd", duration: "once" })).toEqual({
      id: "d2",
      type: "fixed",
      amountCents: 500,
      currency: "usd",
      duration: "once",
      months: null,
    } satisfies RecurringDiscount)
  })
})

describe("takenAt / fingerprintOf / compareSnapshots", () => {
  test("a snapshot's time is modified_at, else created_at", () => {
    expect(takenAt(state())).toEqual(d("2026-01-01T00:00:00Z"))
    expect(takenAt(state({ modified_at: d("2026-01-05T00:00:00Z") }))).toEqual(d("2026-01-05T00:00:00Z"))
  })

  test("the same state always hashes the same; any change of state changes it", () => {
    const fingerprint = fingerprintOf(state())
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(fingerprintOf(state())).toBe(fingerprint)
    expect(fingerprintOf(state({ modified_at: d("2026-01-01T00:00:00.001Z") }))).not.toBe(fingerprint)
    expect(fingerprintOf(state({ cancel_at_period_end: true }))).not.toBe(fingerprint)
    expect(fingerprintOf(state({ amount: 2000 }))).not.toBe(fingerprint)
  })

  test("the discount's terms are not in the fingerprint: an order's copy (id only) and a subscription event's copy are one state", () => {
    const terms = { id: "disc_1", type: "percentage" as const, basis_points: 2000, duration: "forever" as const }
    expect(fingerprintOf(state({ discount_id: "disc_1", discount: terms }))).toBe(
      fingerprintOf(state({ discount_id: "disc_1" })),
    )
    // Fields Polar sends but that decide nothing (metadata, the subscription id) are not in it either.
    expect(fingerprintOf(state({ metadata: { a: 1 } }))).toBe(fingerprintOf(state()))
  })

  test("earlier instants come first, to the microsecond; at one instant the content, then the fingerprint decides", () => {
    const early = stored({ modified_at: d("2026-01-05T00:00:00Z") })
    const late = stored({ modified_at: d("2026-01-05T00:00:00.001Z") })
    expect(compareSnapshots(early, late)).toBeLessThan(0)
    expect(compareSnapshots(late, early)).toBeGreaterThan(0)
    expect(compareSnapshots(early, early)).toBe(0)
    // One microsecond apart: the same millisecond for a Date, still ordered.
    const first = stored({ modified_at: preciseDate("2026-01-05T00:00:00.000457Z") })
    const second = stored({ modified_at: preciseDate("2026-01-05T00:00:00.000458Z"), product_id: "prod_annual" })
    expect(first.takenAt.getTime()).toBe(second.takenAt.getTime())
    expect(compareSnapshots(first, second)).toBeLessThan(0)
    expect(compareSnapshots(second, first)).toBeGreaterThan(0)
    // The very same instant: decided by the content, whatever ids the states carry.
    const a = stored({ modified_at: d("2026-01-05T00:00:00Z"), product_id: "prod_a", discount_id: "disc_z" })
    const b = stored({ modified_at: d("2026-01-05T00:00:00Z"), product_id: "prod_b", discount_id: "disc_a" })
    expect(compareSnapshots(a, b)).toBeLessThan(0)
    expect(compareSnapshots(b, a)).toBeGreaterThan(0)
    // Equal content but for the discount id: the fingerprint decides.
    const c = stored({ modified_at: d("2026-01-05T00:00:00Z"), discount_id: "disc_1" })
    const e = stored({ modified_at: d("2026-01-05T00:00:00Z"), discount_id: "disc_2" })
    expect(Math.sign(compareSnapshots(c, e))).toBe(c.fingerprint < e.fingerprint ? -1 : 1)
  })
})

describe("ourStatus / isEarning", () => {
  test("Polar's statuses map to ours; paused and incomplete_expired count as canceled", () => {
    expect(ourStatus("incomplete")).toBe("INCOMPLETE")
    expect(ourStatus("incomplete_expired")).toBe("CANCELED")
    expect(ourStatus("trialing")).toBe("TRIALING")
    expect(ourStatus("active")).toBe("ACTIVE")
    expect(ourStatus("past_due")).toBe("PAST_DUE")
    expect(ourStatus("canceled")).toBe("CANCELED")
    expect(ourStatus("unpaid")).toBe("UNPAID")
    expect(ourStatus("paused")).toBe("CANCELED")
  })

  test("active, trialing and past due earn; a cancellation at period end still earns", () => {
    expect(isEarning(state())).toBe(true)
    expect(isEarning(state({ status: "trialing" }))).toBe(true)
    expect(isEarning(state({ status: "past_due" }))).toBe(true)
    expect(
      isEarning(
        state({
          cancel_at_period_end: true,
          canceled_at: d("2026-01-10T00:00:00Z"),
          ends_at: d("2026-02-01T00:00:00Z"),
          modified_at: d("2026-01-10T00:00:00Z"),
        }),
      ),
    ).toBe(true)
  })

  test("canceled, unpaid, paused, incomplete and expired do not earn", () => {
    for (const status of ["canceled", "unpaid", "paused", "incomplete", "incomplete_expired"] as const)
      expect(isEarning(state({ status }))).toBe(false)
  })

  test("an active state whose end had passed (or was that instant) when it was taken does not earn; a later end does", () => {
    expect(isEarning(state({ modified_at: d("2026-02-02T00:00:00Z"), ended_at: d("2026-02-01T00:00:00Z") }))).toBe(
      false,
    )
    expect(isEarning(state({ modified_at: d("2026-02-01T00:00:00Z"), ended_at: d("2026-02-01T00:00:00Z") }))).toBe(
      false,
    )
    expect(isEarning(state({ modified_at: d("2026-01-31T23:59:59.999Z"), ended_at: d("2026-02-01T00:00:00Z") }))).toBe(
      true,
    )
  })
})

describe("stateMrrCents", () => {
  const jan10 = d("2026-01-10T00:00:00Z")

  test("earning states bring Polar's monthly amount; annual is a twelfth, rounded once", () => {
    expect(stateMrrCents(state(), monthly, null, jan10)).toBe(1999)
    expect(stateMrrCents(state({ status: "trialing" }), monthly, null, jan10)).toBe(1999)
    expect(stateMrrCents(state({ status: "past_due" }), monthly, null, jan10)).toBe(1999)
    expect(
      stateMrrCents(state({ product_id: "prod_a", amount: 19900, recurring_interval: "year" }), annual, null, jan10),
    ).toBe(1658) // 19900 / 12 = 1658.33
  })

  test("Polar's amount wins over the plan's price; every 3 months of 5997 is 1999 a month", () => {
    expect(stateMrrCents(state({ amount: 1499 }), monthly, null, jan10)).toBe(1499)
    expect(stateMrrCents(state({ amount: 5997, recurring_interval_count: 3 }), monthly, null, jan10)).toBe(1999) // 5997 / 3
    expect(stateMrrCents(state({ product_id: "prod_t", amount: 14700, seats: 3 }), team, null, jan10)).toBe(14700) // 3 seats × 4900, as Polar states it
  })

  test("a payload without amount or interval falls back to the plan's price and interval", () => {
    const old = {
      amount: undefined,
      currency: undefined,
      recurring_interval: undefined,
      recurring_interval_count: undefined,
    }
    expect(stateMrrCents(state(old), monthly, null, jan10)).toBe(1999)
    expect(stateMrrCents(state({ ...old, product_id: "prod_a" }), annual, null, jan10)).toBe(1658) // 19900 / 12 = 1658.33
  })

  test("a state that does not earn brings nothing, whatever its amount", () => {
    expect(
      stateMrrCents(state({ status: "canceled", ended_at: d("2026-01-05T00:00:00Z") }), monthly, null, jan10),
    ).toBe(0)
    expect(stateMrrCents(state({ status: "unpaid" }), monthly, null, jan10)).toBe(0)
    expect(stateMrrCents(state({ status: "paused" }), monthly, null, jan10)).toBe(0)
    expect(stateMrrCents(state({ status: "incomplete" }), monthly, null, jan10)).toBe(0)
  })

  test("a discount lowers MRR only while it applies: forever 20% = 1599, repeating 50% for 2 months = 999 then 1999, once never", () => {
    const appliedAt = d("2026-01-01T00:00:00Z")
    const discount = (terms: Omit<RecurringDiscount, "id" | "type" | "basisPoints">, basisPoints: number) => ({
      discount: { id: "disc", type: "percentage" as const, basisPoints, ...terms },
      appliedAt,
    })
    // 1999 × 20% = 399.8 → 400 off → 1599
    expect(stateMrrCents(state(), monthly, discount({ duration: "forever", months: null }, 2000), jan10)).toBe(1599)
    // 1999 × 50% = 999.5 → 1000 off → 999, until 2026-03-01 00:00 (excluded)
    const repeating = discount({ duration: "repeating", months: 2 }, 5000)
    expect(stateMrrCents(state(), monthly, repeating, d("2026-02-28T23:59:59.999Z"))).toBe(999)
    expect(stateMrrCents(state(), monthly, repeating, d("2026-03-01T00:00:00Z"))).toBe(1999)
    expect(stateMrrCents(state(), monthly, discount({ duration: "once", months: null }, 5000), appliedAt)).toBe(1999)
  })

  test("a yearly amount is discounted, then divided and rounded once: 19900 − 2985 = 16915, / 12 = 1409.58 → 1410", () => {
    const fifteen = {
      discount: {
        id: "disc",
        type: "percentage" as const,
        basisPoints: 1500,
        duration: "forever" as const,
        months: null,
      },
      appliedAt: jan10,
    }
    expect(
      stateMrrCents(state({ product_id: "prod_a", amount: 19900, recurring_interval: "year" }), annual, fifteen, jan10),
    ).toBe(1410)
  })

  test("a fixed discount applies in the subscription's currency (Polar's, else the plan's), not in another", () => {
    const fiveDollars = {
      discount: {
        id: "disc",
        type: "fixed" as const,
        amountCents: 500,
        currency: "usd",
        duration: "forever" as const,
        months: null,
      },
      appliedAt: jan10,
    }
    expect(stateMrrCents(state(), monthly, fiveDollars, jan10)).toBe(1499) // 1999 − 500
    expect(stateMrrCents(state({ currency: undefined }), monthly, fiveDollars, jan10)).toBe(1499) // the plan's "USD"
    expect(stateMrrCents(state({ currency: "eur" }), monthly, fiveDollars, jan10)).toBe(1999)
  })
})

describe("seatsOf / currencyOf", () => {
  test("Polar's seats for a seat-based subscription, else the plan's", () => {
    expect(seatsOf(state({ product_id: "prod_t", seats: 3 }), team)).toBe(3)
    expect(seatsOf(state({ product_id: "prod_t", seats: null }), team)).toBe(5)
    expect(seatsOf(state(), monthly)).toBe(1)
    expect(seatsOf(state({ product_id: "prod_t", seats: 0 }), team)).toBe(0) // Polar's 0 is a figure, not a missing one
  })

  test("Polar's currency, else the plan's, in lower case", () => {
    expect(currencyOf(state({ currency: "EUR" }), monthly)).toBe("eur")
    expect(currencyOf(state({ currency: null }), monthly)).toBe("usd")
  })
})

describe("subscriptionTransitions", () => {
  const base = { status: "ACTIVE" as const, planId: "plan_m", cancelAtPeriodEnd: false, endedAt: null }

  test("transitions are reported once, on the change itself", () => {
    expect(subscriptionTransitions(base, { ...base, cancelAtPeriodEnd: true })).toEqual(["cancel_scheduled"])
    expect(subscriptionTransitions({ ...base, cancelAtPeriodEnd: true }, { ...base, cancelAtPeriodEnd: true })).toEqual(
      [],
    )
    expect(subscriptionTransitions({ ...base, cancelAtPeriodEnd: true }, base)).toEqual(["cancel_withdrawn"])
    expect(subscriptionTransitions(base, { ...base, planId: "plan_t" })).toEqual(["plan_changed"])
    expect(subscriptionTransitions(base, { ...base, status: "PAST_DUE" })).toEqual(["payment_failed"])
    expect(subscriptionTransitions({ ...base, status: "PAST_DUE" }, { ...base, status: "PAST_DUE" })).toEqual([])
    expect(subscriptionTransitions(base, base)).toEqual([])
  })

  test("an ended subscription reports no cancellation, withdrawal or plan change", () => {
    const ended = { ...base, status: "CANCELED" as const, endedAt: d("2026-02-01T00:00:00Z") }
    expect(subscriptionTransitions(base, ended)).toEqual([])
    expect(subscriptionTransitions(base, { ...ended, cancelAtPeriodEnd: true, planId: "plan_t" })).toEqual([])
    expect(
      subscriptionTransitions({ ...base, cancelAtPeriodEnd: true }, { ...ended, cancelAtPeriodEnd: false }),
    ).toEqual([])
    // Unpaid earns nothing: not live either.
    expect(subscriptionTransitions(base, { ...base, status: "UNPAID", cancelAtPeriodEnd: true })).toEqual([])
  })

  test("several changes at once are all reported", () => {
    expect(
      subscriptionTransitions(base, { ...base, status: "PAST_DUE", cancelAtPeriodEnd: true, planId: "plan_t" }),
    ).toEqual(["cancel_scheduled", "plan_changed", "payment_failed"])
  })
})
