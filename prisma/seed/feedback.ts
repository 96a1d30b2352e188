import type { PrismaClient } from "@/generated/prisma/client"
import { DEMO_SUBSCRIBER_EMAIL } from "./accounts"
import { planFeedback, type SeedCustomer } from "./feedback-plan"
import { createRandom } from "./random"

export type FeedbackSeedOptions = { seed: number; now: Date; log?: (line: string) => void }
export type FeedbackSeedResult = {
  npsAnswers: number
  npsDismissals: number
  messages: number
  requests: number
  votes: number
}

const CHUNK = 1000

/**
 * NPS answers and dismissals, feedback messages and a feature board with votes, drawn from the
 * seeded subscribers (see feedback-plan.ts for the rules). Replaces any feedback already there.
 * The demo subscriber is left out, so the portal shows them the survey and an unvoted board.
 */
export async function seedFeedback(prisma: PrismaClient, options: FeedbackSeedOptions): Promise<FeedbackSeedResult> {
  const users = await prisma.user.findMany({
    where: { role: "SUBSCRIBER", email: { not: DEMO_SUBSCRIBER_EMAIL }, subscriptions: { some: {} } },
    orderBy: { id: "asc" },
    select: { id: true, subscriptions: { orderBy: { startedAt: "asc" }, select: { startedAt: true, endedAt: true } } },
  })
  const customers: SeedCustomer[] = users.map((user) => ({
    id: user.id,
    startedAt: user.subscriptions[0]!.startedAt,
    // Live while any subscription is; else until the last one ended.
    endedAt: user.subscriptions.some((s) => s.endedAt === null)
      ? null
      : new Date(Math.max(...user.subscriptions.map((s) => s.endedAt!.getTime()))),
  }))
  // A stream of its own, so the business drawn from `seed` is unchanged by feedback existing.
  const plan = planFeedback(createRandom((options.seed ^ 0xfeedbac) >>> 0), customers, options.now)

  await prisma.$transaction([
    prisma.featureRequest.deleteMany(),
    prisma.npsResponse.deleteMany(),
    prisma.feedbackMessage.deleteMany(),
  ])
  // Short transactions keep the single embedded connection responsive.
  for (let i = 0; i < plan.nps.length; i += CHUNK)
    await prisma.npsResponse.createMany({ data: plan.nps.slice(i, i + CHUNK) })
  for (let i = 0; i < plan.messages.length; i += CHUNK)
    await prisma.feedbackMessage.createMany({ data: plan.messages.slice(i, i + CHUNK) })
  await prisma.$transaction(
    async (tx) => {
      await tx.featureRequest.createMany({ data: plan.requests })
      for (let i = 0; i < plan.votes.length; i += CHUNK)
        await tx.featureRequestVote.createMany({ data: plan.votes.slice(i, i + CHUNK) })
    },
    { maxWait: 10_000, timeout: 60_000 },
  )

  const result = {
    npsAnswers: plan.nps.filter((row) => !row.dismissed).length,
    npsDismissals: plan.nps.filter((row) => row.dismissed).length,
    messages: plan.messages.length,
    requests: plan.requests.length,
    votes: plan.votes.length,
  }
  options.log?.(
    `feedback: ${result.npsAnswers} NPS answers (${result.npsDismissals} dismissals), ${result.messages} messages, ${result.requests} feature requests with ${result.votes} votes`,
  )
  return result
}
