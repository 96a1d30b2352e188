import "server-only"
import type { Prisma } from "@/generated/prisma/client"
import type { OrderEventType, OrderStatus, SubscriptionStatus } from "@/generated/prisma/enums"
import { countActiveSubscriptions, countCustomers } from "@/lib/billing/queries"
import { db } from "@/lib/db"
import { type Paged, paged } from "@/lib/utils/pagination"
import { DEADLINE_SOON_MS } from "./countdown"
import { isOverdue, isReleaseDue, OPEN_ORDER_STATUSES } from "./rules"
import type { OrderListFilter } from "./schemas"

export { OPEN_ORDER_STATUSES }

/** Open orders, and those of them past their 24-hour deadline at `now`. */
export async function countOpenOrders(now: Date = new Date()): Promise<{ open: number; overdue: number }> {
  const openWhere = { status: { in: [...OPEN_ORDER_STATUSES] } }
  const [open, overdue] = await Promise.all([
    db.order.count({ where: openWhere }),
    db.order.count({ where: { ...openWhere, dueAt: { lt: now } } }),
  ])
  return { open, overdue }
}

export type StaffHomeCounts = {
  customers: number
  activeSubscriptions: number
  openOrders: number
  overdueOrders: number
}

/** The four figures on the staff home; any API or test showing them calls this same function. */
export async function getStaffHomeCounts(now: Date = new Date()): Promise<StaffHomeCounts> {
  const [customers, activeSubscriptions, orders] = await Promise.all([
    countCustomers(),
    countActiveSubscriptions(),
    countOpenOrders(now),
  ])
  return { customers, activeSubscriptions, openOrders: orders.open, overdueOrders: orders.overdue }
}

// ── the fulfilment queue ──────────────────────────────────────────────────────

export type OrderQueueItem = {
  id: string
  status: OrderStatus
  customerEmail: string
  planName: string
  amountCents: number
  currency: string
  paidAt: Date
  dueAt: Date
  assigneeId: string | null
  assigneeEmail: string | null
  assignedAt: Date | null
  fulfilledAt: Date | null
  releaseDueAt: Date | null
  releasedAt: Date | null
  overdue: boolean
  releaseDue: boolean
}

export type OrderQueuePage = Paged<OrderQueueItem>

export type QueueViewer = { now: Date; viewerId: string }

const openStatus = { status: { in: [...OPEN_ORDER_STATUSES] } } satisfies Prisma.OrderWhereInput

/** The filter as a Prisma condition; `assignee: "me"` means the viewer. */
export function orderQueueWhere(
  filter: Omit<OrderListFilter, "page" | "pageSize">,
  { now, viewerId }: QueueViewer,
): Prisma.OrderWhereInput {
  const and: Prisma.OrderWhereInput[] = []
  if (filter.status === "open") and.push(openStatus)
  else if (filter.status) and.push({ status: filter.status })
  const overdue = { ...openStatus, dueAt: { lt: now } }
  if (filter.overdue === "true") and.push(overdue)
  if (filter.overdue === "false") and.push({ NOT: overdue })
  if (filter.assignee === "me") and.push({ assigneeId: viewerId })
  else if (filter.assignee === "unassigned") and.push({ assigneeId: null })
  else if (filter.assignee) and.push({ assigneeId: filter.assignee })
  if (filter.release === "due") and.push({ releaseDueAt: { not: null }, releasedAt: null })
  if (filter.customer) and.push({ user: { email: { contains: filter.customer, mode: "insensitive" } } })
  return { AND: and }
}

const queueSelect = {
  id: true,
  status: true,
  amountCents: true,
  paidAt: true,
  dueAt: true,
  assigneeId: true,
  assignedAt: true,
  fulfilledAt: true,
  releaseDueAt: true,
  releasedAt: true,
  user: { select: { email: true } },
  assignee: { select: { email: true } },
  subscription: { select: { plan: { select: { name: true, currency: true } } } },
} satisfies Prisma.OrderSelect

type QueueRow = Prisma.OrderGetPayload<{ select: typeof queueSelect }>

function toQueueItem({ user, assignee, subscription, ...row }: QueueRow, now: Date): OrderQueueItem {
  return {
    ...row,
    customerEmail: user.email,
    planName: subscription.plan.name,
    currency: subscription.plan.currency,
    assigneeEmail: assignee?.email ?? null,
    overdue: isOverdue(row, now),
    releaseDue: isReleaseDue(row),
  }
}

/**
 * The queue, one page of it: open orders first, nearest deadline first; then closed ones, newest
 * payment first (oldest release request first when listing releases due).
 */
export async function listOrderQueue(filter: OrderListFilter, viewer: QueueViewer): Promise<OrderQueuePage> {
  const where = orderQueueWhere(filter, viewer)
  const openWhere = { AND: [where, openStatus] }
  const closedWhere = { AND: [where, { NOT: openStatus }] }
  const [openTotal, closedTotal] = await Promise.all([
    db.order.count({ where: openWhere }),
    db.order.count({ where: closedWhere }),
  ])
  const skip = (filter.page - 1) * filter.pageSize
  const open =
    skip < openTotal
      ? await db.order.findMany({
          where: openWhere,
          orderBy: [{ dueAt: "asc" }, { id: "asc" }],
          skip,
          take: filter.pageSize,
          select: queueSelect,
        })
      : []
  const room = filter.pageSize - open.length
  const closedOrder: Prisma.OrderOrderByWithRelationInput[] =
    filter.release === "due" ? [{ releaseDueAt: "asc" }, { id: "asc" }] : [{ paidAt: "desc" }, { id: "desc" }]
  const closed =
    room > 0 && closedTotal > 0
      ? await db.order.findMany({
          where: closedWhere,
          orderBy: closedOrder,
          skip: Math.max(0, skip - openTotal),
          take: room,
          select: queueSelect,
        })
      : []
  const total = openTotal + closedTotal
  return paged(
    [...open, ...closed].map((row) => toQueueItem(row, viewer.now)),
    total,
    filter,
  )
}

export type DeadlineWatch = { overdue: number; dueSoon: number; items: OrderQueueItem[] }

/**
 * Open orders past their deadline, and those due within `withinMs` (2 hours) of `now`, with the
 * first `limit` of them, nearest deadline first (the most overdue leads).
 */
export async function ordersNearDeadline(
  now: Date = new Date(),
  options: { withinMs?: number; limit?: number } = {},
): Promise<DeadlineWatch> {
  const horizon = new Date(now.getTime() + (options.withinMs ?? DEADLINE_SOON_MS))
  const [overdue, dueSoon, rows] = await Promise.all([
    db.order.count({ where: { ...openStatus, dueAt: { lt: now } } }),
    db.order.count({ where: { ...openStatus, dueAt: { gte: now, lt: horizon } } }),
    db.order.findMany({
      where: { ...openStatus, dueAt: { lt: horizon } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: options.limit ?? 10,
      select: queueSelect,
    }),
  ])
  return { overdue, dueSoon, items: rows.map((row) => toQueueItem(row, now)) }
}

// ── one order ─────────────────────────────────────────────────────────────────

export type OrderTimelineEvent = {
  id: string
  type: OrderEventType
  at: Date
  note: string | null
  actorEmail: string | null
}

export type OrderDetail = Omit<OrderQueueItem, "customerEmail"> & {
  refundedAt: Date | null
  customer: { id: string; email: string; name: string | null }
  subscription: { id: string; status: SubscriptionStatus }
  /** Whether a seat's credentials are stored; never the credentials themselves. */
  hasCredentials: boolean
  events: OrderTimelineEvent[]
}

/** An order for staff, with its timeline and who did what; null when there is no such order. */
export async function getOrderDetail(orderId: string, now: Date = new Date()): Promise<OrderDetail | null> {
  const row = await db.order.findUnique({
    where: { id: orderId },
    select: {
      ...queueSelect,
      refundedAt: true,
      credentialsEnc: true,
      user: { select: { id: true, email: true, name: true } },
      subscription: { select: { id: true, status: true, plan: { select: { name: true, currency: true } } } },
      events: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { id: true, type: true, at: true, note: true, actorId: true },
      },
    },
  })
  if (!row) return null
  const { credentialsEnc, events, user, subscription, ...rest } = row
  const actorIds = [...new Set(events.flatMap((event) => (event.actorId ? [event.actorId] : [])))]
  const actors = actorIds.length
    ? new Map(
        (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } })).map((u) => [
          u.id,
          u.email,
        ]),
      )
    : new Map<string, string>()
  const item: Partial<OrderQueueItem> = toQueueItem({ ...rest, user, subscription }, now)
  delete item.customerEmail
  return {
    ...(item as Omit<OrderQueueItem, "customerEmail">),
    refundedAt: rest.refundedAt,
    customer: user,
    subscription: { id: subscription.id, status: subscription.status },
    hasCredentials: credentialsEnc !== null,
    events: events.map(({ actorId, ...event }) => ({
      ...event,
      actorEmail: actorId ? (actors.get(actorId) ?? null) : null,
    })),
  }
}

// ── one customer's orders ─────────────────────────────────────────────────────

/**
 * A customer's orders for staff, newest payment first, each with its timeline (actors by id: the
 * caller names them). Never the credentials.
 */
export async function ordersOfCustomer(userId: string, take: number) {
  const rows = await db.order.findMany({
    where: { userId },
    orderBy: [{ paidAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      subscriptionId: true,
      status: true,
      amountCents: true,
      paidAt: true,
      dueAt: true,
      assignedAt: true,
      fulfilledAt: true,
      releaseDueAt: true,
      releasedAt: true,
      refundedAt: true,
      createdAt: true,
      assignee: { select: { email: true } },
      subscription: { select: { plan: { select: { name: true, currency: true } } } },
      events: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { id: true, type: true, actorId: true, note: true, at: true },
      },
    },
  })
  return rows.map(({ subscription, assignee, events, ...order }) => ({
    ...order,
    planName: subscription.plan.name,
    currency: subscription.plan.currency,
    assigneeEmail: assignee?.email ?? null,
    events,
  }))
}

/** How many orders each user has, by user id; users without any are left out. */
export async function orderCountsOfUsers(userIds: readonly string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map()
  const rows = await db.order.groupBy({
    by: ["userId"],
    where: { userId: { in: [...userIds] } },
    _count: { _all: true },
  })
  return new Map(rows.map((row) => [row.userId, row._count._all]))
}
