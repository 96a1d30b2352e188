import type { ChangeKind, OrderStatus, SubscriptionStatus } from "@/generated/prisma/enums"
import type { RawSql } from "@/lib/database/raw-transaction"
import { reconcileSeatOrders, type StoredOrder } from "@/lib/orders/seat-orders"
import { planSeatOrders } from "@/lib/orders/seat-plan"
import { replaceDerivedChanges, type StoredLedgerRow } from "@/lib/revenue/ledger"
import { plansForProducts } from "../webhooks/plans"
import type { BillingEffect, Recipient } from "../webhooks/effects"
import { parseStoredSnapshots, type SnapshotRow } from "./snapshots"
import { subscriptionStatusTransitions } from "./transitions"
import { type CurrentState, subscriptionTimeline } from "./timeline"

// The one place a subscription is brought up to date after something new about it was stored (a
// snapshot or a receipt): its row, its ledger and its seat orders are recomputed from everything
// stored about it, so the result is the same whatever order the deliveries arrived in.

/** The subscription as locked by the caller, with its subscriber (whom a welcome email goes to). */
export type LockedSubscription = {
  id: string
  userId: string
  planId: string
  status: SubscriptionStatus
  startedAt: Date
  cancelAtPeriodEnd: boolean
  canceledAt: Date | null
  endedAt: Date | null
  currentPeriodStart: Date
  currentPeriodEnd: Date
  sourceUpdatedAt: Date | null
  seats: number
  currency: string
  mrrCents: number
  email: string
  userName: string | null
}

type Loaded = {
  snapshots: SnapshotRow[]
  changes: (Omit<StoredLedgerRow, "effectiveAt"> & { effectiveAt: string })[]
  payments: {
    id: string
    amountCents: number
    paidAt: string
    createdAt: string
    refundedAt: string | null
    refunded: boolean
  }[]
  orders: (Omit<StoredOrder, "paidAt" | "fulfilledAt" | "releaseDueAt" | "releasedAt" | "refundedAt" | "createdAt"> &
    Record<"paidAt" | "createdAt", string> &
    Record<"fulfilledAt" | "releaseDueAt" | "releasedAt" | "refundedAt", string | null>)[]
}

/** What a sync did: the notices owed, and what it rewrote (the repair reports it). */
export type SyncResult = {
  effects: BillingEffect[]
  ledger: { removed: number; added: number }
  duplicateOrders: string[]
}

/** Recomputes a subscription with at least one stored snapshot. */
export async function syncSubscription(
  tx: RawSql,
  subscription: LockedSubscription,
  now = new Date(),
): Promise<SyncResult> {
  const loaded = await loadLifecycle(tx, subscription.id)
  const snapshots = parseStoredSnapshots(loaded.snapshots)
  if (snapshots.length === 0) return { effects: [], ledger: { removed: 0, added: 0 }, duplicateOrders: [] }
  const plans = await plansForProducts(
    tx,
    snapshots.map((snapshot) => snapshot.state.productId),
  )
  const stored: StoredLedgerRow[] = loaded.changes.map((row) => ({ ...row, effectiveAt: new Date(row.effectiveAt) }))
  const legacy = stored.filter((row) => !row.derived)
  const start = { mrrCents: legacy.reduce((sum, row) => sum + row.mrrDeltaCents, 0), hasHistory: legacy.length > 0 }
  const timeline = subscriptionTimeline({ snapshots, plans, start })

  await updateRow(tx, subscription, timeline.current)
  const ledger = await replaceDerivedChanges(tx, {
    subscriptionId: subscription.id,
    desired: timeline.changes,
    stored,
    now,
    cachedMrrCents: subscription.mrrCents,
  })

  const moves = [...legacy, ...timeline.changes]
  const instants = (kinds: ChangeKind[]) =>
    moves.filter((row) => kinds.includes(row.kind)).map((row) => row.effectiveAt)
  const planned = planSeatOrders({
    payments: loaded.payments.map((payment) => ({
      id: payment.id,
      paidAt: new Date(payment.paidAt),
      createdAt: new Date(payment.createdAt),
      fullyRefundedAt: payment.refunded ? new Date(payment.refundedAt ?? payment.paidAt) : null,
    })),
    churns: instants(["CHURN"]),
    starts: instants(["NEW", "REACTIVATION"]),
    seats: timeline.seats,
  })
  const amounts = new Map(loaded.payments.map((payment) => [payment.id, payment.amountCents]))
  const { opened, closedAsDuplicate } = await reconcileSeatOrders(tx, {
    subscriptionId: subscription.id,
    userId: subscription.userId,
    planned,
    stored: loaded.orders.map(parseOrder),
    amountOf: (paymentId) => amounts.get(paymentId) ?? 0,
  })

  const ids = { userId: subscription.userId, subscriptionId: subscription.id }
  const recipient: Recipient = { email: subscription.email, name: subscription.userName }
  const effects: BillingEffect[] = []
  const had = (kind: ChangeKind) => stored.filter((row) => row.kind === kind).length
  const has = (kind: ChangeKind) => moves.filter((row) => row.kind === kind).length
  if (had("NEW") === 0 && ledger.added.some((row) => row.kind === "NEW"))
    effects.push({ kind: "subscription_started", ...ids, recipient })
  if (has("CHURN") > had("CHURN"))
    effects.push({ kind: "subscription_ended", ...ids, endedAt: instants(["CHURN"]).at(-1)! })
  effects.push(...subscriptionStatusTransitions(ids, subscription, timeline.current))
  const plan = [...plans.values()].find((candidate) => candidate.id === timeline.current.planId)!
  for (const order of opened) {
    effects.push({
      kind: "order_opened",
      ...ids,
      orderId: order.id,
      recipient,
      plan: { name: plan.name, currency: plan.currency },
      amountCents: amounts.get(order.paymentId) ?? 0,
      dueAt: order.dueAt,
    })
  }
  return {
    effects,
    ledger: { removed: ledger.removed, added: ledger.added.length },
    duplicateOrders: closedAsDuplicate,
  }
}

async function updateRow(tx: RawSql, row: LockedSubscription, next: CurrentState): Promise<void> {
  const time = (date: Date | null) => date?.getTime() ?? null
  const same =
    row.status === next.status &&
    row.planId === next.planId &&
    time(row.startedAt) === time(next.startedAt) &&
    row.cancelAtPeriodEnd === next.cancelAtPeriodEnd &&
    time(row.canceledAt) === time(next.canceledAt) &&
    time(row.endedAt) === time(next.endedAt) &&
    time(row.currentPeriodStart) === time(next.currentPeriodStart) &&
    time(row.currentPeriodEnd) === time(next.currentPeriodEnd) &&
    time(row.sourceUpdatedAt) === time(next.sourceUpdatedAt) &&
    row.seats === next.seats &&
    row.currency === next.currency
  if (same) return
  await tx.$executeRaw`
    UPDATE subscriptions SET status = ${next.status}::"SubscriptionStatus", plan_id = ${next.planId}, started_at = ${next.startedAt},
      current_period_start = ${next.currentPeriodStart}, current_period_end = ${next.currentPeriodEnd},
      cancel_at_period_end = ${next.cancelAtPeriodEnd}, canceled_at = ${next.canceledAt}, ended_at = ${next.endedAt},
      source_updated_at = ${next.sourceUpdatedAt}, seats = ${next.seats}, currency = ${next.currency}, updated_at = now()
    WHERE id = ${row.id}`
}

/** Everything stored about one subscription, in one round trip. */
async function loadLifecycle(tx: RawSql, subscriptionId: string): Promise<Loaded> {
  const [row] = await tx.$queryRaw<Loaded[]>`
    SELECT
      (SELECT COALESCE(json_agg(json_build_object('takenAt', taken_at, 'fingerprint', fingerprint, 'state', state)), '[]'::json)
         FROM subscription_snapshots WHERE subscription_id = ${subscriptionId}) AS snapshots,
      (SELECT COALESCE(json_agg(json_build_object('id', id, 'kind', kind, 'mrrDeltaCents', mrr_delta_cents, 'mrrAfterCents', mrr_after_cents, 'planId', plan_id,
                                                  'effectiveAt', effective_at, 'reason', reason, 'currency', currency, 'derived', derived)), '[]'::json)
         FROM subscription_changes WHERE subscription_id = ${subscriptionId}) AS changes,
      (SELECT COALESCE(json_agg(json_build_object('id', id, 'amountCents', amount_cents, 'paidAt', paid_at, 'createdAt', COALESCE(polar_created_at, paid_at),
                                                  'refundedAt', refunded_at, 'refunded', status = 'REFUNDED')), '[]'::json)
         FROM payments WHERE subscription_id = ${subscriptionId}) AS payments,
      (SELECT COALESCE(json_agg(json_build_object('id', id, 'status', status, 'stint', stint, 'seats', seats, 'paymentId', payment_id, 'amountCents', amount_cents, 'paidAt', paid_at,
                                                  'assigneeId', assignee_id, 'fulfilledAt', fulfilled_at, 'releaseDueAt', release_due_at, 'releasedAt', released_at,
                                                  'refundedAt', refunded_at, 'createdAt', created_at)), '[]'::json)
         FROM orders WHERE subscription_id = ${subscriptionId}) AS orders`
  return row!
}

function parseOrder(row: Loaded["orders"][number]): StoredOrder {
  const date = (value: string | null) => (value === null ? null : new Date(value))
  return {
    ...row,
    status: row.status as OrderStatus,
    paidAt: new Date(row.paidAt),
    createdAt: new Date(row.createdAt),
    fulfilledAt: date(row.fulfilledAt),
    releaseDueAt: date(row.releaseDueAt),
    releasedAt: date(row.releasedAt),
    refundedAt: date(row.refundedAt),
  }
}
