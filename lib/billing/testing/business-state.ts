import type { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"

// The final state of one generated business (lifecycle-arbitrary.ts), read back so that two runs of
// it can be compared with toEqual: no ids or timestamps of our own, rows keyed by Polar's ids (with
// the run's namespace taken out), lists sorted by their content. A column to compare is one more
// line in a select below.

/** Which rows belong to one copy of a business: its Polar customers and every email they had. */
export type BusinessScope = { namespace: string; polarCustomerIds: string[]; emails: string[]; from: Date; to: Date }

const userColumns = { email: true, name: true, polarCustomerId: true } satisfies Prisma.UserSelect
const subscriptionColumns = {
  status: true,
  startedAt: true,
  currentPeriodStart: true,
  currentPeriodEnd: true,
  cancelAtPeriodEnd: true,
  canceledAt: true,
  endedAt: true,
  mrrCents: true,
} satisfies Prisma.SubscriptionSelect
const changeColumns = {
  effectiveAt: true,
  kind: true,
  mrrDeltaCents: true,
  mrrAfterCents: true,
} satisfies Prisma.SubscriptionChangeSelect
const paymentColumns = {
  amountCents: true,
  currency: true,
  billingReason: true,
  status: true,
  refundedCents: true,
  paidAt: true,
} satisfies Prisma.PaymentSelect
const orderColumns = {
  paidAt: true,
  status: true,
  amountCents: true,
  dueAt: true,
  refundedAt: true,
  releaseDueAt: true,
  releasedAt: true,
  fulfilledAt: true,
} satisfies Prisma.OrderSelect

/** Dates as ISO text and the namespace taken out of every string, all the way down. */
type Plain<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? { [K in keyof T]: Plain<T[K]> }
      : T

export async function readBusinessState(scope: BusinessScope) {
  const strip = (text: string) => text.replaceAll(scope.namespace, "")
  const plain = <T>(value: T): Plain<T> => {
    if (value instanceof Date) return value.toISOString() as Plain<T>
    if (typeof value === "string") return strip(value) as Plain<T>
    if (Array.isArray(value)) return value.map(plain) as Plain<T>
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)])) as Plain<T>
    return value as Plain<T>
  }
  const ownerKey = (user: { polarCustomerId: string | null; email: string }) =>
    strip(user.polarCustomerId ?? `email:${user.email}`)

  const users = await db.user.findMany({
    where: { OR: [{ polarCustomerId: { in: scope.polarCustomerIds } }, { email: { in: scope.emails } }] },
    select: { id: true, ...userColumns },
  })
  const ownerOf = new Map(users.map((u) => [u.id, ownerKey(u)]))
  const userIds = { in: [...ownerOf.keys()] }
  // Sequential: the embedded test database serves one connection.
  const slugOf = new Map((await db.plan.findMany({ select: { id: true, slug: true } })).map((p) => [p.id, p.slug]))
  const subscriptions = await db.subscription.findMany({
    where: { userId: userIds },
    select: {
      ...subscriptionColumns,
      polarSubscriptionId: true,
      userId: true,
      planId: true,
      changes: { select: { ...changeColumns, planId: true } },
      _count: { select: { orders: true } },
    },
  })
  const payments = await db.payment.findMany({
    where: { userId: userIds },
    select: {
      ...paymentColumns,
      polarOrderId: true,
      userId: true,
      subscription: { select: { polarSubscriptionId: true } },
    },
  })
  const orders = await db.order.findMany({
    where: { userId: userIds },
    select: {
      ...orderColumns,
      subscription: { select: { polarSubscriptionId: true } },
      payment: { select: { polarOrderId: true } },
    },
  })

  const ledger = subscriptions.flatMap((s) => s.changes)
  return {
    users: byKey(users.map(({ id, ...user }) => [ownerOf.get(id)!, plain(user)])),
    subscriptions: byKey(
      subscriptions.map(({ polarSubscriptionId, userId, planId, changes, _count, ...columns }) => [
        strip(polarSubscriptionId ?? "(none)"),
        {
          ...plain(columns),
          customer: ownerOf.get(userId),
          plan: slugOf.get(planId),
          ledger: sorted(
            changes.map(({ planId: changePlan, ...change }) => ({
              ...plain(change),
              plan: changePlan && (slugOf.get(changePlan) ?? changePlan),
            })),
          ),
          orderCount: _count.orders,
        },
      ]),
    ),
    payments: byKey(
      payments.map(({ polarOrderId, userId, subscription, ...columns }) => [
        strip(polarOrderId),
        {
          ...plain(columns),
          customer: ownerOf.get(userId),
          subscription: subscription?.polarSubscriptionId ? strip(subscription.polarSubscriptionId) : null,
        },
      ]),
    ),
    // Orders have no Polar id of their own: grouped by subscription, each named by the payment that opened it.
    orders: groupBy(
      orders.map(({ subscription, payment, ...columns }) => ({
        ...plain(columns),
        subscription: strip(subscription.polarSubscriptionId ?? "(none)"),
        openedBy: payment ? strip(payment.polarOrderId) : null,
      })),
      (order) => order.subscription,
    ),
    mrrByMonth: mrrAtMonthStarts(ledger, scope),
  }
}

export type BusinessState = Awaited<ReturnType<typeof readBusinessState>>

/** MRR of this business at 00:00 UTC on the first of every month it spans (and the month after its last event). */
function mrrAtMonthStarts(
  ledger: { mrrDeltaCents: number; effectiveAt: Date }[],
  scope: BusinessScope,
): Record<string, number> {
  const result: Record<string, number> = {}
  const month = new Date(Date.UTC(scope.from.getUTCFullYear(), scope.from.getUTCMonth(), 1))
  while (month.getTime() <= scope.to.getTime()) {
    month.setUTCMonth(month.getUTCMonth() + 1)
    result[month.toISOString().slice(0, 10)] = ledger
      .filter((c) => c.effectiveAt.getTime() <= month.getTime())
      .reduce((sum, c) => sum + c.mrrDeltaCents, 0)
  }
  return result
}

const canonical = (value: unknown) => JSON.stringify(value)

/** Rows sorted by their whole content: the order they were written in is not part of the state. */
function sorted<T>(rows: T[]): T[] {
  return rows
    .map((row) => [canonical(row), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row)
}

/** A record keyed by identity; two rows with one key (a duplicate user, say) are both kept, in order. */
function byKey<T>(entries: [string, T][]): Record<string, T | T[]> {
  const groups = groupBy(entries, ([key]) => key)
  return Object.fromEntries(
    Object.entries(groups).map(([key, rows]) => [key, rows.length === 1 ? rows[0]![1] : rows.map(([, row]) => row)]),
  )
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Record<string, T[]> {
  const groups: Record<string, T[]> = {}
  for (const row of sorted(rows)) (groups[keyOf(row)] ??= []).push(row)
  return groups
}
