import { describe, expect, test } from "vitest"
import { permutations } from "@/lib/testing/permutations"
import { type PaymentFact, planSeatOrders, type SeatPlanInput } from "./seat-plan"

const d = (iso: string) => new Date(iso)

function pay(id: string, paidAt: string, options: { createdAt?: string; refundedAt?: string } = {}): PaymentFact {
  return {
    id,
    paidAt: d(paidAt),
    createdAt: d(options.createdAt ?? paidAt),
    fullyRefundedAt: options.refundedAt ? d(options.refundedAt) : null,
  }
}

// A subscription started 2026-01-01 00:00 with one seat; its first payment was paid 5 s later.
const started = d("2026-01-01T00:00:00Z")
const oneSeat = [{ at: started, seats: 1 }]
const first = pay("pay_1", "2026-01-01T00:00:05Z")
const renewal = pay("pay_2", "2026-02-01T00:00:04Z")
const base: SeatPlanInput = { payments: [first], churns: [], starts: [started], seats: oneSeat }

describe("opening", () => {
  test("the first payment opens one order with the plan's seats", () => {
    expect(planSeatOrders(base)).toEqual([
      { stint: 0, seats: 1, paymentId: "pay_1", paidAt: d("2026-01-01T00:00:05Z"), closed: null },
    ])
    expect(planSeatOrders({ ...base, seats: [{ at: started, seats: 3 }] })).toEqual([
      { stint: 0, seats: 3, paymentId: "pay_1", paidAt: d("2026-01-01T00:00:05Z"), closed: null },
    ])
  })

  test("a renewal opens nothing", () => {
    const third = pay("pay_3", "2026-03-01T00:00:04Z")
    expect(planSeatOrders({ ...base, payments: [first, renewal, third] })).toEqual([
      { stint: 0, seats: 1, paymentId: "pay_1", paidAt: d("2026-01-01T00:00:05Z"), closed: null },
    ])
  })

  test("the first payment opens it however late its delivery arrives (listed after the renewals)", () => {
    const third = pay("pay_3", "2026-03-01T00:00:04Z")
    expect(planSeatOrders({ ...base, payments: [third, renewal, first] }).map((order) => order.paymentId)).toEqual([
      "pay_1",
    ])
  })

  test("a payment before the first seat count uses the first count", () => {
    const early = pay("pay_0", "2025-12-31T23:59:59Z")
    expect(planSeatOrders({ ...base, payments: [early], seats: [{ at: started, seats: 2 }] })).toEqual([
      { stint: 0, seats: 2, paymentId: "pay_0", paidAt: d("2025-12-31T23:59:59Z"), closed: null },
    ])
  })

  test("seats 1 → 3 with a proration payment opens an order for the 2 added seats", () => {
    const seats = [...oneSeat, { at: d("2026-01-15T12:00:00Z"), seats: 3 }]
    const proration = pay("pay_up", "2026-01-15T12:00:02Z")
    expect(planSeatOrders({ ...base, payments: [first, proration], seats })).toEqual([
      { stint: 0, seats: 1, paymentId: "pay_1", paidAt: d("2026-01-01T00:00:05Z"), closed: null },
      { stint: 0, seats: 2, paymentId: "pay_up", paidAt: d("2026-01-15T12:00:02Z"), closed: null }, // 3 held − 1 covered
    ])
    // Paid at the very instant the seats changed: the new count already holds.
    const sameInstant = pay("pay_up", "2026-01-15T12:00:00Z")
    expect(planSeatOrders({ ...base, payments: [first, sameInstant], seats }).map((order) => order.seats)).toEqual([
      1, 2,
    ])
  })

  test("seats added with no proration payment are opened by the next payment", () => {
    const seats = [...oneSeat, { at: d("2026-01-15T12:00:00Z"), seats: 3 }]
    expect(
      planSeatOrders({ ...base, payments: [first, renewal], seats }).map((order) => [order.paymentId, order.seats]),
    ).toEqual([
      ["pay_1", 1],
      ["pay_2", 2],
    ])
  })
})

describe("closing on fewer seats", () => {
  const up = d("2026-01-15T12:00:00Z")
  const proration = pay("pay_up", "2026-01-15T12:00:02Z")

  test("3 → 1 closes the 2-seat order (newest) and keeps the first", () => {
    const seats = [...oneSeat, { at: up, seats: 3 }, { at: d("2026-02-10T00:00:00Z"), seats: 1 }]
    expect(planSeatOrders({ ...base, payments: [first, proration], seats })).toEqual([
      { stint: 0, seats: 1, paymentId: "pay_1", paidAt: d("2026-01-01T00:00:05Z"), closed: null },
      {
        stint: 0,
        seats: 2,
        paymentId: "pay_up",
        paidAt: d("2026-01-15T12:00:02Z"),
        closed: { at: d("2026-02-10T00:00:00Z"), reason: "seats_removed" },
      },
    ])
  })

  test("whole orders only: 3 → 2 closes nothing, since the first order alone (1 seat) would not cover 2", () => {
    const seats = [...oneSeat, { at: up, seats: 3 }, { at: d("2026-02-10T00:00:00Z"), seats: 2 }]
    expect(planSeatOrders({ ...base, payments: [first, proration], seats }).map((order) => order.closed)).toEqual([
      null,
      null,
    ])
  })

  test("newest first: three one-seat orders and 3 → 2 closes the third; 3 → 1 closes the third and the second", () => {
    const seats = [...oneSeat, { at: d("2026-01-10T00:00:00Z"), seats: 2 }, { at: d("2026-01-20T00:00:00Z"), seats: 3 }]
    const payments = [first, pay("pay_a", "2026-01-10T00:00:02Z"), pay("pay_b", "2026-01-20T00:00:02Z")]
    const to = (count: number) =>
      planSeatOrders({ ...base, payments, seats: [...seats, { at: d("2026-02-10T00:00:00Z"), seats: count }] })
    const removed = { at: d("2026-02-10T00:00:00Z"), reason: "seats_removed" }
    expect(to(2).map((order) => [order.paymentId, order.closed])).toEqual([
      ["pay_1", null],
      ["pay_a", null],
      ["pay_b", removed],
    ])
    expect(to(1).map((order) => [order.paymentId, order.closed])).toEqual([
      ["pay_1", null],
      ["pay_a", removed],
      ["pay_b", removed],
    ])
  })
})

describe("churn and reactivation", () => {
  const churn = d("2026-02-10T00:00:00Z")
  const ended = { at: churn, reason: "ended" }

  test("a churn closes every open order", () => {
    const seats = [...oneSeat, { at: d("2026-01-15T12:00:00Z"), seats: 3 }]
    const proration = pay("pay_up", "2026-01-15T12:00:02Z")
    expect(
      planSeatOrders({ ...base, payments: [first, proration], churns: [churn], seats }).map((order) => order.closed),
    ).toEqual([ended, ended])
  })

  test("a payment after the churn opens nothing unless the subscription started again after it", () => {
    const late = pay("pay_late", "2026-03-01T00:00:05Z")
    expect(planSeatOrders({ ...base, payments: [first, late], churns: [churn] })).toEqual([
      { stint: 0, seats: 1, paymentId: "pay_1", paidAt: d("2026-01-01T00:00:05Z"), closed: ended },
    ])
  })

  test("after a reactivation its first payment opens stint 1; the next payment opens nothing", () => {
    const reactivated = d("2026-03-01T00:00:00Z")
    const payments = [first, pay("pay_back", "2026-03-01T00:00:05Z"), pay("pay_next", "2026-04-01T00:00:05Z")]
    expect(planSeatOrders({ ...base, payments, churns: [churn], starts: [started, reactivated] })).toEqual([
      { stint: 0, seats: 1, paymentId: "pay_1", paidAt: d("2026-01-01T00:00:05Z"), closed: ended },
      { stint: 1, seats: 1, paymentId: "pay_back", paidAt: d("2026-03-01T00:00:05Z"), closed: null },
    ])
  })

  test("the reactivation's payment may be paid a few seconds before Polar's active state (the REACTIVATION row)", () => {
    const payments = [first, pay("pay_back", "2026-03-01T00:00:02Z")]
    expect(
      planSeatOrders({ ...base, payments, churns: [churn], starts: [started, d("2026-03-01T00:00:05Z")] }).map(
        (order) => [order.stint, order.paymentId],
      ),
    ).toEqual([
      [0, "pay_1"],
      [1, "pay_back"],
    ])
  })

  test("a second churn and reactivation make stint 2; a payment after the second churn alone opens nothing", () => {
    const churns = [churn, d("2026-04-10T00:00:00Z")]
    const starts = [started, d("2026-03-01T00:00:00Z"), d("2026-05-01T00:00:00Z")]
    const payments = [first, pay("pay_back", "2026-03-01T00:00:05Z"), pay("pay_again", "2026-05-01T00:00:05Z")]
    expect(
      planSeatOrders({ ...base, payments, churns, starts }).map((order) => [
        order.stint,
        order.paymentId,
        order.closed?.reason ?? null,
      ]),
    ).toEqual([
      [0, "pay_1", "ended"],
      [1, "pay_back", "ended"],
      [2, "pay_again", null],
    ])
    expect(
      planSeatOrders({ ...base, payments, churns, starts: starts.slice(0, 2) }).map((order) => order.paymentId),
    ).toEqual(["pay_1", "pay_back"])
  })

  test("a payment at the churn's very instant counts before it: it is the old run's, and closes with it", () => {
    expect(planSeatOrders({ ...base, payments: [pay("pay_1", "2026-02-10T00:00:00Z")], churns: [churn] })).toEqual([
      { stint: 0, seats: 1, paymentId: "pay_1", paidAt: churn, closed: ended },
    ])
  })
})

describe("refunds", () => {
  test("a full refund closes its payment's order; a later payment opens a new one", () => {
    const refunded = pay("pay_1", "2026-01-01T00:00:05Z", { refundedAt: "2026-01-10T00:00:00Z" })
    expect(planSeatOrders({ ...base, payments: [refunded, renewal] })).toEqual([
      {
        stint: 0,
        seats: 1,
        paymentId: "pay_1",
        paidAt: d("2026-01-01T00:00:05Z"),
        closed: { at: d("2026-01-10T00:00:00Z"), reason: "refunded" },
      },
      { stint: 0, seats: 1, paymentId: "pay_2", paidAt: d("2026-02-01T00:00:04Z"), closed: null },
    ])
  })

  test("refunding a renewal, which opened no order, closes nothing", () => {
    const refundedRenewal = pay("pay_2", "2026-02-01T00:00:04Z", { refundedAt: "2026-02-03T00:00:00Z" })
    expect(planSeatOrders({ ...base, payments: [first, refundedRenewal] })).toEqual([
      { stint: 0, seats: 1, paymentId: "pay_1", paidAt: d("2026-01-01T00:00:05Z"), closed: null },
    ])
  })

  test("an order already ended is not re-closed by a later refund", () => {
    const refunded = pay("pay_1", "2026-01-01T00:00:05Z", { refundedAt: "2026-03-01T00:00:00Z" })
    expect(
      planSeatOrders({ ...base, payments: [refunded], churns: [d("2026-02-10T00:00:00Z")] }).map(
        (order) => order.closed,
      ),
    ).toEqual([{ at: d("2026-02-10T00:00:00Z"), reason: "ended" }])
  })
})

describe("Polar's order of payments", () => {
  test("by paid time, then created time, then id, whatever the input order", () => {
    const paidAt = "2026-01-01T00:00:05Z"
    const laterCreated = pay("pay_a", paidAt, { createdAt: "2026-01-01T00:00:02Z" })
    const earlierCreated = pay("pay_b", paidAt, { createdAt: "2026-01-01T00:00:01Z" })
    expect(
      planSeatOrders({ ...base, payments: [laterCreated, earlierCreated] }).map((order) => order.paymentId),
    ).toEqual(["pay_b"])
    expect(
      planSeatOrders({ ...base, payments: [earlierCreated, laterCreated] }).map((order) => order.paymentId),
    ).toEqual(["pay_b"])
    const twinA = pay("pay_a", paidAt)
    const twinB = pay("pay_b", paidAt)
    expect(planSeatOrders({ ...base, payments: [twinB, twinA] }).map((order) => order.paymentId)).toEqual(["pay_a"])
    expect(planSeatOrders({ ...base, payments: [twinA, twinB] }).map((order) => order.paymentId)).toEqual(["pay_a"])
    // The paid time comes first: created earlier but paid later does not open.
    const paidLater = pay("pay_0", "2026-01-01T00:00:06Z", { createdAt: "2025-12-31T00:00:00Z" })
    expect(planSeatOrders({ ...base, payments: [paidLater, twinB] }).map((order) => order.paymentId)).toEqual(["pay_b"])
  })

  test("a whole story gives the same plan for every order of its payments, churns and starts", () => {
    // 1 seat, 3 seats from 2026-01-15 12:00 (with its proration), a renewal, a churn, a reactivation whose
    // payment is refunded, and the payment after it (seats are in Polar's order, as the timeline gives them).
    const seats = [...oneSeat, { at: d("2026-01-15T12:00:00Z"), seats: 3 }]
    const payments = [
      first,
      pay("pay_up", "2026-01-15T12:00:02Z"),
      renewal,
      pay("pay_back", "2026-03-01T00:00:02Z", { refundedAt: "2026-03-05T00:00:00Z" }),
      pay("pay_next", "2026-04-01T00:00:04Z"),
    ]
    const churns = [d("2026-02-10T00:00:00Z"), d("2026-06-01T00:00:00Z")]
    const starts = [started, d("2026-03-01T00:00:05Z")]
    const ended = { at: d("2026-02-10T00:00:00Z"), reason: "ended" }
    const expected = [
      { stint: 0, seats: 1, paymentId: "pay_1", paidAt: d("2026-01-01T00:00:05Z"), closed: ended },
      { stint: 0, seats: 2, paymentId: "pay_up", paidAt: d("2026-01-15T12:00:02Z"), closed: ended }, // 3 − 1
      {
        stint: 1,
        seats: 3,
        paymentId: "pay_back",
        paidAt: d("2026-03-01T00:00:02Z"),
        closed: { at: d("2026-03-05T00:00:00Z"), reason: "refunded" },
      },
      {
        stint: 1,
        seats: 3,
        paymentId: "pay_next",
        paidAt: d("2026-04-01T00:00:04Z"),
        closed: { at: d("2026-06-01T00:00:00Z"), reason: "ended" },
      },
    ]
    let count = 0
    for (const paymentOrder of permutations(payments)) {
      for (const churnOrder of permutations(churns)) {
        for (const startOrder of permutations(starts)) {
          expect(planSeatOrders({ payments: paymentOrder, churns: churnOrder, starts: startOrder, seats })).toEqual(
            expected,
          )
          count += 1
        }
      }
    }
    expect(count).toBe(480) // 5! × 2! × 2!
  })
})
