import { expect, test } from "vitest"
import { paidAtOf, refundState } from "./order-state"

const paid = { status: "PAID" as const, refundedCents: 0, amountCents: 1999 }

test("paid at: the order's last modification, else its creation", () => {
  expect(paidAtOf({ created_at: new Date("2026-01-01T00:00:00Z"), modified_at: null })).toEqual(new Date("2026-01-01T00:00:00Z"))
  expect(paidAtOf({ created_at: new Date("2026-01-01T00:00:00Z"), modified_at: new Date("2026-01-01T00:00:03Z") })).toEqual(new Date("2026-01-01T00:00:03Z"))
})

test("refunds: partial, then full; a late smaller figure never lowers them", () => {
  const partial = refundState(paid, { status: "partially_refunded", refunded_amount: 500 })
  expect(partial).toEqual({ status: "PARTIALLY_REFUNDED", refundedCents: 500 })
  const full = refundState({ ...partial, amountCents: 1999 }, { status: "refunded", refunded_amount: 1999 })
  expect(full).toEqual({ status: "REFUNDED", refundedCents: 1999 })
  expect(refundState({ ...full, amountCents: 1999 }, { status: "partially_refunded", refunded_amount: 500 })).toEqual({ status: "REFUNDED", refundedCents: 1999 })
  // Partials adding up to the whole amount are a full refund.
  expect(refundState({ ...partial, amountCents: 1999 }, { status: "partially_refunded", refunded_amount: 1999 })).toEqual({ status: "REFUNDED", refundedCents: 1999 })
  expect(refundState(paid, { status: "paid", refunded_amount: 0 })).toEqual({ status: "PAID", refundedCents: 0 })
})
