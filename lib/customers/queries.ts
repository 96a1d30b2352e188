import "server-only"
import type { Prisma } from "@/generated/prisma/client"
import type { SubscriptionStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { type Paged, paged } from "@/lib/utils/pagination"
import type { CustomerListFilter, CustomerStatusFilter } from "./schemas"
import { CURRENT_SUBSCRIPTION_ORDER, IS_CUSTOMER } from "./where"

export { DETAIL_LIMITS, getCustomerDetail, getCustomerDetailOrThrow, type CustomerDetail } from "./detail"

export type CustomerListItem = {
  id: string
  email: string
  name: string | null
  createdAt: Date
  /** Of the current subscription; null when they never subscribed. */
  planName: string | null
  status: SubscriptionStatus | null
  cancelAtPeriodEnd: boolean
  mrrCents: number
  currency: string
  ordersCount: number
  lastPaymentAt: Date | null
}

export type CustomerPage = Paged<CustomerListItem>

/** Customers, newest sign-up first: two queries for the page, one for its last payments. */
export async function listCustomers(filter: CustomerListFilter): Promise<CustomerPage> {
  const where = customerWhere(filter)
  const [total, users] = await db.$transaction([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: {
        id: true,
        email: true,
        name: true,
        createdAt: true,
        _count: { select: { orders: true } },
        subscriptions: {
          orderBy: CURRENT_SUBSCRIPTION_ORDER,
          take: 1,
          select: { status: true, mrrCents: true, cancelAtPeriodEnd: true, plan: { select: { name: true, currency: true } } },
        },
      },
    }),
  ])
  const lastPayments = users.length
    ? await db.payment.groupBy({ by: ["userId"], where: { userId: { in: users.map((u) => u.id) } }, _max: { paidAt: true } })
    : []
  const lastPaymentAt = new Map(lastPayments.map((row) => [row.userId, row._max.paidAt]))
  const items = users.map(({ _count, subscriptions, ...user }): CustomerListItem => {
    const current = subscriptions[0]
    return {
      ...user,
      planName: current?.plan.name ?? null,
      status: current?.status ?? null,
      cancelAtPeriodEnd: current?.cancelAtPeriodEnd ?? false,
      mrrCents: current?.mrrCents ?? 0,
      currency: current?.plan.currency ?? "usd",
      ordersCount: _count.orders,
      lastPaymentAt: lastPaymentAt.get(user.id) ?? null,
    }
  })
  return paged(items, total, filter)
}

function customerWhere(filter: CustomerListFilter): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [IS_CUSTOMER]
  if (filter.q) and.push({ OR: [{ email: { contains: filter.q, mode: "insensitive" } }, { name: { contains: filter.q, mode: "insensitive" } }] })
  if (filter.email) and.push({ email: { equals: filter.email, mode: "insensitive" } })
  if (filter.status) and.push(statusWhere(filter.status))
  return { AND: and }
}

/**
 * "none": never subscribed. CANCELED: subscribed, and every subscription is canceled (churned).
 * Any other status: a subscription in that status that has not ended, which is the current one
 * unless the customer holds two live subscriptions at once.
 */
function statusWhere(status: CustomerStatusFilter): Prisma.UserWhereInput {
  if (status === "none") return { subscriptions: { none: {} } }
  if (status === "CANCELED") return { subscriptions: { some: {}, every: { status: "CANCELED" } } }
  return { subscriptions: { some: { status, endedAt: null } } }
}
