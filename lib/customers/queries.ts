import "server-only"
import type { Prisma } from "@/generated/prisma/client"
import type { SubscriptionStatus } from "@/generated/prisma/enums"
import { currentSubscriptionsOfUsers, lastPaymentAtOfUsers } from "@/lib/billing/queries"
import { db } from "@/lib/db"
import { orderCountsOfUsers } from "@/lib/orders/queries"
import { type Paged, paged } from "@/lib/utils/pagination"
import type { CustomerListFilter, CustomerStatusFilter } from "./schemas"
import { IS_CUSTOMER } from "./where"

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

/**
 * Customers, newest sign-up first. The page of users is this read model's own query (who counts as
 * a customer spans users and their subscriptions); each row's subscription, orders and last
 * payment come from the domains that own them.
 */
export async function listCustomers(filter: CustomerListFilter): Promise<CustomerPage> {
  const where = customerWhere(filter)
  const [total, users] = await db.$transaction([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: { id: true, email: true, name: true, createdAt: true },
    }),
  ])
  const ids = users.map((user) => user.id)
  const [currentSubscription, ordersCount, lastPaymentAt] = await Promise.all([
    currentSubscriptionsOfUsers(ids),
    orderCountsOfUsers(ids),
    lastPaymentAtOfUsers(ids),
  ])
  const items = users.map((user): CustomerListItem => {
    const current = currentSubscription.get(user.id)
    return {
      ...user,
      planName: current?.plan.name ?? null,
      status: current?.status ?? null,
      cancelAtPeriodEnd: current?.cancelAtPeriodEnd ?? false,
      mrrCents: current?.mrrCents ?? 0,
      currency: current?.plan.currency ?? "usd",
      ordersCount: ordersCount.get(user.id) ?? 0,
      lastPaymentAt: lastPaymentAt.get(user.id) ?? null,
    }
  })
  return paged(items, total, filter)
}

function customerWhere(filter: CustomerListFilter): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [IS_CUSTOMER]
  if (filter.q)
    and.push({
      OR: [
        { email: { contains: filter.q, mode: "insensitive" } },
        { name: { contains: filter.q, mode: "insensitive" } },
      ],
    })
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
