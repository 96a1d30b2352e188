import { randomUUID } from "node:crypto"
import { Prisma } from "@/generated/prisma/client"
import type { SubscriptionChange } from "@/generated/prisma/client"
import type { RawSql } from "@/lib/database/raw-transaction"
import type { ChangeKind } from "@/generated/prisma/enums"
import { cacheManyMrrCents, cacheMrrCents } from "@/lib/billing/cached-mrr"
import { type LedgerState, ledgerEntry, mrrAt } from "./mrr"

// The only writer of subscription_changes, and the only caller of billing's cache of its sum
// (Subscription.mrrCents, lib/billing/cached-mrr.ts). Callers (billing's sync and repair, the seed)
// pass their transaction client so the ledger rows, the cached mrrCents and whatever else they
// change commit together.

export type SubscriptionChangeInput = {
  subscriptionId: string
  nextMrrCents: number
  planId: string | null
  effectiveAt: Date
  reason?: string
}

/**
 * Moves one subscription's MRR to `nextMrrCents`: classifies the move, writes one ledger row and
 * updates Subscription.mrrCents. Null when MRR does not change (nothing is written).
 */
export async function recordSubscriptionChange(
  tx: RawSql,
  input: SubscriptionChangeInput,
  /** The subscription's state when the caller already holds its row lock (saves the look-up). */
  locked?: LedgerState,
): Promise<SubscriptionChange | null> {
  const state = locked ?? (await lockLedgerStates(tx, [input.subscriptionId])).get(input.subscriptionId)
  if (!state) throw new Error(`subscription ${input.subscriptionId} not found`)
  const entry = ledgerEntry(state, input.nextMrrCents)
  if (!entry) return null
  const [row] = await tx.$queryRaw<SubscriptionChange[]>`
    INSERT INTO subscription_changes (id, subscription_id, kind, mrr_delta_cents, mrr_after_cents, plan_id, effective_at, reason, created_at)
    VALUES (${randomUUID()}, ${input.subscriptionId}, ${entry.kind}::"ChangeKind", ${entry.mrrDeltaCents}, ${entry.mrrAfterCents}, ${input.planId}, ${input.effectiveAt}, ${input.reason ?? null}, now())
    RETURNING id, subscription_id AS "subscriptionId", kind::text AS kind, mrr_delta_cents AS "mrrDeltaCents", mrr_after_cents AS "mrrAfterCents",
              plan_id AS "planId", effective_at AS "effectiveAt", reason, created_at AS "createdAt"`
  await cacheMrrCents(tx, input.subscriptionId, entry.mrrAfterCents)
  return row!
}

/**
 * The same as calling `recordSubscriptionChange` for each change in order, in a fixed number of
 * statements per call (imports, backfills, the seed). Changes of one subscription must be given in
 * the order they happened. Returns how many ledger rows were written.
 */
export async function recordSubscriptionChanges(
  tx: Prisma.TransactionClient,
  changes: readonly SubscriptionChangeInput[],
): Promise<number> {
  if (changes.length === 0) return 0
  const ids = [...new Set(changes.map((change) => change.subscriptionId))]
  const states = await lockLedgerStates(tx, ids)
  const rows: Prisma.SubscriptionChangeCreateManyInput[] = []
  for (const change of changes) {
    const state = states.get(change.subscriptionId)
    if (!state) throw new Error(`subscription ${change.subscriptionId} not found`)
    const entry = ledgerEntry(state, change.nextMrrCents)
    if (!entry) continue
    states.set(change.subscriptionId, { mrrCents: entry.mrrAfterCents, hasHistory: true })
    rows.push({
      subscriptionId: change.subscriptionId,
      ...entry,
      planId: change.planId,
      effectiveAt: change.effectiveAt,
      reason: change.reason ?? null,
    })
  }
  if (rows.length === 0) return 0
  await tx.subscriptionChange.createMany({ data: rows })
  const moved = [...new Set(rows.map((row) => row.subscriptionId))]
  await cacheManyMrrCents(
    tx,
    moved.map((id) => ({ subscriptionId: id, mrrCents: states.get(id)!.mrrCents })),
  )
  return rows.length
}

/**
 * Current MRR and whether any ledger row exists, per subscription, with the rows locked so two
 * concurrent webhooks for one subscription classify against the same, latest state.
 */
async function lockLedgerStates(tx: RawSql, ids: readonly string[]): Promise<Map<string, LedgerState>> {
  const rows = await tx.$queryRaw<{ id: string; mrrCents: number; hasHistory: boolean }[]>`
    SELECT s.id, s.mrr_cents AS "mrrCents",
           EXISTS (SELECT 1 FROM subscription_changes c WHERE c.subscription_id = s.id) AS "hasHistory"
    FROM subscriptions s
    WHERE s.id = ANY(${ids}::text[])
    ORDER BY s.id
    FOR UPDATE OF s`
  return new Map(rows.map((row) => [row.id, { mrrCents: row.mrrCents, hasHistory: row.hasHistory }]))
}

/** A ledger row computed from a subscription's Polar snapshots (lib/billing/lifecycle/timeline.ts). */
export type DerivedLedgerRow = {
  kind: ChangeKind
  mrrDeltaCents: number
  mrrAfterCents: number
  planId: string | null
  effectiveAt: Date
  reason: string | null
  currency: string
}

export type StoredLedgerRow = DerivedLedgerRow & { id: string; derived: boolean }

/**
 * Makes a subscription's derived ledger rows exactly `desired` (rows written without snapshots stay
 * as they are): removes the rows no longer true and adds the missing ones, so a late event that
 * lands before existing rows re-decides the moves after it. Caches the MRR in effect at `now`.
 * Returns how many rows were removed and added.
 */
export async function replaceDerivedChanges(
  tx: RawSql,
  input: {
    subscriptionId: string
    desired: readonly DerivedLedgerRow[]
    stored: readonly StoredLedgerRow[]
    now: Date
    cachedMrrCents: number
  },
): Promise<{ removed: number; added: DerivedLedgerRow[] }> {
  const unmatched = new Map<string, StoredLedgerRow[]>()
  for (const row of input.stored.filter((row) => row.derived))
    unmatched.set(rowKey(row), [...(unmatched.get(rowKey(row)) ?? []), row])
  const added = input.desired.filter((row) => {
    const same = unmatched.get(rowKey(row))
    return !same?.shift()
  })
  const removed = [...unmatched.values()].flat().map((row) => row.id)
  if (removed.length > 0) await tx.$executeRaw`DELETE FROM subscription_changes WHERE id = ANY(${removed}::text[])`
  if (added.length > 0) {
    const values = added.map(
      (row) =>
        Prisma.sql`(${randomUUID()}, ${input.subscriptionId}, ${row.kind}::"ChangeKind", ${row.mrrDeltaCents}::int, ${row.mrrAfterCents}::int, ${row.planId}, ${row.effectiveAt}::timestamptz, ${row.reason}, ${row.currency}, true, now())`,
    )
    await tx.$executeRaw`
      INSERT INTO subscription_changes (id, subscription_id, kind, mrr_delta_cents, mrr_after_cents, plan_id, effective_at, reason, currency, derived, created_at)
      VALUES ${Prisma.join(values)}`
  }
  const kept = [...input.stored.filter((row) => !row.derived), ...input.desired]
  const mrrNow = mrrAt(kept, input.now)
  if (mrrNow !== input.cachedMrrCents) await cacheMrrCents(tx, input.subscriptionId, mrrNow)
  return { removed: removed.length, added }
}

/**
 * Marks a subscription's rows written by earlier webhooks (reason "polar …", computed from the
 * same events its snapshots hold) as derived, so replaceDerivedChanges may replace them. For the
 * one-off repair (lib/billing/lifecycle/repair.ts), inside its transaction.
 */
export async function markWebhookChangesDerived(tx: RawSql, subscriptionId: string): Promise<void> {
  await tx.$executeRaw`UPDATE subscription_changes SET derived = true WHERE subscription_id = ${subscriptionId} AND NOT derived AND reason LIKE 'polar %'`
}

function rowKey(row: DerivedLedgerRow): string {
  return [
    row.kind,
    row.mrrDeltaCents,
    row.mrrAfterCents,
    row.planId,
    row.effectiveAt.getTime(),
    row.reason,
    row.currency,
  ].join("|")
}
