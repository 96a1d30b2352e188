import "server-only"
import type { Prisma } from "@/generated/prisma/client"
import { track } from "@/lib/analytics/ingest/track"
import { LIVE_SUBSCRIPTION_STATUSES } from "@/lib/billing/queries"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { npsEligibility, NPS_REFUSALS, type NpsEligibility } from "./eligibility"
import type { NpsAnswer } from "./schemas"

type Reader = Pick<Prisma.TransactionClient, "subscription" | "npsResponse">

/** Reads what the eligibility rule needs: the first subscription's start, a live one, the last NPS row. */
async function eligibilityOf(client: Reader, userId: string, now: Date): Promise<NpsEligibility> {
  // One at a time: inside a transaction the embedded database has one connection anyway.
  const first = await client.subscription.aggregate({ where: { userId }, _min: { startedAt: true } })
  const live = await client.subscription.count({ where: { userId, status: { in: [...LIVE_SUBSCRIPTION_STATUSES] } } })
  const last = await client.npsResponse.findFirst({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  })
  return npsEligibility({
    firstSubscriptionStartedAt: first._min.startedAt,
    hasLiveSubscription: live > 0,
    lastResponseAt: last?.createdAt ?? null,
    now,
  })
}

/** Whether the portal shows this user the NPS survey now. */
export async function npsSurveyState(userId: string, now = new Date()): Promise<NpsEligibility> {
  return eligibilityOf(db, userId, now)
}

export type RecordedNps = { id: string; score: number | null; dismissed: boolean; createdAt: Date }

/**
 * Stores an answer or a dismissal, once a quarter. The user's row is locked first, so two
 * concurrent posts (a double click) run one after the other and the second finds the first's row
 * and is refused with 409: never two rows.
 */
export async function recordNpsAnswer(userId: string, answer: NpsAnswer, now = new Date()): Promise<RecordedNps> {
  const recorded = await db.$transaction(async (tx) => {
    // FOR NO KEY UPDATE: serialises this user's survey posts without blocking rows that reference the user.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${userId} FOR NO KEY UPDATE`
    if (locked.length === 0) throw new AppError("not_found", "no such user")
    const state = await eligibilityOf(tx, userId, now)
    if (!state.eligible)
      throw new AppError("conflict", NPS_REFUSALS[state.reason], {
        reason: state.reason,
        eligibleFrom: state.eligibleFrom,
      })
    const data =
      "dismissed" in answer
        ? { userId, dismissed: true, createdAt: now }
        : { userId, score: answer.score, comment: answer.comment ?? null, createdAt: now }
    return tx.npsResponse.create({ data, select: { id: true, score: true, dismissed: true, createdAt: true } })
  })
  if (recorded.score !== null) void track("nps_answered", { userId, props: { score: recorded.score } })
  return recorded
}
