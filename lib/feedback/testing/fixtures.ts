import type { SubscriptionStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"

// Fixtures for the feedback integration tests: subscriptions of a given age, requests with voters.

const DAY_MS = 86_400_000
let plans = 0

/** A subscription that started `days` ago (fractions allowed), live unless a status says otherwise. */
export async function subscribeFor(
  userId: string,
  days: number,
  status: SubscriptionStatus = "ACTIVE",
  now = new Date(),
) {
  plans += 1
  const plan = await db.plan.create({
    data: {
      slug: `feedback-plan-${plans}-${userId}`,
      name: "Copilot Monthly",
      description: "m",
      interval: "MONTH",
      priceCents: 1999,
      features: [],
    },
    select: { id: true },
  })
  const startedAt = new Date(now.getTime() - days * DAY_MS)
  const ended = status === "CANCELED" ? { endedAt: now, canceledAt: now } : {}
  return db.subscription.create({
    data: {
      userId,
      planId: plan.id,
      status,
      startedAt,
      currentPeriodStart: startedAt,
      currentPeriodEnd: new Date(now.getTime() + 30 * DAY_MS),
      ...ended,
    },
    select: { id: true, startedAt: true },
  })
}

export function daysAgo(days: number, now = new Date()): Date {
  return new Date(now.getTime() - days * DAY_MS)
}
