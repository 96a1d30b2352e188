import { randomUUID } from "node:crypto"
import { Prisma } from "@/generated/prisma/client"
import type { OrderEventType } from "@/generated/prisma/enums"
import type { RawSql } from "@/lib/database/raw-transaction"

// How billing events move orders. Called inside the billing transaction, so an order and its
// timeline change together with the payment or subscription that caused them.

export const FULFILMENT_WINDOW_MS = 24 * 60 * 60 * 1000

type Tx = RawSql

/** When the order a payment opens is due. */
export function fulfilmentDueAt(paidAt: Date): Date {
  return new Date(paidAt.getTime() + FULFILMENT_WINDOW_MS)
}

/** The order a payment opens (first payment, or the first after a reactivation): due 24 hours later. Idempotent per payment. */
export async function openOrderForPayment(
  tx: Tx,
  input: { subscriptionId: string; userId: string; paymentId: string; amountCents: number; paidAt: Date },
): Promise<{ id: string; created: boolean }> {
  const [created] = await tx.$queryRaw<{ id: string }[]>`
    WITH payment AS (
      SELECT ${input.paymentId}::text AS id, ${input.userId}::text AS user_id, ${input.subscriptionId}::text AS subscription_id, ${input.amountCents}::int AS amount_cents
    ), ${openOrderCtes(Prisma.sql`payment`, input.paidAt)}
    SELECT id FROM opened`
  if (!created) {
    const [existing] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM orders WHERE payment_id = ${input.paymentId}`
    if (!existing) throw new Error(`no order for payment ${input.paymentId}`)
    return { id: existing.id, created: false }
  }
  return { id: created.id, created: true }
}

/**
 * The writes that open a payment's order, as CTEs of a statement that has the payment in a CTE
 * named by `payment` (its id, user_id, subscription_id and amount_cents): `opened` inserts the order
 * (nothing if the payment has one already) and, only when it is new, the PAID entry of its
 * timeline. A billing webhook records a first payment and opens its order in one statement.
 */
export function openOrderCtes(payment: Prisma.Sql, paidAt: Date): Prisma.Sql {
  return Prisma.sql`opened AS (
      INSERT INTO orders (id, subscription_id, user_id, payment_id, amount_cents, paid_at, due_at, status, created_at, updated_at)
      SELECT ${randomUUID()}, subscription_id, user_id, id, amount_cents, ${paidAt}, ${fulfilmentDueAt(paidAt)}, 'PENDING', now(), now() FROM ${payment}
      ON CONFLICT (payment_id) DO NOTHING
      RETURNING id
    ), timeline AS (
      INSERT INTO order_events (id, order_id, type, at) SELECT ${randomUUID()}, id, 'PAID', ${paidAt} FROM opened
    )`
}

/**
 * The subscription churned: the newest order holding (or about to hold) a seat gets a "release seat"
 * task, and an order not yet fulfilled is canceled. Returns the order touched, if any.
 */
export async function requestSeatRelease(tx: Tx, input: { subscriptionId: string; at: Date }): Promise<string | null> {
  const [order] = await tx.$queryRaw<{ id: string; status: string; releaseDueAt: Date | null }[]>`
    SELECT id, status::text AS status, release_due_at AS "releaseDueAt" FROM orders
    WHERE subscription_id = ${input.subscriptionId} AND status IN ('PENDING', 'IN_PROGRESS', 'FULFILLED') AND released_at IS NULL
    ORDER BY paid_at DESC
    LIMIT 1`
  if (!order || order.releaseDueAt) return order?.id ?? null
  if (order.status === "FULFILLED") {
    await updateWithEvent(tx, order.id, Prisma.sql`release_due_at = ${input.at}`, { type: "RELEASE_REQUESTED", at: input.at })
  } else {
    await updateWithEvent(tx, order.id, Prisma.sql`status = 'CANCELED'`, { type: "CANCELED", at: input.at, note: "subscription ended before delivery" })
  }
  return order.id
}

/** A refunded payment closes its order: no seat is owed any more (a delivered one must be released). */
export async function markOrderRefunded(tx: Tx, input: { paymentId: string; at: Date }): Promise<string | null> {
  const [order] = await tx.$queryRaw<{ id: string; status: string; releasedAt: Date | null }[]>`
    SELECT id, status::text AS status, released_at AS "releasedAt" FROM orders WHERE payment_id = ${input.paymentId}`
  if (!order || order.status === "REFUNDED") return order?.id ?? null
  const release = order.status === "FULFILLED" && !order.releasedAt ? Prisma.sql`, release_due_at = ${input.at}` : Prisma.empty
  await updateWithEvent(tx, order.id, Prisma.sql`status = 'REFUNDED', refunded_at = ${input.at} ${release}`, { type: "REFUNDED", at: input.at })
  return order.id
}

/** Sets columns of an order and adds the timeline entry saying why, in one statement. */
async function updateWithEvent(tx: Tx, orderId: string, set: Prisma.Sql, event: { type: OrderEventType; at: Date; note?: string }): Promise<void> {
  await tx.$executeRaw`
    WITH changed AS (UPDATE orders SET ${set}, updated_at = now() WHERE id = ${orderId} RETURNING id)
    INSERT INTO order_events (id, order_id, type, at, note)
    SELECT ${randomUUID()}, id, ${event.type}::"OrderEventType", ${event.at}, ${event.note ?? null} FROM changed`
}
