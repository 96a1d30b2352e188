import { randomUUID } from "node:crypto"
import type { RawSql } from "@/lib/database/raw-transaction"
import type { RecurringDiscount } from "@/lib/revenue/recurring"
import type { PolarSubscriptionSnapshot } from "../webhooks/events"
import {
  fingerprintOf,
  type SnapshotState,
  snapshotDiscount,
  snapshotState,
  type StoredSnapshot,
  takenAt,
} from "./snapshot"

// The stored snapshots of a subscription (owned by billing). A state is stored once per
// subscription; a copy that carries the discount's terms completes one that had its id only.

export type StoredState = SnapshotState & { discount: RecurringDiscount | null }

/** Stores a snapshot; false when it told us nothing new (the same state, already complete). */
export async function storeSnapshot(
  tx: RawSql,
  subscriptionId: string,
  snapshot: PolarSubscriptionSnapshot,
): Promise<boolean> {
  const state = snapshotState(snapshot)
  const stored: StoredState = { ...state, discount: snapshotDiscount(snapshot.discount) }
  const changed = await tx.$executeRaw`
    INSERT INTO subscription_snapshots (id, subscription_id, taken_at, fingerprint, state, received_at)
    VALUES (${randomUUID()}, ${subscriptionId}, ${takenAt(state)}, ${fingerprintOf(state)}, ${JSON.stringify(stored)}::jsonb, now())
    ON CONFLICT (subscription_id, fingerprint) DO UPDATE SET state = EXCLUDED.state
    WHERE subscription_snapshots.state->'discount' = 'null'::jsonb AND EXCLUDED.state->'discount' <> 'null'::jsonb`
  return changed > 0
}

/** Parses rows read back as JSON (a lifecycle load aggregates them). */
export type SnapshotRow = { takenAt: string; fingerprint: string; state: StoredState }

export function parseStoredSnapshots(rows: readonly SnapshotRow[]): StoredSnapshot[] {
  return rows.map(({ takenAt: at, fingerprint, state: { discount, ...state } }) => ({
    takenAt: new Date(at),
    fingerprint,
    state,
    discount,
  }))
}
