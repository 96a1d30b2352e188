import type { SubscriptionStatus } from "@/generated/prisma/enums"
import type { BillingIntervalName } from "@/lib/revenue/mrr"
import {
  type RecurringDiscount,
  type RecurringInterval,
  discountAppliesAt,
  discountedAmountCents,
  discountStopsAt,
  monthlyCents,
} from "@/lib/revenue/recurring"
import type { PolarSubscriptionStatus } from "../webhooks/events"
import { type SnapshotState, takenAt } from "./snapshot"

// Pure: what one Polar subscription state means for our row, its MRR and its seats. No I/O.

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

/** The plan a Polar product stands for: its name and seats, and the price used when Polar states none. */
export type PlanFacts = {
  id: string
  name: string
  interval: BillingIntervalName
  priceCents: number
  currency: string
  seats: number
}

export function ourStatus(status: PolarSubscriptionStatus): SubscriptionStatus {
  return STATUS_FROM_POLAR[status]
}

/** Earning: an earning status whose end (if any) had not passed when the state was taken. */
export function isEarning(state: SnapshotState): boolean {
  if (!EARNING.has(ourStatus(state.status))) return false
  return state.endedAt === null || new Date(state.endedAt).getTime() > takenAt(state).getTime()
}

/** Seats the state holds: Polar's seats for a seat-based subscription, else the plan's. */
export function seatsOf(state: SnapshotState, plan: PlanFacts): number {
  return state.seats ?? plan.seats
}

export function currencyOf(state: SnapshotState, plan: PlanFacts): string {
  return state.currency ?? plan.currency.toLowerCase()
}

/**
 * MRR of a state at `at`: Polar's recurring amount (the plan's price in payloads that predate it),
 * less a discount that applies then, per month (yearly ÷ 12, rounded half up once); 0 unless earning.
 */
export function stateMrrCents(
  state: SnapshotState,
  plan: PlanFacts,
  discount: AppliedDiscount | null,
  at: Date,
): number {
  if (!isEarning(state)) return 0
  const applies = discount !== null && discountAppliesAt(discount.discount, discountStopsFor(state, plan, discount), at)
  const amount = discountedAmountCents(
    state.amountCents ?? plan.priceCents,
    currencyOf(state, plan),
    applies ? discount.discount : null,
  )
  return monthlyCents(amount, intervalOf(state, plan), state.intervalCount)
}

/** A discount a subscription carries, and when it was first applied. */
export type AppliedDiscount = { discount: RecurringDiscount; appliedAt: Date }

/** When a repeating discount stops for this state: at the first billing period past its months. */
export function discountStopsFor(state: SnapshotState, plan: PlanFacts, applied: AppliedDiscount): Date | null {
  return discountStopsAt(applied.discount, applied.appliedAt, {
    start: new Date(state.currentPeriodStart),
    interval: intervalOf(state, plan),
    count: state.intervalCount,
  })
}

function intervalOf(state: SnapshotState, plan: PlanFacts): RecurringInterval {
  return state.interval ?? (plan.interval === "YEAR" ? "year" : "month")
}

export type SubscriptionFacts = {
  status: SubscriptionStatus
  planId: string
  cancelAtPeriodEnd: boolean
  endedAt: Date | null
}

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
