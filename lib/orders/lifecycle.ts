import { randomUUID } from "node:crypto"
import type { Prisma } from "@/generated/prisma/client"

// How billing events move orders. Called inside the billing transaction, so an order and its
// timeline change together with the payment or subscription that caused them.

export const FULFILMENT_WINDOW_MS = 24 * 60 * 60 * 1000

type Tx = Prisma.TransactionClient

/** The order a payment opens (first payment, or the first after a reactivation): due 24 hours later. Idempotent per payment. */
export async function openOrderForPayment(
  tx: Tx,
  input: { subscriptionId: string; userId: string; paymentId: string; amountCents: number; paidAt: Date },
): Promise<{ id: string; created: boolean }> {
  // One statement on the hot path of every first payment: the order (nothing if this payment has
  // one already) and, only when it is new, the PAID entry of its timeline.
  const dueAt = new Date(input.paidAt.getTime() + FULFILMENT_WINDOW_MS)
  const [created] = await tx.$queryRaw<{ id: string }[]>`
    WITH opened AS (
      INSERT INTO orders (id, subscription_id, user_id, payment_id, amount_cents, paid_at, due_at, status, created_at, updated_at)
      VALUES (${randomUUID()}, ${input.subscriptionId}, ${input.userId}, ${input.paymentId}, ${input.amountCents}, ${input.paidAt}, ${dueAt}, 'PENDING', now(), now())
      ON CONFLICT (payment_id) DO NOTHING
      RETURNING id
    ), timeline AS (
      INSERT INTO order_events (id, order_id, type, at) SELECT ${randomUUID()}, id, 'PAID', ${input.paidAt} FROM opened
    )
    SELECT id FROM opened`
  if (!created) {
    const existing = await tx.order.findUniqueOrThrow({ where: { paymentId: input.paymentId }, select: { id: true } })
    return { id: existing.id, created: false }
  }
  return { id: created.id, created: true }
}

/**
 * The subscription churned: the newest order holding (or about to hold) a seat gets a "release seat"
 * task, and an order not yet fulfilled is canceled. Returns the order touched, if any.
 */
export async function requestSeatRelease(tx: Tx, input: { subscriptionId: string; at: Date }): Promise<string | null> {
  const order = await tx.order.findFirst({
    where: { subscriptionId: input.subscriptionId, status: { in: ["PENDING", "IN_PROGRESS", "FULFILLED"] }, releasedAt: null },
    orderBy: { paidAt: "desc" },
    select: { id: true, status: true, releaseDueAt: true },
  })
  if (!order || order.releaseDueAt) return order?.id ?? null
  if (order.status === "FULFILLED") {
    await tx.order.update({
      where: { id: order.id },
      data: { releaseDueAt: input.at, events: { create: { type: "RELEASE_REQUESTED", at: input.at } } },
    })
  } else {
    await tx.order.update({
      where: { id: order.id },
      data: { status: "CANCELED", events: { create: { type: "CANCELED", at: input.at, note: "subscription ended before delivery" } } },
    })
  }
  return order.id
}

/** A refunded payment closes its order: no seat is owed any more (a delivered one must be released). */
export async function markOrderRefunded(tx: Tx, input: { paymentId: string; at: Date }): Promise<string | null> {
  const order = await tx.order.findUnique({ where: { paymentId: input.paymentId }, select: { id: true, status: true, releasedAt: true } })
  if (!order || order.status === "REFUNDED") return order?.id ?? null
  await tx.order.update({
    where: { id: order.id },
    data: {
      status: "REFUNDED",
      refundedAt: input.at,
      releaseDueAt: order.status === "FULFILLED" && !order.releasedAt ? input.at : undefined,
      events: { create: { type: "REFUNDED", at: input.at } },
    },
  })
  return order.id
}
