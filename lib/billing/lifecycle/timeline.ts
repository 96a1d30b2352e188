import type { ChangeKind, SubscriptionStatus } from "@/generated/prisma/enums"
import { type LedgerState, ledgerEntry } from "@/lib/revenue/mrr"
import type { RecurringDiscount } from "@/lib/revenue/recurring"
import { compareSnapshots, type StoredSnapshot } from "./snapshot"
import {
  type AppliedDiscount,
  currencyOf,
  discountStopsFor,
  isEarning,
  ourStatus,
  type PlanFacts,
  seatsOf,
  stateMrrCents,
} from "./state"

// Pure: a subscription's whole story from the set of its stored snapshots. The set is the same
// whatever order the deliveries came in, so everything computed here is too. No I/O.

/** One derived ledger row: an MRR move, dated when it happened at Polar. */
export type DerivedChange = {
  kind: ChangeKind
  mrrDeltaCents: number
  mrrAfterCents: number
  planId: string
  effectiveAt: Date
  reason: string
  currency: string
}

/** The subscription row as the newest snapshot states it. */
export type CurrentState = {
  status: SubscriptionStatus
  planId: string
  /** Polar's started_at (created_at until it has one). */
  startedAt: Date
  currentPeriodStart: Date
  currentPeriodEnd: Date
  cancelAtPeriodEnd: boolean
  canceledAt: Date | null
  endedAt: Date | null
  endsAt: Date | null
  sourceUpdatedAt: Date
  seats: number
  currency: string
}

export type Timeline = {
  current: CurrentState
  /** Ledger rows after the `start` state (rows written before snapshots were kept). */
  changes: DerivedChange[]
  /** Seats held from each instant on (in Polar's order; before the first, the first's). */
  seats: { at: Date; seats: number }[]
}

const REASONS: Record<ChangeKind, string> = {
  NEW: "polar: subscription started",
  REACTIVATION: "polar: subscription reactivated",
  EXPANSION: "polar: recurring amount went up",
  CONTRACTION: "polar: recurring amount went down",
  CHURN: "polar: subscription ended",
}

const date = (iso: string | null) => (iso === null ? null : new Date(iso))

/**
 * Folds the snapshots in Polar's order (compareSnapshots) from `start`. Each MRR move is dated when it
 * took effect: a first sale when the subscription started (if it paid the same from its start), an
 * end at its ended_at, a repeating discount's end at the first billing period past it, anything
 * else at the snapshot's own instant.
 */
export function subscriptionTimeline(input: {
  snapshots: readonly StoredSnapshot[]
  plans: ReadonlyMap<string, PlanFacts>
  start: LedgerState
}): Timeline {
  const sorted = [...input.snapshots].sort(compareSnapshots)
  if (sorted.length === 0) throw new Error("a subscription's timeline needs at least one snapshot")
  const planOf = (snapshot: StoredSnapshot) => {
    const plan = input.plans.get(snapshot.state.productId)
    if (!plan)
      throw new Error(
        `no plan is linked to Polar product ${snapshot.state.productId}: set the plan's Polar product id, then replay`,
      )
    return plan
  }
  const discounts = discountsOf(sorted)

  const appliedOf = (snapshot: StoredSnapshot): AppliedDiscount | null => {
    const known = snapshot.state.discountId ? discounts.get(snapshot.state.discountId) : undefined
    return known?.discount ? { discount: known.discount, appliedAt: known.appliedAt } : null
  }

  // Every instant MRR may move at: each snapshot, and the end of a repeating discount it carries
  // (unless the subscription ends first, or by then: that end is its move).
  const points: { at: Date; index: number; discountEnd: boolean }[] = []
  sorted.forEach((snapshot, index) => {
    points.push({ at: snapshot.takenAt, index, discountEnd: false })
    const applied = appliedOf(snapshot)
    const stops = applied ? discountStopsFor(snapshot.state, planOf(snapshot), applied) : null
    const next = sorted[index + 1]?.takenAt
    const ends = date(snapshot.state.endedAt) ?? date(snapshot.state.endsAt)
    if (stops && stops > snapshot.takenAt && (!next || stops < next) && !(ends && ends <= stops))
      points.push({ at: stops, index, discountEnd: true })
  })
  points.sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index)

  let state = input.start
  // Earning nothing while live (a free plan, a 100% discount) before the first sale: it is not
  // dated back to the start, but to when the subscription began to pay.
  let earnedNothingWhileLive = false
  const changes: DerivedChange[] = []
  for (const point of points) {
    const snapshot = sorted[point.index]!
    const plan = planOf(snapshot)
    const applied = appliedOf(snapshot)
    const mrr = stateMrrCents(snapshot.state, plan, applied, point.at)
    if (mrr === 0 && isEarning(snapshot.state)) earnedNothingWhileLive = true
    const entry = ledgerEntry(state, mrr)
    if (!entry) continue
    const started = new Date(snapshot.state.startedAt ?? snapshot.state.createdAt)
    const paidFromStart =
      !point.discountEnd &&
      !earnedNothingWhileLive &&
      started <= point.at &&
      stateMrrCents(snapshot.state, plan, applied, started) === mrr
    const effectiveAt =
      entry.kind === "NEW" && paidFromStart
        ? started
        : entry.kind === "CHURN"
          ? (date(snapshot.state.endedAt) ?? point.at)
          : point.at
    const reason = point.discountEnd ? "polar: discount ended" : REASONS[entry.kind]
    changes.push({ ...entry, planId: plan.id, effectiveAt, reason, currency: currencyOf(snapshot.state, plan) })
    state = { mrrCents: entry.mrrAfterCents, hasHistory: true }
  }

  const newest = sorted.at(-1)!
  const plan = planOf(newest)
  const current: CurrentState = {
    status: ourStatus(newest.state.status),
    planId: plan.id,
    startedAt: new Date(newest.state.startedAt ?? newest.state.createdAt),
    currentPeriodStart: new Date(newest.state.currentPeriodStart),
    currentPeriodEnd: new Date(newest.state.currentPeriodEnd),
    cancelAtPeriodEnd: newest.state.cancelAtPeriodEnd,
    canceledAt: date(newest.state.canceledAt),
    endedAt: date(newest.state.endedAt),
    endsAt: date(newest.state.endsAt),
    sourceUpdatedAt: newest.takenAt,
    seats: isEarning(newest.state) ? seatsOf(newest.state, plan) : 0,
    currency: currencyOf(newest.state, plan),
  }
  const seats = sorted.map((snapshot) => ({ at: snapshot.takenAt, seats: seatsOf(snapshot.state, planOf(snapshot)) }))
  return { current, changes, seats }
}

/**
 * Each discount a snapshot names, with when it was first applied (its earliest snapshot) and its
 * terms from the earliest snapshot that carries them (an order's copy of the subscription has the id only).
 */
function discountsOf(
  sorted: readonly StoredSnapshot[],
): Map<string, { discount: RecurringDiscount | null; appliedAt: Date }> {
  const result = new Map<string, { discount: RecurringDiscount | null; appliedAt: Date }>()
  for (const snapshot of sorted) {
    const id = snapshot.state.discountId
    if (!id) continue
    const known = result.get(id) ?? { discount: null, appliedAt: snapshot.takenAt }
    if (!known.discount && snapshot.discount?.id === id) known.discount = snapshot.discount
    result.set(id, known)
  }
  return result
}
