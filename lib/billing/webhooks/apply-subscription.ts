import { randomUUID } from "node:crypto"
import { Prisma } from "@/generated/prisma/client"
import type { RawSql } from "@/lib/database/raw-transaction"
import { storeSnapshot } from "../lifecycle/snapshots"
import { type LockedSubscription, syncSubscription } from "../lifecycle/sync"
import { resolveCustomerUser } from "./customers"
import type { BillingEffect } from "./effects"
import type { PolarCustomer, PolarSubscriptionSnapshot } from "./events"
import { planForProductOrThrow } from "./plans"

type Tx = RawSql

/** Metadata key carrying our subscription id, for a subscription created before it was linked to Polar. */
export const SUBSCRIPTION_ID_METADATA_KEY = "acv_subscription_id"

/** A subscription the caller already locked in this transaction (row null: none exists yet). */
export type PrelockedSubscription = { polarSubscriptionId: string; row: LockedSubscription | null }
export type { LockedSubscription }

/** `changed`: the snapshot told us something new (with `deferSync`, the caller syncs). */
export type SubscriptionApplied = {
  subscriptionId: string
  row: LockedSubscription
  changed: boolean
  effects: BillingEffect[]
}

/**
 * Stores a Polar subscription snapshot and, when it told us something new, brings the subscription
 * (row, ledger, seat orders) up to everything stored about it (lifecycle/sync.ts). Creates the
 * subscription on first sight. The row stays locked until the transaction ends.
 */
export async function applySubscriptionSnapshot(
  tx: Tx,
  input: {
    snapshot: PolarSubscriptionSnapshot
    customer: PolarCustomer
    prelocked?: PrelockedSubscription
    deferSync?: boolean
  },
): Promise<SubscriptionApplied> {
  const { snapshot, prelocked } = input
  // An unknown product fails the delivery before anything is written: it is replayed once linked.
  const plan = await planForProductOrThrow(tx, snapshot.product_id)
  let row = prelocked?.polarSubscriptionId === snapshot.id ? prelocked.row : await lockByPolarId(tx, snapshot.id)
  if (!row) {
    // First sight: its customer's user (found, linked or created) owns it.
    const user = await resolveCustomerUser(tx, input.customer)
    if (!(await adoptUnlinked(tx, snapshot, user.id)))
      await insertSubscription(tx, snapshot, { planId: plan.id, seats: snapshot.seats ?? plan.seats, userId: user.id })
    row = await lockByPolarId(tx, snapshot.id)
    if (!row) throw new Error(`subscription ${snapshot.id} could not be created`)
  }
  const changed = await storeSnapshot(tx, row.id, snapshot)
  const effects = changed && !input.deferSync ? (await syncSubscription(tx, row)).effects : []
  return { subscriptionId: row.id, row, changed, effects }
}

const ROW_COLUMNS = Prisma.sql`s.id, s.user_id AS "userId", s.plan_id AS "planId", s.status::text AS status, s.started_at AS "startedAt", s.cancel_at_period_end AS "cancelAtPeriodEnd",
  s.canceled_at AS "canceledAt", s.ended_at AS "endedAt", s.current_period_start AS "currentPeriodStart", s.current_period_end AS "currentPeriodEnd",
  s.source_updated_at AS "sourceUpdatedAt", s.seats, s.currency, s.mrr_cents AS "mrrCents", u.email, u.name AS "userName"`

/** The subscription (locked until the transaction ends) with its subscriber: a welcome email then needs no look-up. */
export async function lockByPolarId(tx: Tx, polarSubscriptionId: string): Promise<LockedSubscription | null> {
  const rows = await tx.$queryRaw<LockedSubscription[]>(lockSubscriptionSql(polarSubscriptionId))
  return rows[0] ?? null
}

/** The same, by our own id. */
export async function lockById(tx: Tx, subscriptionId: string): Promise<LockedSubscription | null> {
  const rows = await tx.$queryRaw<
    LockedSubscription[]
  >`SELECT ${ROW_COLUMNS} FROM subscriptions s JOIN users u ON u.id = s.user_id WHERE s.id = ${subscriptionId} FOR UPDATE OF s`
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
 * Creates the subscription as first seen, earning nothing yet (the sync that follows writes its state
 * and ledger). The loser of a race between two deliveries about one new subscription inserts nothing
 * and waits on the winner's row lock.
 */
async function insertSubscription(
  tx: Tx,
  snapshot: PolarSubscriptionSnapshot,
  input: { planId: string; seats: number; userId: string },
): Promise<void> {
  const started = snapshot.started_at ?? snapshot.created_at
  await tx.$executeRaw`
    INSERT INTO subscriptions (id, user_id, plan_id, status, polar_subscription_id, started_at, current_period_start, current_period_end,
                               cancel_at_period_end, canceled_at, ended_at, mrr_cents, seats, currency, updated_at)
    VALUES (${randomUUID()}, ${input.userId}, ${input.planId}, 'INCOMPLETE', ${snapshot.id}, ${started},
            ${snapshot.current_period_start}, ${snapshot.current_period_end}, false, NULL, NULL, 0, ${input.seats}, ${snapshot.currency?.toLowerCase() ?? "usd"}, now())
    ON CONFLICT (polar_subscription_id) DO NOTHING`
}
