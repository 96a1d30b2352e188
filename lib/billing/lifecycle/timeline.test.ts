import { describe, expect, test } from "vitest"
import { permutations } from "@/lib/testing/permutations"
import { type LedgerState, mrrAt } from "@/lib/revenue/mrr"
import type { PolarDiscount, PolarSubscriptionSnapshot } from "../webhooks/events"
import { fingerprintOf, snapshotDiscount, snapshotState, type StoredSnapshot, takenAt } from "./snapshot"
import type { PlanFacts } from "./state"
import { subscriptionTimeline } from "./timeline"

const d = (iso: string) => new Date(iso)

const monthly: PlanFacts = {
  id: "plan_monthly",
  name: "Monthly",
  interval: "MONTH",
  priceCents: 1999,
  currency: "USD",
  seats: 1,
}
const annual: PlanFacts = {
  id: "plan_annual",
  name: "Annual",
  interval: "YEAR",
  priceCents: 19900,
  currency: "USD",
  seats: 1,
}
// Seat-based: Polar's amount is 4900 a seat; 5 seats when Polar states none.
const team: PlanFacts = {
  id: "plan_team",
  name: "Team",
  interval: "MONTH",
  priceCents: 4900,
  currency: "USD",
  seats: 5,
}
const plans = new Map([
  ["prod_monthly", monthly],
  ["prod_annual", annual],
  ["prod_team", team],
])
const fresh: LedgerState = { mrrCents: 0, hasHistory: false }

/** Polar's subscription: $19.99 monthly, active since 2026-01-01 00:00, never modified. */
function polar(change: Partial<PolarSubscriptionSnapshot> = {}): PolarSubscriptionSnapshot {
  return {
    id: "sub_1",
    status: "active",
    created_at: d("2026-01-01T00:00:00Z"),
    modified_at: null,
    product_id: "prod_monthly",
    current_period_start: d("2026-01-01T00:00:00Z"),
    current_period_end: d("2026-02-01T00:00:00Z"),
    cancel_at_period_end: false,
    canceled_at: null,
    started_at: d("2026-01-01T00:00:00Z"),
    ended_at: null,
    ends_at: null,
    metadata: {},
    amount: 1999,
    currency: "USD",
    recurring_interval: "month",
    recurring_interval_count: 1,
    seats: null,
    discount_id: null,
    discount: null,
    ...change,
  }
}

/** As stored: a subscription.* payload keeps its discount's terms, an order's copy has the id only. */
function stored(snapshot: PolarSubscriptionSnapshot): StoredSnapshot {
  const state = snapshotState(snapshot)
  return {
    takenAt: takenAt(state),
    fingerprint: fingerprintOf(state),
    state,
    discount: snapshotDiscount(snapshot.discount),
  }
}

function timeline(snapshots: PolarSubscriptionSnapshot[], start: LedgerState = fresh) {
  return subscriptionTimeline({ snapshots: snapshots.map(stored), plans, start })
}

const STARTED = "polar: subscription started"
const REACTIVATED = "polar: subscription reactivated"
const UP = "polar: recurring amount went up"
const DOWN = "polar: recurring amount went down"
const ENDED = "polar: subscription ended"
const DISCOUNT_ENDED = "polar: discount ended"

describe("a first sale", () => {
  const created = polar({ status: "incomplete", started_at: null })
  const active = polar({ modified_at: d("2026-01-01T00:02:00Z"), started_at: d("2026-01-01T00:01:00Z") })

  test("is NEW, dated when the subscription started, not when Polar's active state was taken", () => {
    const result = timeline([created, active])
    expect(result.changes).toEqual([
      {
        kind: "NEW",
        mrrDeltaCents: 1999,
        mrrAfterCents: 1999,
        planId: "plan_monthly",
        effectiveAt: d("2026-01-01T00:01:00Z"),
        reason: STARTED,
        currency: "usd",
      },
    ])
    expect(result.current).toEqual({
      status: "ACTIVE",
      planId: "plan_monthly",
      startedAt: d("2026-01-01T00:01:00Z"),
      currentPeriodStart: d("2026-01-01T00:00:00Z"),
      currentPeriodEnd: d("2026-02-01T00:00:00Z"),
      cancelAtPeriodEnd: false,
      canceledAt: null,
      endedAt: null,
      endsAt: null,
      sourceUpdatedAt: d("2026-01-01T00:02:00Z"),
      seats: 1,
      currency: "usd",
    })
    expect(result.seats).toEqual([
      { at: d("2026-01-01T00:00:00Z"), seats: 1 },
      { at: d("2026-01-01T00:02:00Z"), seats: 1 },
    ])
  })

  test("an incomplete subscription moves nothing and holds no seat", () => {
    const result = timeline([created])
    expect(result.changes).toEqual([])
    expect(result.current).toMatchObject({ status: "INCOMPLETE", seats: 0, sourceUpdatedAt: d("2026-01-01T00:00:00Z") })
  })

  test("without started_at, the sale is dated at created_at", () => {
    const old = polar({
      created_at: d("2026-01-01T00:00:00Z"),
      modified_at: d("2026-01-01T00:05:00Z"),
      started_at: null,
    })
    expect(timeline([old]).changes.map((change) => change.effectiveAt)).toEqual([d("2026-01-01T00:00:00Z")])
  })

  test("an annual plan of 19900 brings 19900 / 12 = 1658.33 → 1658", () => {
    const result = timeline([
      polar({
        product_id: "prod_annual",
        amount: 19900,
        recurring_interval: "year",
        current_period_end: d("2027-01-01T00:00:00Z"),
      }),
    ])
    expect(result.changes).toEqual([
      {
        kind: "NEW",
        mrrDeltaCents: 1658,
        mrrAfterCents: 1658,
        planId: "plan_annual",
        effectiveAt: d("2026-01-01T00:00:00Z"),
        reason: STARTED,
        currency: "usd",
      },
    ])
  })
})

test("an upgrade to team is EXPANSION +2901 (4900 − 1999) at the snapshot's modified_at; back down is CONTRACTION −2901", () => {
  const upgraded = polar({ modified_at: d("2026-01-15T12:00:00Z"), product_id: "prod_team", amount: 4900, seats: 1 })
  const downgraded = polar({ modified_at: d("2026-01-20T08:00:00Z") })
  const result = timeline([polar(), upgraded, downgraded])
  expect(result.changes).toEqual([
    {
      kind: "NEW",
      mrrDeltaCents: 1999,
      mrrAfterCents: 1999,
      planId: "plan_monthly",
      effectiveAt: d("2026-01-01T00:00:00Z"),
      reason: STARTED,
      currency: "usd",
    },
    {
      kind: "EXPANSION",
      mrrDeltaCents: 2901,
      mrrAfterCents: 4900,
      planId: "plan_team",
      effectiveAt: d("2026-01-15T12:00:00Z"),
      reason: UP,
      currency: "usd",
    },
    {
      kind: "CONTRACTION",
      mrrDeltaCents: -2901,
      mrrAfterCents: 1999,
      planId: "plan_monthly",
      effectiveAt: d("2026-01-20T08:00:00Z"),
      reason: DOWN,
      currency: "usd",
    },
  ])
  expect(result.current.planId).toBe("plan_monthly")
  // MRR at a few instants: 1999 before the upgrade, 1999 + 2901 = 4900 during, 4900 − 2901 = 1999 after.
  expect(mrrAt(result.changes, d("2026-01-15T11:59:59.999Z"))).toBe(1999)
  expect(mrrAt(result.changes, d("2026-01-15T12:00:00Z"))).toBe(4900)
  expect(mrrAt(result.changes, d("2026-01-20T08:00:00Z"))).toBe(1999)
})

describe("a cancellation at period end", () => {
  const scheduled = polar({
    modified_at: d("2026-01-10T00:00:00Z"),
    cancel_at_period_end: true,
    canceled_at: d("2026-01-10T00:00:00Z"),
    ends_at: d("2026-02-01T00:00:00Z"),
  })
  const ended = polar({
    modified_at: d("2026-02-01T00:00:04Z"),
    status: "canceled",
    cancel_at_period_end: true,
    canceled_at: d("2026-01-10T00:00:00Z"),
    ends_at: d("2026-02-01T00:00:00Z"),
    ended_at: d("2026-02-01T00:00:00Z"),
  })

  test("moves nothing while the subscription still runs", () => {
    const result = timeline([polar(), scheduled])
    expect(result.changes.map((change) => change.kind)).toEqual(["NEW"])
    expect(result.current).toMatchObject({
      status: "ACTIVE",
      cancelAtPeriodEnd: true,
      canceledAt: d("2026-01-10T00:00:00Z"),
      endsAt: d("2026-02-01T00:00:00Z"),
      endedAt: null,
      seats: 1,
    })
  })

  test("the ended snapshot is CHURN −1999, dated at ended_at (not 4 s later at modified_at)", () => {
    const result = timeline([polar(), scheduled, ended])
    expect(result.changes).toEqual([
      {
        kind: "NEW",
        mrrDeltaCents: 1999,
        mrrAfterCents: 1999,
        planId: "plan_monthly",
        effectiveAt: d("2026-01-01T00:00:00Z"),
        reason: STARTED,
        currency: "usd",
      },
      {
        kind: "CHURN",
        mrrDeltaCents: -1999,
        mrrAfterCents: 0,
        planId: "plan_monthly",
        effectiveAt: d("2026-02-01T00:00:00Z"),
        reason: ENDED,
        currency: "usd",
      },
    ])
    expect(result.current).toMatchObject({
      status: "CANCELED",
      endedAt: d("2026-02-01T00:00:00Z"),
      sourceUpdatedAt: d("2026-02-01T00:00:04Z"),
      seats: 0,
    })
  })
})

test("churn then reactivation: CHURN at the pause (no ended_at: the snapshot's instant), then REACTIVATION, not NEW", () => {
  const paused = polar({
    modified_at: d("2026-02-10T00:00:00Z"),
    status: "paused",
    current_period_start: d("2026-02-01T00:00:00Z"),
    current_period_end: d("2026-03-01T00:00:00Z"),
  })
  const resumed = polar({
    modified_at: d("2026-03-01T00:00:00Z"),
    current_period_start: d("2026-03-01T00:00:00Z"),
    current_period_end: d("2026-04-01T00:00:00Z"),
  })
  const result = timeline([polar(), paused, resumed])
  expect(result.changes).toEqual([
    {
      kind: "NEW",
      mrrDeltaCents: 1999,
      mrrAfterCents: 1999,
      planId: "plan_monthly",
      effectiveAt: d("2026-01-01T00:00:00Z"),
      reason: STARTED,
      currency: "usd",
    },
    {
      kind: "CHURN",
      mrrDeltaCents: -1999,
      mrrAfterCents: 0,
      planId: "plan_monthly",
      effectiveAt: d("2026-02-10T00:00:00Z"),
      reason: ENDED,
      currency: "usd",
    },
    {
      kind: "REACTIVATION",
      mrrDeltaCents: 1999,
      mrrAfterCents: 1999,
      planId: "plan_monthly",
      effectiveAt: d("2026-03-01T00:00:00Z"),
      reason: REACTIVATED,
      currency: "usd",
    },
  ])
  expect(result.current).toMatchObject({ status: "ACTIVE", seats: 1 })
})

describe("discounts", () => {
  const forever20: PolarDiscount = {
    id: "disc_20",
    type: "percentage",
    basis_points: 2000,
    duration: "forever",
    duration_in_months: null,
  }
  const half2: PolarDiscount = {
    id: "disc_half",
    type: "percentage",
    basis_points: 5000,
    duration: "repeating",
    duration_in_months: 2,
  }

  test("a forever 20% discount: 1999 × 20% = 399.8 → 400 off → 1599", () => {
    const result = timeline([polar({ discount_id: "disc_20", discount: forever20 })])
    expect(result.changes).toEqual([
      {
        kind: "NEW",
        mrrDeltaCents: 1599,
        mrrAfterCents: 1599,
        planId: "plan_monthly",
        effectiveAt: d("2026-01-01T00:00:00Z"),
        reason: STARTED,
        currency: "usd",
      },
    ])
  })

  test("a once discount never lowers MRR", () => {
    const once: PolarDiscount = { id: "disc_once", type: "fixed", amount: 500, currency: "usd", duration: "once" }
    expect(
      timeline([polar({ discount_id: "disc_once", discount: once })]).changes.map((change) => change.mrrAfterCents),
    ).toEqual([1999])
  })

  describe("a repeating 50% discount for 2 months from 2026-01-15 09:00", () => {
    // 1999 × 50% = 999.5 → 1000 off (half up) → 999; it runs out 2 months later, 2026-03-15 09:00, → 1999 (+1000).
    const start = {
      created_at: d("2026-01-15T09:00:00Z"),
      started_at: d("2026-01-15T09:00:00Z"),
      current_period_start: d("2026-01-15T09:00:00Z"),
      current_period_end: d("2026-02-15T09:00:00Z"),
    }
    const first = polar({ ...start, discount_id: "disc_half", discount: half2 })
    const cycled = polar({
      ...start,
      modified_at: d("2026-02-15T09:00:03Z"),
      current_period_start: d("2026-02-15T09:00:00Z"),
      current_period_end: d("2026-03-15T09:00:00Z"),
      discount_id: "disc_half",
      discount: half2,
    })
    const cycledAgain = polar({
      ...start,
      modified_at: d("2026-03-15T09:00:03Z"),
      current_period_start: d("2026-03-15T09:00:00Z"),
      current_period_end: d("2026-04-15T09:00:00Z"),
      discount_id: "disc_half",
      discount: half2,
    })
    const expected = [
      {
        kind: "NEW",
        mrrDeltaCents: 999,
        mrrAfterCents: 999,
        planId: "plan_monthly",
        effectiveAt: d("2026-01-15T09:00:00Z"),
        reason: STARTED,
        currency: "usd",
      },
      {
        kind: "EXPANSION",
        mrrDeltaCents: 1000,
        mrrAfterCents: 1999,
        planId: "plan_monthly",
        effectiveAt: d("2026-03-15T09:00:00Z"),
        reason: DISCOUNT_ENDED,
        currency: "usd",
      },
    ]

    test("MRR 999, then +1000 exactly 2 months later", () => {
      const result = timeline([first, cycled, cycledAgain])
      expect(result.changes).toEqual(expected)
      expect(mrrAt(result.changes, d("2026-03-15T08:59:59.999Z"))).toBe(999)
      expect(mrrAt(result.changes, d("2026-03-15T09:00:00Z"))).toBe(1999)
    })

    test("the end is derived from the terms, with no later snapshot needed", () => {
      expect(timeline([first]).changes).toEqual(expected)
      expect(timeline([first, cycled]).changes).toEqual(expected)
    })
  })

  describe("terms known only from a subscription.* snapshot, while an order's copy has the id only", () => {
    const orderCopy = polar({ modified_at: d("2026-01-01T00:00:05Z"), discount_id: "disc_20" })
    const subscriptionEvent = polar({
      modified_at: d("2026-01-01T00:00:06Z"),
      discount_id: "disc_20",
      discount: forever20,
    })

    test("the order's copy is discounted too: NEW 1599, never 1999 then a contraction", () => {
      const expected = [
        {
          kind: "NEW",
          mrrDeltaCents: 1599,
          mrrAfterCents: 1599,
          planId: "plan_monthly",
          effectiveAt: d("2026-01-01T00:00:00Z"),
          reason: STARTED,
          currency: "usd",
        },
      ]
      expect(timeline([orderCopy, subscriptionEvent]).changes).toEqual(expected)
      expect(timeline([subscriptionEvent, orderCopy]).changes).toEqual(expected)
      // Whichever of the two Polar took first.
      const earlierEvent = polar({
        modified_at: d("2026-01-01T00:00:04Z"),
        discount_id: "disc_20",
        discount: forever20,
      })
      expect(timeline([orderCopy, earlierEvent]).changes).toEqual(expected)
    })

    test("until the terms arrive the amount is undiscounted; their arrival re-decides it", () => {
      expect(timeline([orderCopy]).changes.map((change) => change.mrrAfterCents)).toEqual([1999])
    })

    test("a repeating discount counts its months from the first snapshot naming it, even one without its terms", () => {
      const orderCopyHalf = polar({ modified_at: d("2026-01-01T00:00:05Z"), discount_id: "disc_half" })
      const eventHalf = polar({ modified_at: d("2026-01-01T00:00:06Z"), discount_id: "disc_half", discount: half2 })
      // 1999 → 999 (1000 off); applied at 00:00:05 + 2 months = 2026-03-01 00:00:05, so the invoice of
      // Mar 1 00:00 is still discounted: full price from the next billing day, Apr 1 → +1000
      expect(timeline([eventHalf, orderCopyHalf]).changes).toEqual([
        {
          kind: "NEW",
          mrrDeltaCents: 999,
          mrrAfterCents: 999,
          planId: "plan_monthly",
          effectiveAt: d("2026-01-01T00:00:00Z"),
          reason: STARTED,
          currency: "usd",
        },
        {
          kind: "EXPANSION",
          mrrDeltaCents: 1000,
          mrrAfterCents: 1999,
          planId: "plan_monthly",
          effectiveAt: d("2026-04-01T00:00:00Z"),
          reason: DISCOUNT_ENDED,
          currency: "usd",
        },
      ])
    })
  })
})

describe("order independence", () => {
  // A story of six snapshots: checkout with a 50% repeating discount for 1 month, activation (an
  // order's copy: the discount's id only), an upgrade to 3 team seats, a renewal after the discount
  // ran out, a cancellation at period end, and the end.
  const half1: PolarDiscount = {
    id: "disc_half",
    type: "percentage",
    basis_points: 5000,
    duration: "repeating",
    duration_in_months: 1,
  }
  const teamOf3 = { product_id: "prod_team", amount: 14700, seats: 3, discount_id: "disc_half", discount: half1 } // 3 × 4900 = 14700
  const story = [
    polar({ status: "incomplete", started_at: null, discount_id: "disc_half", discount: half1 }),
    polar({ modified_at: d("2026-01-01T00:02:00Z"), started_at: d("2026-01-01T00:01:00Z"), discount_id: "disc_half" }),
    polar({ modified_at: d("2026-01-20T00:00:00Z"), started_at: d("2026-01-01T00:01:00Z"), ...teamOf3 }),
    polar({
      modified_at: d("2026-02-01T00:00:05Z"),
      started_at: d("2026-01-01T00:01:00Z"),
      current_period_start: d("2026-02-01T00:00:00Z"),
      current_period_end: d("2026-03-01T00:00:00Z"),
      ...teamOf3,
    }),
    polar({
      modified_at: d("2026-02-20T00:00:00Z"),
      started_at: d("2026-01-01T00:01:00Z"),
      current_period_start: d("2026-02-01T00:00:00Z"),
      current_period_end: d("2026-03-01T00:00:00Z"),
      cancel_at_period_end: true,
      canceled_at: d("2026-02-20T00:00:00Z"),
      ends_at: d("2026-03-01T00:00:00Z"),
      ...teamOf3,
    }),
    polar({
      modified_at: d("2026-03-01T00:00:04Z"),
      status: "canceled",
      started_at: d("2026-01-01T00:01:00Z"),
      current_period_start: d("2026-02-01T00:00:00Z"),
      current_period_end: d("2026-03-01T00:00:00Z"),
      cancel_at_period_end: true,
      canceled_at: d("2026-02-20T00:00:00Z"),
      ends_at: d("2026-03-01T00:00:00Z"),
      ended_at: d("2026-03-01T00:00:00Z"),
      ...teamOf3,
    }),
  ]
  const expected = {
    changes: [
      // 1999 − 1000 (999.5 rounded half up) = 999, from when it started
      {
        kind: "NEW",
        mrrDeltaCents: 999,
        mrrAfterCents: 999,
        planId: "plan_monthly",
        effectiveAt: d("2026-01-01T00:01:00Z"),
        reason: STARTED,
        currency: "usd",
      },
      // 14700 − 7350 = 7350; 7350 − 999 = +6351
      {
        kind: "EXPANSION",
        mrrDeltaCents: 6351,
        mrrAfterCents: 7350,
        planId: "plan_team",
        effectiveAt: d("2026-01-20T00:00:00Z"),
        reason: UP,
        currency: "usd",
      },
      // applied at checkout 2026-01-01 00:00 + 1 month: 14700 − 7350 = +7350
      {
        kind: "EXPANSION",
        mrrDeltaCents: 7350,
        mrrAfterCents: 14700,
        planId: "plan_team",
        effectiveAt: d("2026-02-01T00:00:00Z"),
        reason: DISCOUNT_ENDED,
        currency: "usd",
      },
      {
        kind: "CHURN",
        mrrDeltaCents: -14700,
        mrrAfterCents: 0,
        planId: "plan_team",
        effectiveAt: d("2026-03-01T00:00:00Z"),
        reason: ENDED,
        currency: "usd",
      },
    ],
    current: {
      status: "CANCELED",
      planId: "plan_team",
      startedAt: d("2026-01-01T00:01:00Z"),
      currentPeriodStart: d("2026-02-01T00:00:00Z"),
      currentPeriodEnd: d("2026-03-01T00:00:00Z"),
      cancelAtPeriodEnd: true,
      canceledAt: d("2026-02-20T00:00:00Z"),
      endedAt: d("2026-03-01T00:00:00Z"),
      endsAt: d("2026-03-01T00:00:00Z"),
      sourceUpdatedAt: d("2026-03-01T00:00:04Z"),
      seats: 0,
      currency: "usd",
    },
    seats: [
      { at: d("2026-01-01T00:00:00Z"), seats: 1 },
      { at: d("2026-01-01T00:02:00Z"), seats: 1 },
      { at: d("2026-01-20T00:00:00Z"), seats: 3 },
      { at: d("2026-02-01T00:00:05Z"), seats: 3 },
      { at: d("2026-02-20T00:00:00Z"), seats: 3 },
      { at: d("2026-03-01T00:00:04Z"), seats: 3 },
    ],
  }

  test("the story in Polar's order gives the hand-computed result", () => {
    expect(timeline(story)).toEqual(expected)
  })

  test("every one of the 6! = 720 arrival orders gives the same result", () => {
    let count = 0
    for (const order of permutations(story)) {
      expect(timeline(order)).toEqual(expected)
      count += 1
    }
    expect(count).toBe(720)
  })

  test("two states taken at the same instant: their content decides which is newer, in any arrival order", () => {
    const same = { modified_at: d("2026-01-10T00:00:00Z") }
    const toTeam = polar({ ...same, product_id: "prod_team", amount: 4900, seats: 1 })
    const backToMonthly = polar(same)
    // At one instant the states are ordered by their fields ("prod_monthly" < "prod_team"): the team
    // state is the newer, so the monthly one moves nothing and the team one expands.
    const expectedChanges = [
      {
        kind: "NEW",
        mrrDeltaCents: 1999,
        mrrAfterCents: 1999,
        planId: "plan_monthly",
        effectiveAt: d("2026-01-01T00:00:00Z"),
        reason: STARTED,
        currency: "usd",
      },
      {
        kind: "EXPANSION",
        mrrDeltaCents: 2901,
        mrrAfterCents: 4900,
        planId: "plan_team",
        effectiveAt: d("2026-01-10T00:00:00Z"),
        reason: UP,
        currency: "usd",
      },
    ]
    for (const order of permutations([polar(), toTeam, backToMonthly])) {
      const result = timeline(order)
      expect(result.changes).toEqual(expectedChanges)
      expect(result.current.planId).toBe("plan_team")
    }
  })
})

describe("a legacy start (ledger rows written before snapshots were kept)", () => {
  const later = polar({ modified_at: d("2026-01-05T00:00:00Z") })

  test("history with MRR 0: back up is REACTIVATION, at the snapshot's instant", () => {
    expect(timeline([later], { mrrCents: 0, hasHistory: true }).changes).toEqual([
      {
        kind: "REACTIVATION",
        mrrDeltaCents: 1999,
        mrrAfterCents: 1999,
        planId: "plan_monthly",
        effectiveAt: d("2026-01-05T00:00:00Z"),
        reason: REACTIVATED,
        currency: "usd",
      },
    ])
  })

  test("the start MRR is carried: the same amount moves nothing, an upgrade moves by the difference, an end by all of it", () => {
    const start = { mrrCents: 1999, hasHistory: true }
    expect(timeline([later], start).changes).toEqual([])
    const upgraded = polar({ modified_at: d("2026-01-15T00:00:00Z"), product_id: "prod_team", amount: 4900, seats: 1 })
    expect(timeline([later, upgraded], start).changes).toEqual([
      {
        kind: "EXPANSION",
        mrrDeltaCents: 2901,
        mrrAfterCents: 4900,
        planId: "plan_team",
        effectiveAt: d("2026-01-15T00:00:00Z"),
        reason: UP,
        currency: "usd",
      },
    ])
    const ended = polar({
      modified_at: d("2026-02-01T00:00:02Z"),
      status: "canceled",
      ended_at: d("2026-02-01T00:00:00Z"),
    })
    expect(timeline([ended], start).changes).toEqual([
      {
        kind: "CHURN",
        mrrDeltaCents: -1999,
        mrrAfterCents: 0,
        planId: "plan_monthly",
        effectiveAt: d("2026-02-01T00:00:00Z"),
        reason: ENDED,
        currency: "usd",
      },
    ])
  })
})

describe("seats", () => {
  test("Polar's seats: 3 team seats (14700), then 1 (4900): CONTRACTION −9800", () => {
    const three = polar({ product_id: "prod_team", amount: 14700, seats: 3 })
    const one = polar({ modified_at: d("2026-01-20T00:00:00Z"), product_id: "prod_team", amount: 4900, seats: 1 })
    const result = timeline([one, three])
    expect(result.seats).toEqual([
      { at: d("2026-01-01T00:00:00Z"), seats: 3 },
      { at: d("2026-01-20T00:00:00Z"), seats: 1 },
    ])
    expect(result.current.seats).toBe(1)
    expect(result.changes.map((change) => [change.kind, change.mrrDeltaCents])).toEqual([
      ["NEW", 14700],
      ["CONTRACTION", -9800], // 4900 − 14700
    ])
  })

  test("without Polar's seats, the plan's (team 5, monthly 1)", () => {
    expect(timeline([polar({ product_id: "prod_team", amount: 4900 })]).current.seats).toBe(5)
    expect(timeline([polar()]).current.seats).toBe(1)
  })
})

test("a currency is Polar's, in lower case, on every row", () => {
  const result = timeline([polar({ currency: "EUR" })])
  expect(result.changes.map((change) => change.currency)).toEqual(["eur"])
  expect(result.current.currency).toBe("eur")
})

test("an unknown product or no snapshot at all is refused", () => {
  expect(() =>
    timeline([polar(), polar({ modified_at: d("2026-01-02T00:00:00Z"), product_id: "prod_unknown" })]),
  ).toThrow(/no plan is linked to Polar product prod_unknown/)
  expect(() => timeline([])).toThrow(/at least one snapshot/)
})

describe("found in review: a first sale is dated when paying began, and an end is not an expansion", () => {
  test("two free months (100% off, repeating): nothing earned until Mar 1, then NEW 1999 dated Mar 1", () => {
    const free2: PolarDiscount = {
      id: "disc_free",
      type: "percentage",
      basis_points: 10000,
      duration: "repeating",
      duration_in_months: 2,
    }
    const result = timeline([polar({ discount_id: "disc_free", discount: free2 })])
    expect(mrrAt(result.changes, d("2026-02-01T00:00:00Z"))).toBe(0)
    expect(result.changes.map((c) => [c.kind, c.mrrDeltaCents, c.effectiveAt.toISOString()])).toEqual([
      ["NEW", 1999, "2026-03-01T00:00:00.000Z"],
    ])
  })

  test("a free plan upgraded to a paid one: NEW dated at the upgrade, not at the start", () => {
    const freePlans = new Map([...plans, ["prod_free", { ...monthly, id: "plan_free", priceCents: 0 }]])
    const snapshots = [
      polar({ product_id: "prod_free", amount: 0 }),
      polar({ modified_at: d("2026-03-10T00:00:00Z") }),
    ].map(stored)
    const result = subscriptionTimeline({ snapshots, plans: freePlans, start: fresh })
    expect(result.changes.map((c) => [c.kind, c.mrrDeltaCents, c.effectiveAt.toISOString()])).toEqual([
      ["NEW", 1999, "2026-03-10T00:00:00.000Z"],
    ])
  })

  test("a discount running out the instant the subscription ends: NEW 999 then CHURN −999, no expansion in between", () => {
    const half2: PolarDiscount = {
      id: "h",
      type: "percentage",
      basis_points: 5000,
      duration: "repeating",
      duration_in_months: 2,
    }
    const ending = {
      current_period_start: d("2026-02-01T00:00:00Z"),
      current_period_end: d("2026-03-01T00:00:00Z"),
      cancel_at_period_end: true,
      canceled_at: d("2026-02-10T00:00:00Z"),
      ends_at: d("2026-03-01T00:00:00Z"),
      discount_id: "h",
      discount: half2,
    }
    const result = timeline([
      polar({ discount_id: "h", discount: half2 }),
      polar({ ...ending, modified_at: d("2026-02-10T00:00:00Z") }),
      polar({
        ...ending,
        modified_at: d("2026-03-01T00:00:03Z"),
        status: "canceled",
        ended_at: d("2026-03-01T00:00:00Z"),
      }),
    ])
    expect(result.changes.map((c) => [c.kind, c.mrrDeltaCents])).toEqual([
      ["NEW", 999],
      ["CHURN", -999],
    ])
  })
})
