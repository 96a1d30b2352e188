import { randomUUID } from "node:crypto"
import { Prisma } from "@/generated/prisma/client"
import type { ChangeKind, SubscriptionStatus } from "@/generated/prisma/enums"
import type { RawSql } from "@/lib/database/raw-transaction"
import { requestSeatRelease } from "@/lib/orders/lifecycle"
import { insertWithOpeningChange, recordSubscriptionChange } from "@/lib/revenue/ledger"
import { resolveCustomerUser } from "./customers"
import type { BillingEffect } from "./effects"
import type { PolarCustomer, PolarSubscriptionSnapshot } from "./events"
import { planForProductOrThrow } from "./plans"
import { type IntendedSubscription, intendedSubscription, isNewer, mrrEffectiveAt, snapshotStart, snapshotTime, subscriptionTransitions } from "./subscription-state"

type Tx = RawSql

/** Metadata key carrying our subscription id, for a subscription created before it was linked to Polar. */
export const SUBSCRIPTION_ID_METADATA_KEY = "acv_subscription_id"

type Row = {
  id: string
  userId: string
  planId: string
  status: SubscriptionStatus
  cancelAtPeriodEnd: boolean
  canceledAt: Date | null
  endedAt: Date | null
  currentPeriodStart: Date
  currentPeriodEnd: Date
  sourceUpdatedAt: Date | null
  mrrCents: number
  /** A ledger row exists (a reactivation is not a new sale). */
  hasHistory: boolean
  /** The subscriber, whom a welcome email goes to. */
  email: string
  userName: string | null
}

/** A subscription the caller already locked in this transaction (row null: none exists yet). */
export type PrelockedSubscription = { polarSubscriptionId: string; row: LockedSubscription | null }
export type LockedSubscription = Row

export type SubscriptionApplied = {
  subscriptionId: string
  userId: string
  applied: boolean
  /** Created by this call: nothing (no order) can refer to it yet. */
  created: boolean
  /** The subscription after this snapshot (or as it was, when the snapshot was stale). */
  state: { status: SubscriptionStatus; endedAt: Date | null }
  effects: BillingEffect[]
}

/**
 * Brings our subscription up to a Polar snapshot: creates it on first sight, ignores a snapshot older
 * than the one last applied (deliveries arrive in any order), moves the MRR ledger, and asks for the
 * seat back when the subscription churns. The row stays locked until the transaction ends.
 */
export async function applySubscriptionSnapshot(
  tx: Tx,
  input: { snapshot: PolarSubscriptionSnapshot; customer: PolarCustomer; reason: string; prelocked?: PrelockedSubscription },
): Promise<SubscriptionApplied> {
  const { snapshot, prelocked } = input
  const plan = await planForProductOrThrow(tx, snapshot.product_id)
  const next = intendedSubscription(snapshot, plan)
  let row = prelocked?.polarSubscriptionId === snapshot.id ? prelocked.row : await lockByPolarId(tx, snapshot.id)
  let created = false
  let adopted = false
  // The ledger row a new subscription was written with (its first sale), if it earns.
  let opening: ChangeKind | null = null
  if (!row) {
    const user = await resolveCustomerUser(tx, input.customer)
    adopted = await adoptUnlinked(tx, snapshot, user.id)
    const sale = { planId: plan.id, effectiveAt: mrrEffectiveAt(snapshot, { nextMrrCents: next.mrrCents, firstSale: true }), reason: input.reason }
    const inserted = adopted ? null : await insertSubscription(tx, snapshot, next, user.id, sale)
    created = inserted !== null
    opening = inserted?.opening ?? null
    // Written with its whole state already; as far as the notices go, it starts from nothing.
    row = inserted
      ? { ...next, ...inserted.row, status: "INCOMPLETE", cancelAtPeriodEnd: false, canceledAt: null, endedAt: null, sourceUpdatedAt: null, mrrCents: 0, hasHistory: false, email: user.email, userName: user.name }
      : await lockByPolarId(tx, snapshot.id)
    if (!row) throw new Error(`subscription ${snapshot.id} could not be created`)
  }
  const unchanged = { subscriptionId: row.id, userId: row.userId, applied: false, created, state: { status: row.status, endedAt: row.endedAt }, effects: [] }
  if (!created && !isNewer(snapshotTime(snapshot), row.sourceUpdatedAt)) return unchanged

  // A repeat of the state already held (Polar sends one change under several event names) writes nothing.
  if (!created && !sameState(row, next)) {
    await tx.$executeRaw`
      UPDATE subscriptions SET status = ${next.status}::"SubscriptionStatus", plan_id = ${next.planId},
        current_period_start = ${next.currentPeriodStart}, current_period_end = ${next.currentPeriodEnd},
        cancel_at_period_end = ${next.cancelAtPeriodEnd}, canceled_at = ${next.canceledAt}, ended_at = ${next.endedAt},
        source_updated_at = ${next.sourceUpdatedAt}, updated_at = now()
      WHERE id = ${row.id}`
  }
  const firstSale = row.sourceUpdatedAt === null && row.mrrCents === 0 && !adopted
  const effectiveAt = mrrEffectiveAt(snapshot, { nextMrrCents: next.mrrCents, firstSale })
  const change = created
    ? opening && { kind: opening }
    : next.mrrCents === row.mrrCents
      ? null
      : await recordSubscriptionChange(
          tx,
          { subscriptionId: row.id, nextMrrCents: next.mrrCents, planId: plan.id, effectiveAt, reason: input.reason },
          // The row is locked by this transaction, so its ledger state is the latest: no second look-up.
          { mrrCents: row.mrrCents, hasHistory: row.hasHistory },
        )

  const ids = { userId: row.userId, subscriptionId: row.id }
  const effects: BillingEffect[] = []
  if (change?.kind === "NEW") effects.push({ kind: "subscription_started", ...ids, recipient: { email: row.email, name: row.userName } })
  if (change?.kind === "CHURN") {
    await requestSeatRelease(tx, { subscriptionId: row.id, at: effectiveAt })
    effects.push({ kind: "subscription_ended", ...ids, endedAt: effectiveAt })
  }
  for (const transition of subscriptionTransitions(row, next)) {
    if (transition === "cancel_scheduled") effects.push({ kind: transition, ...ids, endsAt: snapshot.ends_at ?? next.currentPeriodEnd })
    else if (transition === "plan_changed") effects.push({ kind: transition, ...ids, planId: next.planId })
    else effects.push({ kind: transition, ...ids })
  }
  return { ...unchanged, applied: true, state: { status: next.status, endedAt: next.endedAt }, effects }
}

const ROW_COLUMNS = Prisma.sql`s.id, s.user_id AS "userId", s.plan_id AS "planId", s.status::text AS status, s.cancel_at_period_end AS "cancelAtPeriodEnd",
  s.canceled_at AS "canceledAt", s.ended_at AS "endedAt", s.current_period_start AS "currentPeriodStart", s.current_period_end AS "currentPeriodEnd",
  s.source_updated_at AS "sourceUpdatedAt", s.mrr_cents AS "mrrCents",
  EXISTS (SELECT 1 FROM subscription_changes c WHERE c.subscription_id = s.id) AS "hasHistory", u.email, u.name AS "userName"`

/** The subscription (locked until the transaction ends) with its subscriber: a welcome email then needs no look-up. */
export async function lockByPolarId(tx: Tx, polarSubscriptionId: string): Promise<Row | null> {
  const rows = await tx.$queryRaw<Row[]>(lockSubscriptionSql(polarSubscriptionId))
  return rows[0] ?? null
}

/** lockByPolarId's query, for a statement that takes the lock along with something else (a delivery's claim). */
export function lockSubscriptionSql(polarSubscriptionId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT ${ROW_COLUMNS} FROM subscriptions s JOIN users u ON u.id = s.user_id
    WHERE s.polar_subscription_id = ${polarSubscriptionId}
    FOR UPDATE OF s`
}

/** Links a subscription of ours that predates Polar (named in the snapshot's metadata) to it. */
async function adoptUnlinked(tx: Tx, snapshot: PolarSubscriptionSnapshot, userId: string): Promise<boolean> {
  const ours = snapshot.metadata?.[SUBSCRIPTION_ID_METADATA_KEY]
  if (typeof ours !== "string") return false
  const count = await tx.$executeRaw`
    UPDATE subscriptions SET polar_subscription_id = ${snapshot.id}, updated_at = now()
    WHERE id = ${ours} AND user_id = ${userId} AND polar_subscription_id IS NULL`
  return count === 1
}

/**
 * Creates the subscription in its intended state, with its opening ledger row (ledger.ts), locked by
 * this transaction; null when a concurrent delivery created it first.
 */
async function insertSubscription(
  tx: Tx,
  snapshot: PolarSubscriptionSnapshot,
  next: IntendedSubscription,
  userId: string,
  sale: { planId: string; effectiveAt: Date; reason: string },
): Promise<{ row: { id: string; userId: string }; opening: ChangeKind | null } | null> {
  // The loser of a race between two deliveries about one new subscription inserts nothing, then
  // waits on the winner's row lock (lockByPolarId) and sees the state the winner applied.
  const { inserted, kind } = await insertWithOpeningChange<{ id: string; userId: string }>(
    tx,
    (mrrCents) => Prisma.sql`
      INSERT INTO subscriptions (id, user_id, plan_id, status, polar_subscription_id, started_at, current_period_start, current_period_end,
                                 cancel_at_period_end, canceled_at, ended_at, source_updated_at, mrr_cents, updated_at)
      VALUES (${randomUUID()}, ${userId}, ${next.planId}, ${next.status}::"SubscriptionStatus", ${snapshot.id}, ${snapshotStart(snapshot)},
              ${next.currentPeriodStart}, ${next.currentPeriodEnd}, ${next.cancelAtPeriodEnd}, ${next.canceledAt}, ${next.endedAt}, ${next.sourceUpdatedAt}, ${mrrCents}, now())
      ON CONFLICT (polar_subscription_id) DO NOTHING
      RETURNING id, user_id AS "userId"`,
    { ...sale, nextMrrCents: next.mrrCents },
  )
  return inserted && { row: inserted, opening: kind }
}

function sameState(row: Row, next: IntendedSubscription): boolean {
  const time = (date: Date | null) => date?.getTime() ?? null
  return (
    row.status === next.status &&
    row.planId === next.planId &&
    row.cancelAtPeriodEnd === next.cancelAtPeriodEnd &&
    time(row.canceledAt) === time(next.canceledAt) &&
    time(row.endedAt) === time(next.endedAt) &&
    time(row.currentPeriodStart) === time(next.currentPeriodStart) &&
    time(row.currentPeriodEnd) === time(next.currentPeriodEnd) &&
    time(row.sourceUpdatedAt) === time(next.sourceUpdatedAt)
  )
}
