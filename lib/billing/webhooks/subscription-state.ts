import type { SubscriptionStatus } from "@/generated/prisma/enums"
import { type BillingIntervalName, monthlyRecurringCents } from "@/lib/revenue/mrr"
import type { PolarSubscriptionSnapshot, PolarSubscriptionStatus } from "./events"

// Pure: what a Polar subscription snapshot means for our subscription row and its MRR. No I/O.

const STATUS_FROM_POLAR: Record<PolarSubscriptionStatus, SubscriptionStatus> = {
  incomplete: "INCOMPLETE",
  incomplete_expired: "CANCELED",
  trialing: "TRIALING",
  active: "ACTIVE",
  past_due: "PAST_DUE",
  canceled: "CANCELED",
  unpaid: "UNPAID",
  // We have no paused status: a paused subscription brings no revenue and holds no seat.
  paused: "CANCELED",
}

/** Statuses that bring revenue (a scheduled cancellation still does, until it ends). */
const EARNING: ReadonlySet<SubscriptionStatus> = new Set(["ACTIVE", "TRIALING", "PAST_DUE"])

export type PlanPrice = { id: string; interval: BillingIntervalName; priceCents: number }

export type IntendedSubscription = {
  status: SubscriptionStatus
  planId: string
  currentPeriodStart: Date
  currentPeriodEnd: Date
  cancelAtPeriodEnd: boolean
  canceledAt: Date | null
  endedAt: Date | null
  /** Polar's own time for this snapshot: an older one arriving later changes nothing. */
  sourceUpdatedAt: Date
  mrrCents: number
}

/** When a snapshot was true: modified_at, or created_at for a subscription never modified. */
export function snapshotTime(snapshot: Pick<PolarSubscriptionSnapshot, "modified_at" | "created_at">): Date {
  return snapshot.modified_at ?? snapshot.created_at
}

/** When the subscription began, for a row created from this snapshot. */
export function snapshotStart(snapshot: Pick<PolarSubscriptionSnapshot, "started_at" | "created_at">): Date {
  return snapshot.started_at ?? snapshot.created_at
}

/** Whether a snapshot taken at `incoming` may replace state last set from one taken at `stored`. */
export function isNewer(incoming: Date, stored: Date | null): boolean {
  return stored === null || incoming.getTime() >= stored.getTime()
}

export function intendedSubscription(snapshot: PolarSubscriptionSnapshot, plan: PlanPrice): IntendedSubscription {
  const status = STATUS_FROM_POLAR[snapshot.status]
  const at = snapshotTime(snapshot)
  const ended = snapshot.ended_at !== null && snapshot.ended_at.getTime() <= at.getTime()
  return {
    status,
    planId: plan.id,
    currentPeriodStart: snapshot.current_period_start,
    currentPeriodEnd: snapshot.current_period_end,
    cancelAtPeriodEnd: snapshot.cancel_at_period_end,
    canceledAt: snapshot.canceled_at,
    endedAt: snapshot.ended_at,
    sourceUpdatedAt: at,
    mrrCents: EARNING.has(status) && !ended ? monthlyRecurringCents(plan) : 0,
  }
}

/**
 * When the MRR move this snapshot causes took effect: an end at its ended_at, a first sale when the
 * subscription started, anything else (plan change, reactivation) when Polar modified it.
 */
export function mrrEffectiveAt(snapshot: PolarSubscriptionSnapshot, input: { nextMrrCents: number; firstSale: boolean }): Date {
  if (input.nextMrrCents === 0) return snapshot.ended_at ?? snapshotTime(snapshot)
  return input.firstSale ? snapshotStart(snapshot) : snapshotTime(snapshot)
}

export type SubscriptionFacts = { status: SubscriptionStatus; planId: string; cancelAtPeriodEnd: boolean; endedAt: Date | null }

export type SubscriptionTransition = "cancel_scheduled" | "cancel_withdrawn" | "plan_changed" | "payment_failed"

/** What changed between two states, for notices; a repeat of the same state yields nothing. */
export function subscriptionTransitions(before: SubscriptionFacts, after: SubscriptionFacts): SubscriptionTransition[] {
  const result: SubscriptionTransition[] = []
  const live = after.endedAt === null && EARNING.has(after.status)
  if (!before.cancelAtPeriodEnd && after.cancelAtPeriodEnd && live) result.push("cancel_scheduled")
  if (before.cancelAtPeriodEnd && !after.cancelAtPeriodEnd && live) result.push("cancel_withdrawn")
  if (before.planId !== after.planId && live) result.push("plan_changed")
  if (before.status !== "PAST_DUE" && after.status === "PAST_DUE") result.push("payment_failed")
  return result
}
