import type { PrismaClient } from "@/generated/prisma/client"
import type { CustomerFacts } from "./events-journeys"
import type { Random } from "./random"
import { addMs, DAY_MS } from "./time"

/**
 * Every subscriber's business, read back from what the business seed wrote, in a fixed order (so
 * the events drawn from it are the same on every run): sign-up, seat orders, plan changes, churns
 * and the periods with MRR, from the ledger.
 */
export async function readCustomerFacts(prisma: PrismaClient, random: Random, now: Date): Promise<CustomerFacts[]> {
  const users = await prisma.user.findMany({
    where: { role: "SUBSCRIBER" },
    select: { id: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  })
  const orders = await prisma.order.findMany({
    select: { id: true, userId: true, subscriptionId: true, paidAt: true, fulfilledAt: true },
    orderBy: [{ paidAt: "asc" }, { id: "asc" }],
  })
  const changes = await prisma.subscriptionChange.findMany({
    select: { subscriptionId: true, kind: true, mrrAfterCents: true, planId: true, effectiveAt: true, reason: true },
    orderBy: [{ effectiveAt: "asc" }, { mrrAfterCents: "asc" }],
  })
  const subscriptions = await prisma.subscription.findMany({
    select: { id: true, userId: true, status: true, cancelAtPeriodEnd: true, canceledAt: true, currentPeriodEnd: true },
  })

  const changesOf = groupBy(changes, (change) => change.subscriptionId)
  const ordersOf = groupBy(orders, (order) => order.userId)
  const subscriptionsOf = groupBy(subscriptions, (subscription) => subscription.userId)

  return users.map((user) => {
    const facts: CustomerFacts = {
      userId: user.id,
      createdAt: user.createdAt,
      orders: [],
      planChanges: [],
      churns: [],
      pendingCancel: null,
      active: [],
    }
    const mine = ordersOf.get(user.id) ?? []
    mine.forEach((order, i) => {
      // A purchase has its ledger entry (NEW or REACTIVATION) at the instant of payment; a renewal order has none.
      const opened = (changesOf.get(order.subscriptionId) ?? []).find(
        (change) =>
          change.effectiveAt.getTime() === order.paidAt.getTime() &&
          (change.kind === "NEW" || change.kind === "REACTIVATION"),
      )
      facts.orders.push({
        id: order.id,
        subscriptionId: order.subscriptionId,
        planId: opened?.planId ?? null,
        paidAt: order.paidAt,
        fulfilledAt: order.fulfilledAt,
        bought: i === 0 || opened !== undefined,
      })
    })
    for (const subscription of subscriptionsOf.get(user.id) ?? []) {
      const ledger = changesOf.get(subscription.id) ?? []
      let activeFrom: Date | null = null
      let previous: Date | null = null
      for (const change of ledger) {
        if (change.kind === "EXPANSION" || change.kind === "CONTRACTION") facts.planChanges.push(change.effectiveAt)
        if (change.mrrAfterCents > 0 && !activeFrom) activeFrom = change.effectiveAt
        if (change.mrrAfterCents === 0 && activeFrom) {
          facts.active.push({ from: activeFrom, to: change.effectiveAt })
          activeFrom = null
          const asked = change.reason === "canceled at period end"
          facts.churns.push({
            subscriptionId: subscription.id,
            at: change.effectiveAt,
            requestedAt: asked ? requestTime(random, change.effectiveAt, previous, subscription) : null,
          })
        }
        previous = change.effectiveAt
      }
      if (activeFrom) facts.active.push({ from: activeFrom, to: now })
      if (subscription.status !== "CANCELED" && subscription.cancelAtPeriodEnd && subscription.canceledAt) {
        facts.pendingCancel = {
          subscriptionId: subscription.id,
          requestedAt: subscription.canceledAt,
          endsAt: subscription.currentPeriodEnd,
        }
      }
    }
    return facts
  })
}

/**
 * When a cancellation that took effect at `endedAt` was asked for: the subscription's own
 * canceledAt for its last life; earlier lives kept no record, so a day in the weeks before.
 */
function requestTime(
  random: Random,
  endedAt: Date,
  previous: Date | null,
  subscription: { canceledAt: Date | null },
): Date {
  const recorded = subscription.canceledAt
  if (recorded && recorded <= endedAt && (!previous || recorded >= previous)) return recorded
  const guess = addMs(endedAt, -random.between(1, 25) * DAY_MS)
  return previous && guess < previous ? previous : guess
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const group = groups.get(k)
    if (group) group.push(row)
    else groups.set(k, [row])
  }
  return groups
}
