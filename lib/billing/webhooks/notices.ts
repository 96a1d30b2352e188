import type { Prisma } from "@/generated/prisma/client"
import { queueEmail } from "@/lib/email/send"
import type { BillingEffect } from "./effects"

// The emails a billing change owes the subscriber, queued in the same transaction as the change, so
// a repeated or stale delivery (which has no effects) never mails twice. Keys make it doubly sure.

type Tx = Prisma.TransactionClient

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
      const payment = await tx.payment.findUniqueOrThrow({ where: { id: effect.paymentId }, select: { currency: true, refundedCents: true, order: { select: { id: true } } } })
      const user = await recipient(tx, effect.userId)
      return () =>
        queueEmail(tx, {
          to: user.email,
          template: "refund-issued",
          props: { name: user.name, amountCents: effect.refundedCents, currency: payment.currency, orderRef: payment.order?.id ?? null },
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

function subscriptionOf(tx: Tx, subscriptionId: string) {
  return tx.subscription.findUniqueOrThrow({
    where: { id: subscriptionId },
    select: { currentPeriodStart: true, user: { select: { email: true, name: true } }, plan: { select: { name: true, priceCents: true, currency: true } } },
  })
}
