import { randomUUID } from "node:crypto"
import { Prisma } from "@/generated/prisma/client"
import type { RawSql } from "@/lib/database/raw-transaction"
import { fulfilmentDueAt, markOrderRefunded, openOrderCtes, openOrderForPayment, requestSeatRelease } from "@/lib/orders/lifecycle"
import { applySubscriptionSnapshot, type PrelockedSubscription } from "./apply-subscription"
import { resolveCustomerUser } from "./customers"
import type { BillingEffect } from "./effects"
import type { PolarOrder } from "./events"
import { paidAtOf, refundState } from "./order-state"

type Tx = RawSql

type Receipt = { id: string; userId: string; amountCents: number; status: "PAID" | "REFUNDED" | "PARTIALLY_REFUNDED"; refundedCents: number }
/**
 * A payment just recorded, with what an order-received email says (who paid, and the subscription's
 * plan, if any) and the order it opened in the same statement, if it did.
 */
type NewReceipt = Receipt & { email: string | null; userName: string | null; planName: string | null; planCurrency: string | null; openedOrderId: string | null }

/**
 * order.paid: the receipt (once per Polar order) and, when the subscription holds no seat (its first
 * payment, or the first after a churn released the seat), a new order due 24 hours later. The
 * subscription snapshot inside the order is applied first, so a payment that arrives before its
 * subscription's own events still lands on the right subscription.
 */
export async function applyOrderPaid(tx: Tx, order: PolarOrder, prelocked?: PrelockedSubscription): Promise<BillingEffect[]> {
  return (await ensureReceipt(tx, order, prelocked)).effects
}

/** order.refunded: the receipt's refunded amount only grows; a full refund closes its order. MRR does not move. */
export async function applyOrderRefunded(tx: Tx, order: PolarOrder, prelocked?: PrelockedSubscription): Promise<BillingEffect[]> {
  const { receipt, effects } = await ensureReceipt(tx, order, prelocked)
  const next = refundState(receipt, order)
  if (next.status === receipt.status && next.refundedCents === receipt.refundedCents) return effects
  await tx.$executeRaw`UPDATE payments SET status = ${next.status}::"PaymentStatus", refunded_cents = ${next.refundedCents} WHERE id = ${receipt.id}`
  const full = next.status === "REFUNDED"
  if (full) await markOrderRefunded(tx, { paymentId: receipt.id, at: paidAtOf(order) })
  effects.push({ kind: "payment_refunded", userId: receipt.userId, paymentId: receipt.id, refundedCents: next.refundedCents - receipt.refundedCents, full })
  return effects
}

async function ensureReceipt(tx: Tx, order: PolarOrder, prelocked?: PrelockedSubscription): Promise<{ receipt: Receipt; effects: BillingEffect[] }> {
  const effects: BillingEffect[] = []
  let subscription: { id: string; userId: string; ended: Date | null; new?: boolean } | null = null
  if (order.subscription) {
    const applied = await applySubscriptionSnapshot(tx, { snapshot: order.subscription, customer: order.customer, reason: `polar order ${order.billing_reason}`, prelocked })
    effects.push(...applied.effects)
    subscription = { id: applied.subscriptionId, userId: applied.userId, ended: endedAt(applied.state), new: applied.created }
  } else if (order.subscription_id) {
    const [row] = await tx.$queryRaw<{ id: string; userId: string; status: string; endedAt: Date | null }[]>`
      SELECT id, user_id AS "userId", status::text AS status, ended_at AS "endedAt" FROM subscriptions WHERE polar_subscription_id = ${order.subscription_id}`
    // Failing makes Polar deliver it again, by when the subscription's own events have arrived.
    if (!row) throw new Error(`order ${order.id} belongs to subscription ${order.subscription_id}, which has not arrived yet`)
    subscription = { id: row.id, userId: row.userId, ended: endedAt(row) }
  }
  const userId = subscription?.userId ?? (await resolveCustomerUser(tx, order.customer)).id
  const paidAt = paidAtOf(order)
  // A subscription's first payment always opens its order; a later one only when no order holds the
  // seat any more (a reactivation after a churn). Only the delivery that records the payment may
  // open its order: a later event about an old payment (a refund) must never open a seat.
  const first = order.billing_reason === "subscription_create" || subscription?.new === true
  const opensWithPayment = subscription !== null && first
  // The payer and plan come back with the insert, for the order-received email a new order sends;
  // a first payment opens its order in the same statement.
  const [created] = await tx.$queryRaw<NewReceipt[]>`
    WITH created AS (
      INSERT INTO payments (id, polar_order_id, subscription_id, user_id, amount_cents, currency, billing_reason, paid_at)
      VALUES (${randomUUID()}, ${order.id}, ${subscription?.id ?? null}, ${userId}, ${order.total_amount}, ${order.currency}, ${order.billing_reason}, ${paidAt})
      ON CONFLICT (polar_order_id) DO NOTHING
      RETURNING id, user_id, subscription_id, amount_cents, status, refunded_cents
    )${opensWithPayment ? Prisma.sql`, ${openOrderCtes(Prisma.sql`created`, paidAt)}` : Prisma.empty}
    SELECT ${receiptColumns(Prisma.sql`created`)}, u.email, u.name AS "userName", p.name AS "planName", p.currency AS "planCurrency",
      ${opensWithPayment ? Prisma.sql`(SELECT id FROM opened)` : Prisma.sql`NULL::text`} AS "openedOrderId"
    FROM created LEFT JOIN users u ON u.id = created.user_id
      LEFT JOIN subscriptions s ON s.id = created.subscription_id LEFT JOIN plans p ON p.id = s.plan_id`
  const receipt = created ?? (await tx.$queryRaw<Receipt[]>`SELECT ${receiptColumns(Prisma.sql`payments`)} FROM payments WHERE polar_order_id = ${order.id}`)[0]!
  if (created && subscription && (first || !(await holdsSeat(tx, subscription.id)))) {
    const opened = created.openedOrderId
      ? { id: created.openedOrderId, created: true }
      : await openOrderForPayment(tx, { subscriptionId: subscription.id, userId, paymentId: receipt.id, amountCents: receipt.amountCents, paidAt })
    if (opened.created) {
      if (created.email === null || created.planName === null || created.planCurrency === null) throw new Error(`order ${opened.id} not found with its user and plan`)
      effects.push({
        kind: "order_opened",
        userId,
        subscriptionId: subscription.id,
        orderId: opened.id,
        recipient: { email: created.email, name: created.userName },
        plan: { name: created.planName, currency: created.planCurrency },
        amountCents: receipt.amountCents,
        dueAt: fulfilmentDueAt(paidAt),
      })
    }
    // The payment arrived after the subscription had already ended (deliveries out of order): the
    // order ends the way it would have, had the payment come first.
    if (subscription.ended) await requestSeatRelease(tx, { subscriptionId: subscription.id, at: subscription.ended })
  }
  return { receipt, effects }
}

/** An order still owes or holds this subscription's seat (no release asked for). */
async function holdsSeat(tx: Tx, subscriptionId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM orders
    WHERE subscription_id = ${subscriptionId} AND status IN ('PENDING', 'IN_PROGRESS', 'FULFILLED') AND release_due_at IS NULL AND released_at IS NULL
    LIMIT 1`
  return rows.length > 0
}

const receiptColumns = (from: Prisma.Sql) =>
  Prisma.sql`${from}.id, ${from}.user_id AS "userId", ${from}.amount_cents AS "amountCents", ${from}.status::text AS status, ${from}.refunded_cents AS "refundedCents"`

/** When the subscription ended, or null while it runs (or is still being paid for). */
function endedAt(sub: { status: string; endedAt: Date | null }): Date | null {
  if (sub.endedAt) return sub.endedAt
  return sub.status === "CANCELED" || sub.status === "UNPAID" ? new Date() : null
}
