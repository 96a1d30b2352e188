import type { Prisma, PrismaClient } from "@/generated/prisma/client"
import type { LedgerRow } from "./movements"
import { db } from "@/lib/db"

type Client = PrismaClient | Prisma.TransactionClient

/** MRR in cents at `at`: the ledger summed up to and including that instant (never re-derived from subscriptions). */
export async function currentMrrCents(client: Client, at: Date = new Date()): Promise<number> {
  // float8 holds every whole number of cents up to 2^53 exactly and arrives as a JS number, not a bigint.
  const [row] = await client.$queryRaw<{ mrr: number }[]>`
    SELECT COALESCE(SUM(mrr_delta_cents), 0)::float8 AS mrr
    FROM subscription_changes
    WHERE effective_at <= ${at}`
  return row?.mrr ?? 0
}

/** The ledger of these subscriptions (one customer's, for staff), latest move first. */
export async function ledgerOfSubscriptions(subscriptionIds: readonly string[], take: number) {
  if (subscriptionIds.length === 0) return []
  return db.subscriptionChange.findMany({
    where: { subscriptionId: { in: [...subscriptionIds] } },
    orderBy: [{ effectiveAt: "desc" }, { createdAt: "desc" }],
    take,
    select: {
      id: true,
      subscriptionId: true,
      kind: true,
      mrrDeltaCents: true,
      mrrAfterCents: true,
      effectiveAt: true,
      reason: true,
      planId: true,
    },
  })
}

/**
 * Every ledger row effective before `until`, with the customer (the subscription's user) it
 * belongs to: what customer-level movements are computed from. Ordered for a stable answer; the
 * movements sort by effective instant themselves.
 */
export async function ledgerRowsBefore(client: Client, until: Date): Promise<LedgerRow[]> {
  const rows = await client.$queryRaw<{ customer_id: string; effective_at: Date; mrr_delta_cents: number }[]>`
    SELECT s.user_id AS customer_id, c.effective_at, c.mrr_delta_cents
    FROM subscription_changes c
    JOIN subscriptions s ON s.id = c.subscription_id
    WHERE c.effective_at < ${until}
    ORDER BY c.effective_at, c.id`
  return rows.map((row) => ({
    customerId: row.customer_id,
    effectiveAt: row.effective_at,
    mrrDeltaCents: row.mrr_delta_cents,
  }))
}
