import { randomUUID } from "node:crypto"
import { Prisma } from "@/generated/prisma/client"
import type { RawSql } from "@/lib/database/raw-transaction"
import { mergeReceipts, type Receipt, receiptOf, receiptStatus, sameReceipt } from "./order-state"
import type { PolarOrder } from "./events"

// Receipts (payments) are written here only: one per Polar order, the merge of every event about it.

/** `subscriptionId`: ours, from this event or an earlier one about the same order. */
export type StoredReceipt = {
  id: string
  userId: string
  subscriptionId: string | null
  before: Receipt | null
  after: Receipt
}

const COLUMNS =
  Prisma.raw(`amount_cents AS "amountCents", tax_cents AS "taxCents", currency, billing_reason AS "billingReason",
  refunded_cents AS "refundedCents", refunded_tax_cents AS "refundedTaxCents", status::text = 'REFUNDED' AS "fullyRefunded", refunded_at AS "refundedAt",
  paid_at AS "paidAt", paid_at_exact AS "paidAtExact", polar_created_at AS "polarCreatedAt"`)

/** Records what this event says of its order's receipt; `before` is null when it is new. */
export async function recordReceipt(
  tx: RawSql,
  input: {
    order: PolarOrder
    eventType: "order.paid" | "order.refunded"
    userId: string
    subscriptionId: string | null
  },
): Promise<StoredReceipt> {
  const incoming = receiptOf(input.order, input.eventType)
  const [inserted] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO payments (id, polar_order_id, subscription_id, user_id, amount_cents, tax_cents, currency, billing_reason, status,
                          refunded_cents, refunded_tax_cents, refunded_at, paid_at, paid_at_exact, polar_created_at)
    VALUES (${randomUUID()}, ${input.order.id}, ${input.subscriptionId}, ${input.userId}, ${incoming.amountCents}, ${incoming.taxCents},
            ${incoming.currency}, ${incoming.billingReason}, ${receiptStatus(incoming)}::"PaymentStatus", ${incoming.refundedCents}, ${incoming.refundedTaxCents},
            ${incoming.refundedAt}, ${incoming.paidAt}, ${incoming.paidAtExact}, ${incoming.polarCreatedAt})
    ON CONFLICT (polar_order_id) DO NOTHING
    RETURNING id`
  if (inserted)
    return {
      id: inserted.id,
      userId: input.userId,
      subscriptionId: input.subscriptionId,
      before: null,
      after: incoming,
    }
  const [stored] = await tx.$queryRaw<(Receipt & { id: string; userId: string; subscriptionId: string | null })[]>`
    SELECT id, user_id AS "userId", subscription_id AS "subscriptionId", ${COLUMNS} FROM payments WHERE polar_order_id = ${input.order.id} FOR UPDATE`
  if (!stored) throw new Error(`the receipt of order ${input.order.id} vanished`)
  const { id, userId, subscriptionId, ...before } = stored
  const after = mergeReceipts(before, incoming)
  if (!sameReceipt(before, after) || (subscriptionId === null && input.subscriptionId !== null)) {
    await tx.$executeRaw`
      UPDATE payments SET amount_cents = ${after.amountCents}, tax_cents = ${after.taxCents},
        status = ${receiptStatus(after)}::"PaymentStatus", refunded_cents = ${after.refundedCents}, refunded_tax_cents = ${after.refundedTaxCents},
        refunded_at = ${after.refundedAt}, paid_at = ${after.paidAt}, paid_at_exact = ${after.paidAtExact},
        subscription_id = COALESCE(subscription_id, ${input.subscriptionId})
      WHERE id = ${id}`
  }
  return { id, userId, subscriptionId: subscriptionId ?? input.subscriptionId, before, after }
}
