import type { Prisma, PrismaClient } from "@/generated/prisma/client"
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
