import type { RawSql } from "@/lib/database/raw-transaction"
import { queueEmail } from "@/lib/email/send"
import type { BillingEffect } from "./effects"

// The emails a billing change owes the subscriber, queued in the same transaction as the change, so
// a repeated or stale delivery (which has no effects) never mails twice. Keys make it doubly sure.

type Tx = RawSql

export async function queueBillingNotices(tx: Tx, effects: readonly BillingEffect[]): Promise<number> {
  let queued = 0
  for (const effect of effects) {
    const notice = await noticeFor(tx, effect)
    if (!notice) continue
    await notice()
    queued += 1
  }
  return queued
}

async function noticeFor(tx: Tx, effect: BillingEffect): Promise<(() => Promise<unknown>) | null> {
  switch (effect.kind) {
    case "subscription_started": {
      const user = await recipient(tx, effect.userId)
      return () => queueEmail(tx, { to: user.email, template: "welcome", props: { name: user.name }, idempotencyKey: `welcome/${effect.subscriptionId}` })
    }
    case "order_opened": {
      // One statement (not one per relation): this runs for every first payment.
      const [order] = await tx.$queryRaw<{ amountCents: number; dueAt: Date; email: string; name: string | null; planName: string; currency: string }[]>`
        SELECT o.amount_cents AS "amountCents", o.due_at AS "dueAt", u.email, u.name, p.name AS "planName", p.currency
        FROM orders o JOIN users u ON u.id = o.user_id JOIN subscriptions s ON s.id = o.subscription_id JOIN plans p ON p.id = s.plan_id
        WHERE o.id = ${effect.orderId}`
      if (!order) throw new Error(`order ${effect.orderId} not found`)
      return () =>
        queueEmail(tx, {
          to: order.email,
          template: "order-received",
          props: { name: order.name, orderRef: effect.orderId, planName: order.planName, amountCents: order.amountCents, currency: order.currency, dueAt: order.dueAt.toISOString() },
          idempotencyKey: `order-received/${effect.orderId}`,
        })
    }
    case "cancel_scheduled": {
      const { user, plan } = await subscriptionOf(tx, effect.subscriptionId)
      return () =>
        queueEmail(tx, {
          to: user.email,
          template: "subscription-canceled",
          props: { name: user.name, planName: plan.name, activeUntil: effect.endsAt.toISOString() },
          idempotencyKey: `subscription-canceled/${effect.subscriptionId}/${effect.endsAt.toISOString()}`,
        })
    }
    case "payment_failed": {
      const { user, plan, currentPeriodStart } = await subscriptionOf(tx, effect.subscriptionId)
      return () =>
        queueEmail(tx, {
          to: user.email,
          template: "payment-failed",
          props: { name: user.name, planName: plan.name, amountCents: plan.priceCents, currency: plan.currency, nextRetryAt: null },
          idempotencyKey: `payment-failed/${effect.subscriptionId}/${currentPeriodStart.toISOString()}`,
        })
    }
    case "payment_refunded": {
      const [payment] = await tx.$queryRaw<{ currency: string; refundedCents: number; orderId: string | null }[]>`
        SELECT p.currency, p.refunded_cents AS "refundedCents", o.id AS "orderId" FROM payments p LEFT JOIN orders o ON o.payment_id = p.id WHERE p.id = ${effect.paymentId}`
      if (!payment) throw new Error(`payment ${effect.paymentId} not found`)
      const user = await recipient(tx, effect.userId)
      return () =>
        queueEmail(tx, {
          to: user.email,
          template: "refund-issued",
          props: { name: user.name, amountCents: effect.refundedCents, currency: payment.currency, orderRef: payment.orderId },
          // One email per refund step: the running total tells two partial refunds apart.
          idempotencyKey: `refund-issued/${effect.paymentId}/${payment.refundedCents}`,
        })
    }
    default:
      return null
  }
}

async function recipient(tx: Tx, userId: string): Promise<{ email: string; name: string | null }> {
  const [user] = await tx.$queryRaw<{ email: string; name: string | null }[]>`SELECT email, name FROM users WHERE id = ${userId}`
  if (!user) throw new Error(`user ${userId} not found`)
  return user
}

type SubscriptionNoticeFacts = {
  currentPeriodStart: Date
  user: { email: string; name: string | null }
  plan: { name: string; priceCents: number; currency: string }
}

async function subscriptionOf(tx: Tx, subscriptionId: string): Promise<SubscriptionNoticeFacts> {
  const [row] = await tx.$queryRaw<{ currentPeriodStart: Date; email: string; userName: string | null; planName: string; priceCents: number; currency: string }[]>`
    SELECT s.current_period_start AS "currentPeriodStart", u.email, u.name AS "userName", p.name AS "planName", p.price_cents AS "priceCents", p.currency
    FROM subscriptions s JOIN users u ON u.id = s.user_id JOIN plans p ON p.id = s.plan_id
    WHERE s.id = ${subscriptionId}`
  if (!row) throw new Error(`subscription ${subscriptionId} not found`)
  return { currentPeriodStart: row.currentPeriodStart, user: { email: row.email, name: row.userName }, plan: { name: row.planName, priceCents: row.priceCents, currency: row.currency } }
}
