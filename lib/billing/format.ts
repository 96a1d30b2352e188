import type { BillingInterval, SubscriptionStatus } from "@/generated/prisma/enums"
import { formatLongDate } from "@/lib/format/dates"
import { formatMoney } from "@/lib/format/money"

// Pure display helpers for billing figures; safe to import from client and server code alike.

export function intervalLabel(interval: BillingInterval): "month" | "year" {
  return interval === "YEAR" ? "year" : "month"
}

/** "$19/month", "$190/year": how a plan's price reads on the site. */
export function formatPlanPrice(plan: { priceCents: number; currency: string; interval: BillingInterval }): string {
  return `${formatMoney(plan.priceCents, plan.currency, { hideZeroCents: true })}/${intervalLabel(plan.interval)}`
}

export type StatusTone = "success" | "warning" | "danger" | "neutral"

type SubscriptionState = {
  status: SubscriptionStatus
  cancelAtPeriodEnd: boolean
  currentPeriodEnd: Date
  endedAt: Date | null
}

/** The subscription's status in the subscriber's words, with the tone of its badge. */
export function describeSubscriptionStatus(
  sub: SubscriptionState,
  now: Date = new Date(),
): { label: string; tone: StatusTone } {
  if (sub.endedAt) return { label: "Canceled", tone: "neutral" }
  // Payment problems outrank a scheduled cancellation: they need the subscriber to act now.
  if (sub.status === "PAST_DUE") return { label: "Payment failed", tone: "danger" }
  if (sub.status === "UNPAID") return { label: "Unpaid", tone: "danger" }
  if (sub.status === "INCOMPLETE") return { label: "Awaiting payment", tone: "warning" }
  if (sub.cancelAtPeriodEnd && sub.currentPeriodEnd > now) {
    return { label: `Canceled, active until ${formatLongDate(sub.currentPeriodEnd)}`, tone: "warning" }
  }
  if (sub.status === "CANCELED" || sub.cancelAtPeriodEnd) return { label: "Canceled", tone: "neutral" }
  if (sub.status === "TRIALING") return { label: "Trial", tone: "success" }
  return { label: "Active", tone: "success" }
}

/** What the period end means for this subscription: a renewal, the last day of access, or the end. */
export function describeRenewal(sub: SubscriptionState, now: Date = new Date()): { term: string; date: Date } | null {
  if (sub.endedAt) return { term: "Ended on", date: sub.endedAt }
  if (sub.status === "CANCELED" || sub.cancelAtPeriodEnd) {
    return sub.currentPeriodEnd > now ? { term: "Access until", date: sub.currentPeriodEnd } : null
  }
  return { term: "Renews on", date: sub.currentPeriodEnd }
}
