import "server-only"
import type { OrderEventType, OrderStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { canRevealCredentials } from "./rules"

// The subscriber's side of orders: their own, with timelines; never credentials, never staff names.

export type AccountOrder = {
  id: string
  status: OrderStatus
  planName: string
  amountCents: number
  currency: string
  paidAt: Date
  dueAt: Date
  fulfilledAt: Date | null
  releaseDueAt: Date | null
  releasedAt: Date | null
  refundedAt: Date | null
  /** The seat is delivered and still exists: the portal offers "Reveal credentials". */
  canReveal: boolean
  events: { id: string; type: OrderEventType; at: Date }[]
}

/** The user's own orders, newest payment first. */
export async function listAccountOrders(userId: string, take = 50): Promise<AccountOrder[]> {
  const rows = await db.order.findMany({
    where: { userId },
    orderBy: [{ paidAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      status: true,
      amountCents: true,
      paidAt: true,
      dueAt: true,
      fulfilledAt: true,
      releaseDueAt: true,
      releasedAt: true,
      refundedAt: true,
      credentialsEnc: true,
      subscription: { select: { plan: { select: { name: true, currency: true } } } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, type: true, at: true } },
    },
  })
  return rows.map(({ credentialsEnc, subscription, ...row }) => ({
    ...row,
    planName: subscription.plan.name,
    currency: subscription.plan.currency,
    canReveal: canRevealCredentials({ ...row, hasCredentials: credentialsEnc !== null }),
  }))
}
