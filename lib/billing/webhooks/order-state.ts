import type { PaymentStatus } from "@/generated/prisma/enums"
import type { PolarOrder } from "./events"

// Pure: what Polar's order events mean for our receipt (payment) of that order. Every event of an
// order carries the whole order, so a receipt is the merge of all of them: refunds only grow, and
// the paid time is order.paid's own. The merge gives the same receipt whatever the arrival order.

export type Receipt = {
  /** Polar's total_amount: what the customer paid, tax included. */
  amountCents: number
  /** Polar's tax_amount; the net (net_amount) is amountCents − taxCents. */
  taxCents: number
  currency: string
  billingReason: string
  /** Refunded in all, tax included; and the part of it that was tax. */
  refundedCents: number
  refundedTaxCents: number
  fullyRefunded: boolean
  refundedAt: Date | null
  paidAt: Date
  /** paidAt is order.paid's modified_at (false: the order's created_at, until order.paid arrives). */
  paidAtExact: boolean
  polarCreatedAt: Date
}

/** The receipt one event states. A refund event's modified_at is the refund's time, not the payment's. */
export function receiptOf(order: PolarOrder, eventType: "order.paid" | "order.refunded"): Receipt {
  // Payloads older than 2026-10 have no net and tax: their total was untaxed.
  const taxCents = order.tax_amount ?? 0
  const refundedTaxCents = order.refunded_tax_amount ?? 0
  const refundedCents = Math.min(order.total_amount, order.refunded_amount + refundedTaxCents)
  const fullyRefunded = order.status === "refunded" || (order.total_amount > 0 && refundedCents >= order.total_amount)
  const changedAt = order.modified_at ?? order.created_at
  return {
    amountCents: order.total_amount,
    taxCents,
    currency: order.currency.toLowerCase(),
    billingReason: order.billing_reason,
    refundedCents,
    refundedTaxCents: Math.min(refundedTaxCents, taxCents),
    fullyRefunded,
    refundedAt: fullyRefunded ? changedAt : null,
    paidAt: eventType === "order.paid" ? changedAt : order.created_at,
    paidAtExact: eventType === "order.paid",
    polarCreatedAt: order.created_at,
  }
}

const earliest = (a: Date | null, b: Date | null) => (a && b ? (a <= b ? a : b) : (a ?? b))

/**
 * Two statements about one order, merged: the larger refund, the exact (then earliest) paid time.
 * Amounts never change for an order; of two that disagree, the one stating tax is taken (a receipt
 * written before tax was kept apart is corrected by the next event about it), whatever the order.
 */
export function mergeReceipts(stored: Receipt, incoming: Receipt): Receipt {
  const paid =
    stored.paidAtExact === incoming.paidAtExact
      ? { paidAt: earliest(stored.paidAt, incoming.paidAt)!, paidAtExact: stored.paidAtExact }
      : stored.paidAtExact
        ? { paidAt: stored.paidAt, paidAtExact: true }
        : { paidAt: incoming.paidAt, paidAtExact: true }
  const fullyRefunded = stored.fullyRefunded || incoming.fullyRefunded
  // Equal in every real pair; a payload from before tax was stated says 0, so the taxed one wins.
  const amounts =
    incoming.taxCents > stored.taxCents ||
    (incoming.taxCents === stored.taxCents && incoming.amountCents > stored.amountCents)
      ? incoming
      : stored
  return {
    ...stored,
    amountCents: amounts.amountCents,
    taxCents: amounts.taxCents,
    ...paid,
    refundedCents: Math.max(stored.refundedCents, incoming.refundedCents),
    refundedTaxCents: Math.max(stored.refundedTaxCents, incoming.refundedTaxCents),
    fullyRefunded,
    refundedAt: fullyRefunded ? earliest(stored.refundedAt, incoming.refundedAt) : null,
  }
}

export function receiptStatus(receipt: Pick<Receipt, "fullyRefunded" | "refundedCents">): PaymentStatus {
  if (receipt.fullyRefunded) return "REFUNDED"
  return receipt.refundedCents > 0 ? "PARTIALLY_REFUNDED" : "PAID"
}

export function sameReceipt(a: Receipt, b: Receipt): boolean {
  const time = (date: Date | null) => date?.getTime() ?? null
  return (
    a.amountCents === b.amountCents &&
    a.taxCents === b.taxCents &&
    a.refundedCents === b.refundedCents &&
    a.refundedTaxCents === b.refundedTaxCents &&
    a.fullyRefunded === b.fullyRefunded &&
    time(a.refundedAt) === time(b.refundedAt) &&
    time(a.paidAt) === time(b.paidAt) &&
    a.paidAtExact === b.paidAtExact
  )
}
