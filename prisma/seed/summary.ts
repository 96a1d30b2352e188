import type { PrismaClient } from "@/generated/prisma/client"
import { currentMrrCents } from "@/lib/revenue/queries"

export type SeedSummary = {
  customers: number
  activeSubscriptions: number
  mrrCents: number
  orders: number
  openOrders: number
  overdueOrders: number
}

const OPEN = ["PENDING", "IN_PROGRESS"] as const

/** The headline figures of the business as seen at `now` (one query at a time: the embedded database has one connection). */
export async function summarizeBusiness(prisma: PrismaClient, now: Date): Promise<SeedSummary> {
  const customers = await prisma.user.count({ where: { role: "SUBSCRIBER" } })
  const activeSubscriptions = await prisma.subscription.count({
    where: { status: { in: ["ACTIVE", "TRIALING", "PAST_DUE"] } },
  })
  const mrrCents = await currentMrrCents(prisma, now)
  const orders = await prisma.order.count()
  const openOrders = await prisma.order.count({ where: { status: { in: [...OPEN] } } })
  const overdueOrders = await prisma.order.count({ where: { status: { in: [...OPEN] }, dueAt: { lt: now } } })
  return { customers, activeSubscriptions, mrrCents, orders, openOrders, overdueOrders }
}
