import "server-only"
import type { OrderStatus, SubscriptionStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"

/** Statuses that count as a live subscriber: paying, trialing, or in dunning. */
export const LIVE_SUBSCRIPTION_STATUSES = ["ACTIVE", "TRIALING", "PAST_DUE"] as const satisfies readonly SubscriptionStatus[]

const ORDER_STATUSES = ["PENDING", "IN_PROGRESS", "FULFILLED", "CANCELED", "REFUNDED"] as const satisfies readonly OrderStatus[]

export type PlanListItem = Awaited<ReturnType<typeof listActivePlans>>[number]

/** The plans on sale, in the order the marketing pages show them. */
export async function listActivePlans() {
  return db.plan.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { priceCents: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      interval: true,
      priceCents: true,
      currency: true,
      seats: true,
      features: true,
    },
  })
}

export type AccountSummary = NonNullable<Awaited<ReturnType<typeof getAccountSummary>>>

/**
 * The subscriber's current subscription (the newest one not ended; failing that, the one that ended
 * last) and how many of their orders are in each status. Null when they never subscribed.
 */
export async function getAccountSummary(userId: string) {
  const [subscription, orderGroups] = await Promise.all([
    db.subscription.findFirst({
      where: { userId },
      // Nulls first puts every live subscription ahead of every ended one.
      orderBy: [{ endedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      select: {
        id: true,
        status: true,
        startedAt: true,
        currentPeriodEnd: true,
        cancelAtPeriodEnd: true,
        canceledAt: true,
        endedAt: true,
        plan: { select: { id: true, name: true, interval: true, priceCents: true, currency: true, seats: true } },
      },
    }),
    db.order.groupBy({ by: ["status"], where: { userId }, _count: { _all: true } }),
  ])
  if (!subscription) return null

  const orders = Object.fromEntries(ORDER_STATUSES.map((status) => [status, 0])) as Record<OrderStatus, number>
  for (const group of orderGroups) orders[group.status] = group._count._all
  const totalOrders = orderGroups.reduce((sum, group) => sum + group._count._all, 0)

  return { subscription, orders, totalOrders }
}

/** Customers: distinct users who have ever had a subscription. */
export async function countCustomers(): Promise<number> {
  return db.user.count({ where: { subscriptions: { some: {} } } })
}

export async function countActiveSubscriptions(): Promise<number> {
  return db.subscription.count({ where: { status: { in: [...LIVE_SUBSCRIPTION_STATUSES] } } })
}
