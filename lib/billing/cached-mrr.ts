import { Prisma } from "@/generated/prisma/client"
import type { RawSql } from "@/lib/database/raw-transaction"

// subscriptions.mrr_cents caches the sum of the subscription's ledger (lib/revenue/ledger.ts, the
// only caller, in the transaction that writes the ledger rows). This file imports nothing from
// lib/revenue, so the ledger may call it although billing calls the ledger.

/** Caches one subscription's MRR. */
export async function cacheMrrCents(tx: RawSql, subscriptionId: string, mrrCents: number): Promise<void> {
  await tx.$executeRaw`UPDATE subscriptions SET mrr_cents = ${mrrCents}, updated_at = now() WHERE id = ${subscriptionId}`
}

// Two parameters per row; well under PostgreSQL's 65,535 bind parameters per statement.
const UPDATE_CHUNK = 5_000

/** Caches many subscriptions' MRR, a few thousand per statement (imports, backfills, the seed). */
export async function cacheManyMrrCents(
  tx: RawSql,
  rows: readonly { subscriptionId: string; mrrCents: number }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += UPDATE_CHUNK) {
    const values = rows
      .slice(i, i + UPDATE_CHUNK)
      .map((row) => Prisma.sql`(${row.subscriptionId}, ${row.mrrCents}::int)`)
    await tx.$executeRaw`
      UPDATE subscriptions AS s SET mrr_cents = v.mrr, updated_at = now()
      FROM (VALUES ${Prisma.join(values)}) AS v(id, mrr)
      WHERE s.id = v.id`
  }
}
