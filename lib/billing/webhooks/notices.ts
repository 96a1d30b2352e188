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
    // These two run for every purchase: their effects carry what the email says (no look-up).
    case "subscription_started": {
      const { recipient } = effect
      return () =>
        queueEmail(tx, {
          to: recipient.email,
          template: "welcome",
          props: { name: recipient.name },
          idempotencyKey: `welcome/${effect.subscriptionId}`,
        })
    }
    case "order_opened": {
      const { recipient, plan } = effect
      return () =>
        queueEmail(tx, {
          to: recipient.email,
          template: "order-received",
          props: {
            name: recipient.name,
            orderRef: effect.orderId,
            planName: plan.name,
            amountCents: effect.amountCents,
            currency: plan.currency,
            dueAt: effect.dueAt.toISOString(),
          },
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
          props: {
            name: user.name,
            planName: plan.name,
            amountCents: plan.priceCents,
            currency: plan.currency,
            nextRetryAt: null,
          },
          idempotencyKey: `payment-failed/${effect.subscriptionId}/${currentPeriodStart.toISOString()}`,
        })
    }
    case "payment_refunded": {
      // The payer is the payment's own user, the effect's userId.
      const [payment] = await tx.$queryRaw<
        { currency: string; refundedCents: number; orderId: string | null; email: string | null; name: string | null }[]
      >`
        SELECT p.currency, p.refunded_cents AS "refundedCents", o.id AS "orderId", u.email, u.name
        FROM payments p LEFT JOIN users u ON u.id = p.user_id LEFT JOIN orders o ON o.payment_id = p.id
        WHERE p.id = ${effect.paymentId}`
      if (!payment) throw new Error(`payment ${effect.paymentId} not found`)
      const { email } = payment
      if (email === null) throw new Error(`user ${effect.userId} not found`)
      return () =>
        queueEmail(tx, {
          to: email,
          template: "refund-issued",
          props: {
            name: payment.name,
            amountCents: effect.refundedCents,
            currency: payment.currency,
            orderRef: payment.orderId,
          },
          // One email per refund step: the running total tells two partial refunds apart.
          idempotencyKey: `refund-issued/${effect.paymentId}/${payment.refundedCents}`,
        })
    }
    default:
      return null
  }
}

type SubscriptionNoticeFacts = {
  currentPeriodStart: Date
  user: { email: string; name: string | null }
  plan: { name: string; priceCents: number; currency: string }
}

async function subscriptionOf(tx: Tx, subscriptionId: string): Promise<SubscriptionNoticeFacts> {
  const [row] = await tx.$queryRaw<
    {
      currentPeriodStart: Date
      email: string
      userName: string | null
      planName: string
      priceCents: number
      currency: string
    }[]
  >`
    SELECT s.current_period_start AS "currentPeriodStart", u.email, u.name AS "userName", p.name AS "planName", p.price_cents AS "priceCents", p.currency
    FROM subscriptions s JOIN users u ON u.id = s.user_id JOIN plans p ON p.id = s.plan_id
    WHERE s.id = ${subscriptionId}`
  if (!row) throw new Error(`subscription ${subscriptionId} not found`)
  return {
    currentPeriodStart: row.currentPeriodStart,
    user: { email: row.email, name: row.userName },
    plan: { name: row.planName, priceCents: row.priceCents, currency: row.currency },
  }
}
