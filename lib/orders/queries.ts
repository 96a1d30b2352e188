import "server-only"
import type { OrderStatus } from "@/generated/prisma/enums"
import { countActiveSubscriptions, countCustomers } from "@/lib/billing/queries"
import { db } from "@/lib/db"

/** Orders still waiting for their seat: the fulfilment queue. */
export const OPEN_ORDER_STATUSES = ["PENDING", "IN_PROGRESS"] as const satisfies readonly OrderStatus[]

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
