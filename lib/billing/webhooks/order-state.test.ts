import { describe, expect, test } from "vitest"
import { permutations } from "@/lib/testing/permutations"
import type { PolarOrder } from "./events"
import { mergeReceipts, type Receipt, receiptOf, receiptStatus, sameReceipt } from "./order-state"

const d = (iso: string) => new Date(iso)

/** Polar's order: $100 + $20 tax = $120, created 2026-01-01 00:00, paid 3 s later. */
function order(change: Partial<PolarOrder> = {}): PolarOrder {
  return {
    id: "ord_1",
    status: "paid",
    created_at: d("2026-01-01T00:00:00Z"),
    modified_at: d("2026-01-01T00:00:03Z"),
    total_amount: 12000,
    net_amount: 10000,
    tax_amount: 2000,
    refunded_amount: 0,
    refunded_tax_amount: 0,
    currency: "USD",
    billing_reason: "subscription_create",
    customer: { id: "cus_1", created_at: null, modified_at: null, email: "ada@example.com" },
    product_id: "prod_monthly",
    subscription_id: "sub_1",
    subscription: null,
    ...change,
  }
}

const paid = receiptOf(order(), "order.paid")
// $50 net + $10 tax back, 9 days later
const partial = receiptOf(
  order({
    status: "partially_refunded",
    modified_at: d("2026-01-10T00:00:00Z"),
    refunded_amount: 5000,
    refunded_tax_amount: 1000,
  }),
  "order.refunded",
)
// the rest: 10000 net + 2000 tax in all
const full = receiptOf(
  order({
    status: "refunded",
    modified_at: d("2026-01-20T00:00:00Z"),
    refunded_amount: 10000,
    refunded_tax_amount: 2000,
  }),
  "order.refunded",
)

const fold = (receipts: readonly Receipt[]) => receipts.slice(1).reduce(mergeReceipts, receipts[0]!)

describe("receiptOf", () => {
  test("order.paid: the total with its tax apart (net = 12000 − 2000), paid at its modified_at (exact)", () => {
    expect(paid).toEqual({
      amountCents: 12000,
      taxCents: 2000,
      currency: "usd",
      billingReason: "subscription_create",
      refundedCents: 0,
      refundedTaxCents: 0,
      fullyRefunded: false,
      refundedAt: null,
      paidAt: d("2026-01-01T00:00:03Z"),
      paidAtExact: true,
      polarCreatedAt: d("2026-01-01T00:00:00Z"),
    })
    expect(receiptStatus(paid)).toBe("PAID")
  })

  test("order.paid never modified: paid at created_at, still exact", () => {
    expect(receiptOf(order({ modified_at: null }), "order.paid")).toMatchObject({
      paidAt: d("2026-01-01T00:00:00Z"),
      paidAtExact: true,
    })
  })

  test("a payload without net and tax was untaxed: no tax", () => {
    expect(
      receiptOf(
        order({ total_amount: 1999, net_amount: undefined, tax_amount: undefined, refunded_tax_amount: undefined }),
        "order.paid",
      ),
    ).toMatchObject({
      amountCents: 1999,
      taxCents: 0,
      refundedTaxCents: 0,
    })
  })

  test("order.refunded, $50 net + $10 tax back of $100 + $20: 5000 + 1000 = 6000 refunded, 1000 of it tax; partial", () => {
    expect(partial).toEqual({
      amountCents: 12000,
      taxCents: 2000,
      currency: "usd",
      billingReason: "subscription_create",
      refundedCents: 6000,
      refundedTaxCents: 1000,
      fullyRefunded: false,
      refundedAt: null,
      // A refund's modified_at is the refund's time: the paid time is only provisional, created_at.
      paidAt: d("2026-01-01T00:00:00Z"),
      paidAtExact: false,
      polarCreatedAt: d("2026-01-01T00:00:00Z"),
    })
    expect(receiptStatus(partial)).toBe("PARTIALLY_REFUNDED")
  })

  test("a full refund by Polar's status: 10000 + 2000 = 12000, refunded at the event's modified_at", () => {
    expect(full).toMatchObject({
      refundedCents: 12000,
      refundedTaxCents: 2000,
      fullyRefunded: true,
      refundedAt: d("2026-01-20T00:00:00Z"),
    })
    expect(receiptStatus(full)).toBe("REFUNDED")
  })

  test("a full refund by amounts: partial status, but 10000 + 2000 reaches the 12000 total", () => {
    const byAmounts = receiptOf(
      order({
        status: "partially_refunded",
        modified_at: d("2026-01-20T00:00:00Z"),
        refunded_amount: 10000,
        refunded_tax_amount: 2000,
      }),
      "order.refunded",
    )
    expect(byAmounts).toMatchObject({
      refundedCents: 12000,
      fullyRefunded: true,
      refundedAt: d("2026-01-20T00:00:00Z"),
    })
    expect(receiptStatus(byAmounts)).toBe("REFUNDED")
  })

  test("the tax is kept apart: refunding the whole net (10000) without its tax (2000) is partial", () => {
    const netOnly = receiptOf(
      order({ status: "partially_refunded", refunded_amount: 10000, refunded_tax_amount: 0 }),
      "order.refunded",
    )
    expect(netOnly).toMatchObject({ refundedCents: 10000, refundedTaxCents: 0, fullyRefunded: false })
    expect(receiptStatus(netOnly)).toBe("PARTIALLY_REFUNDED")
  })

  test("Polar's refunded status alone is a full refund", () => {
    const statusOnly = receiptOf(
      order({ status: "refunded", modified_at: d("2026-01-20T00:00:00Z"), refunded_amount: 0, refunded_tax_amount: 0 }),
      "order.refunded",
    )
    expect(statusOnly).toMatchObject({ refundedCents: 0, fullyRefunded: true, refundedAt: d("2026-01-20T00:00:00Z") })
    expect(receiptStatus(statusOnly)).toBe("REFUNDED")
  })

  test("a free order (total 0) is not refunded by its amounts", () => {
    const free = receiptOf(order({ total_amount: 0, net_amount: 0, tax_amount: 0 }), "order.paid")
    expect(free).toMatchObject({ refundedCents: 0, fullyRefunded: false })
    expect(receiptStatus(free)).toBe("PAID")
  })
})

describe("mergeReceipts", () => {
  test("paid then refund, and refund then paid, give the same receipt: the exact paid time, the refund", () => {
    const expected = { ...paid, refundedCents: 6000, refundedTaxCents: 1000, fullyRefunded: false, refundedAt: null }
    expect(mergeReceipts(paid, partial)).toEqual(expected)
    expect(mergeReceipts(partial, paid)).toEqual(expected)
    expect(receiptStatus(mergeReceipts(partial, paid))).toBe("PARTIALLY_REFUNDED")
  })

  test("a full refund merged either way keeps its time and the exact paid time", () => {
    const expected = {
      ...paid,
      refundedCents: 12000,
      refundedTaxCents: 2000,
      fullyRefunded: true,
      refundedAt: d("2026-01-20T00:00:00Z"),
    }
    expect(mergeReceipts(paid, full)).toEqual(expected)
    expect(mergeReceipts(full, paid)).toEqual(expected)
  })

  test("refunds only grow: a late partial never lowers a full refund, nor a smaller partial a larger one", () => {
    expect(mergeReceipts(full, partial)).toMatchObject({
      refundedCents: 12000,
      refundedTaxCents: 2000,
      fullyRefunded: true,
      refundedAt: d("2026-01-20T00:00:00Z"),
    })
    const smaller = receiptOf(
      order({
        status: "partially_refunded",
        modified_at: d("2026-01-05T00:00:00Z"),
        refunded_amount: 2000,
        refunded_tax_amount: 400,
      }),
      "order.refunded",
    )
    expect(mergeReceipts(partial, smaller)).toMatchObject({
      refundedCents: 6000,
      refundedTaxCents: 1000,
      fullyRefunded: false,
    })
    expect(mergeReceipts(smaller, partial)).toMatchObject({
      refundedCents: 6000,
      refundedTaxCents: 1000,
      fullyRefunded: false,
    })
  })

  test("every order of the paid, partial and full statements gives one receipt", () => {
    const expected = {
      ...paid,
      refundedCents: 12000,
      refundedTaxCents: 2000,
      fullyRefunded: true,
      refundedAt: d("2026-01-20T00:00:00Z"),
    }
    for (const receipts of permutations([paid, partial, full])) {
      expect(fold(receipts)).toEqual(expected)
      expect(sameReceipt(fold(receipts), expected)).toBe(true)
    }
  })

  test("the paid time: exact beats provisional, even when later", () => {
    // The refund's provisional 00:00:00 (created_at) is earlier than order.paid's 00:00:03.
    expect(mergeReceipts(partial, paid)).toMatchObject({ paidAt: d("2026-01-01T00:00:03Z"), paidAtExact: true })
    expect(mergeReceipts(paid, partial)).toMatchObject({ paidAt: d("2026-01-01T00:00:03Z"), paidAtExact: true })
  })

  test("the paid time: the earliest among exact ones, and among provisional ones (staying provisional)", () => {
    const paidAgain = receiptOf(order({ modified_at: d("2026-01-01T00:00:09Z") }), "order.paid")
    expect(mergeReceipts(paid, paidAgain)).toMatchObject({ paidAt: d("2026-01-01T00:00:03Z"), paidAtExact: true })
    expect(mergeReceipts(paidAgain, paid)).toMatchObject({ paidAt: d("2026-01-01T00:00:03Z"), paidAtExact: true })
    expect(mergeReceipts(partial, full)).toMatchObject({ paidAt: d("2026-01-01T00:00:00Z"), paidAtExact: false })
  })

  test("the earliest full refund time is kept", () => {
    const laterFull = receiptOf(
      order({
        status: "refunded",
        modified_at: d("2026-01-25T00:00:00Z"),
        refunded_amount: 10000,
        refunded_tax_amount: 2000,
      }),
      "order.refunded",
    )
    expect(mergeReceipts(laterFull, full).refundedAt).toEqual(d("2026-01-20T00:00:00Z"))
    expect(mergeReceipts(full, laterFull).refundedAt).toEqual(d("2026-01-20T00:00:00Z"))
  })

  test("a receipt written before tax was kept apart is corrected by the next statement's amounts", () => {
    const untaxed = receiptOf(
      order({ net_amount: undefined, tax_amount: undefined, refunded_tax_amount: undefined }),
      "order.paid",
    )
    expect(untaxed).toMatchObject({ amountCents: 12000, taxCents: 0 })
    expect(mergeReceipts(untaxed, partial)).toMatchObject({
      amountCents: 12000,
      taxCents: 2000,
      refundedCents: 6000,
      refundedTaxCents: 1000,
      paidAtExact: true,
    })
  })

  test("merging a receipt with itself changes nothing", () => {
    expect(mergeReceipts(partial, partial)).toEqual(partial)
    expect(mergeReceipts(full, full)).toEqual(full)
  })
})

describe("receiptStatus / sameReceipt", () => {
  test("refunded wins, then any refund is partial, else paid", () => {
    expect(receiptStatus({ fullyRefunded: true, refundedCents: 0 })).toBe("REFUNDED")
    expect(receiptStatus({ fullyRefunded: false, refundedCents: 1 })).toBe("PARTIALLY_REFUNDED")
    expect(receiptStatus({ fullyRefunded: false, refundedCents: 0 })).toBe("PAID")
  })

  test("two receipts are the same when their refund and paid time are", () => {
    expect(sameReceipt(paid, receiptOf(order(), "order.paid"))).toBe(true)
    expect(sameReceipt(paid, mergeReceipts(paid, partial))).toBe(false)
    expect(sameReceipt(paid, partial)).toBe(false) // refund and paid time differ
    expect(sameReceipt(partial, { ...partial, paidAtExact: true })).toBe(false)
  })
})

test("found in review: an untaxed (pre-2026-10) statement merged after a taxed one keeps the tax, in either order", () => {
  const taxed = receiptOf(
    order({
      status: "partially_refunded",
      modified_at: d("2026-01-10T00:00:00Z"),
      refunded_amount: 5000,
      refunded_tax_amount: 1000,
    }),
    "order.refunded",
  )
  const untaxed = receiptOf(
    order({ net_amount: undefined, tax_amount: undefined, refunded_tax_amount: undefined }),
    "order.paid",
  )
  expect(mergeReceipts(taxed, untaxed)).toEqual(mergeReceipts(untaxed, taxed))
  expect(mergeReceipts(taxed, untaxed)).toMatchObject({ taxCents: 2000, refundedTaxCents: 1000 })
})
