import "server-only"
import type { Prisma } from "@/generated/prisma/client"
import type { OrderStatus, SubscriptionStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"

/** Statuses that count as a live subscriber: paying, trialing, or in dunning. */
export const LIVE_SUBSCRIPTION_STATUSES = [
  "ACTIVE",
  "TRIALING",
  "PAST_DUE",
] as const satisfies readonly SubscriptionStatus[]

const ORDER_STATUSES = [
  "PENDING",
  "IN_PROGRESS",
  "FULFILLED",
  "CANCELED",
  "REFUNDED",
] as const satisfies readonly OrderStatus[]

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

// ── one customer, for staff (lib/customers composes these) ───────────────────

const customerSubscriptionSelect = {
  id: true,
  status: true,
  mrrCents: true,
  polarSubscriptionId: true,
  createdAt: true,
  startedAt: true,
  currentPeriodStart: true,
  currentPeriodEnd: true,
  cancelAtPeriodEnd: true,
  canceledAt: true,
  endedAt: true,
  plan: { select: { id: true, name: true, interval: true, priceCents: true, currency: true } },
} satisfies Prisma.SubscriptionSelect

/** Every subscription the user has had, newest first, with its plan. */
export async function subscriptionsOfUser(userId: string) {
  return db.subscription.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: customerSubscriptionSelect,
  })
}

export type CurrentSubscription = {
  status: SubscriptionStatus
  mrrCents: number
  cancelAtPeriodEnd: boolean
  plan: { name: string; currency: string }
}

/** Each user's current subscription (the rule of getAccountSummary), by user id; users who never subscribed are left out. */
export async function currentSubscriptionsOfUsers(
  userIds: readonly string[],
): Promise<Map<string, CurrentSubscription>> {
  if (userIds.length === 0) return new Map<string, CurrentSubscription>()
  const rows = await db.subscription.findMany({
    where: { userId: { in: [...userIds] } },
    orderBy: [{ endedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      userId: true,
      status: true,
      mrrCents: true,
      cancelAtPeriodEnd: true,
      plan: { select: { name: true, currency: true } },
    },
  })
  const current = new Map<string, CurrentSubscription>()
  for (const { userId, ...row } of rows) if (!current.has(userId)) current.set(userId, row)
  return current
}

/** The user's payments, newest first (no receipt fields beyond what staff see). */
export async function paymentsOfUser(userId: string, take: number) {
  return db.payment.findMany({
    where: { userId },
    orderBy: [{ paidAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      polarOrderId: true,
      subscriptionId: true,
      amountCents: true,
      refundedCents: true,
      currency: true,
      billingReason: true,
      status: true,
      paidAt: true,
    },
  })
}

export type PaymentTotals = { amountCents: number; taxCents: number; refundedCents: number; refundedTaxCents: number }

/** Everything the user ever paid and was refunded, tax included and on its own. */
export async function paymentTotalsOfUser(userId: string): Promise<PaymentTotals> {
  const { _sum } = await db.payment.aggregate({
    where: { userId },
    _sum: { amountCents: true, taxCents: true, refundedCents: true, refundedTaxCents: true },
  })
  return {
    amountCents: _sum.amountCents ?? 0,
    taxCents: _sum.taxCents ?? 0,
    refundedCents: _sum.refundedCents ?? 0,
    refundedTaxCents: _sum.refundedTaxCents ?? 0,
  }
}

/** Each user's latest payment instant, by user id; users who never paid are left out. */
export async function lastPaymentAtOfUsers(userIds: readonly string[]): Promise<Map<string, Date | null>> {
  if (userIds.length === 0) return new Map()
  const rows = await db.payment.groupBy({
    by: ["userId"],
    where: { userId: { in: [...userIds] } },
    _max: { paidAt: true },
  })
  return new Map(rows.map((row) => [row.userId, row._max.paidAt]))
}

/** Plan names by id; unknown ids are left out. */
export async function planNamesById(planIds: readonly string[]): Promise<Map<string, string>> {
  if (planIds.length === 0) return new Map()
  const plans = await db.plan.findMany({ where: { id: { in: [...planIds] } }, select: { id: true, name: true } })
  return new Map(plans.map((plan) => [plan.id, plan.name]))
}
