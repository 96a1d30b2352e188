import type { PaymentStatus } from "@/generated/prisma/enums"
import type { PolarOrder } from "./events"

// Pure: what a Polar order means for our receipts (payments). No I/O.

/** When the order was paid: Polar has no paid_at, so the last modification (the payment) or creation. */
export function paidAtOf(order: Pick<PolarOrder, "modified_at" | "created_at">): Date {
  return order.modified_at ?? order.created_at
}

export type RefundState = { status: PaymentStatus; refundedCents: number }

/**
 * A payment's refund state after a refund event. Refunds only grow: a late event reporting less than
 * we already know changes nothing, and a full refund is never turned back into a partial one.
 */
export function refundState(current: RefundState & { amountCents: number }, order: Pick<PolarOrder, "status" | "refunded_amount">): RefundState {
  const refundedCents = Math.min(current.amountCents, Math.max(current.refundedCents, order.refunded_amount))
  const full = current.status === "REFUNDED" || order.status === "refunded" || (refundedCents > 0 && refundedCents >= current.amountCents)
  if (full) return { status: "REFUNDED", refundedCents: order.status === "refunded" ? current.amountCents : refundedCents }
  return { status: refundedCents > 0 ? "PARTIALLY_REFUNDED" : "PAID", refundedCents }
}
