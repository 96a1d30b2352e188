import type { OrderStatus } from "@/generated/prisma/enums"

// The few rules every order read and write agrees on; pure, so pages and tests share them.

/** Orders still waiting for their seat: the fulfilment queue. */
export const OPEN_ORDER_STATUSES = ["PENDING", "IN_PROGRESS"] as const satisfies readonly OrderStatus[]

export function isOpenOrder(status: OrderStatus): boolean {
  return (OPEN_ORDER_STATUSES as readonly OrderStatus[]).includes(status)
}

/** Open and strictly past its deadline: due exactly now is still on time. */
export function isOverdue(order: { status: OrderStatus; dueAt: Date }, now: Date): boolean {
  return isOpenOrder(order.status) && order.dueAt.getTime() < now.getTime()
}

/** Staff owe the release of a seat that churned or was refunded. */
export function isReleaseDue(order: { releaseDueAt: Date | null; releasedAt: Date | null }): boolean {
  return order.releaseDueAt !== null && order.releasedAt === null
}

/** A delivered seat that still exists: the subscriber may see its credentials. */
export function canRevealCredentials(order: {
  status: OrderStatus
  releasedAt: Date | null
  refundedAt: Date | null
  hasCredentials: boolean
}): boolean {
  return order.status === "FULFILLED" && order.hasCredentials && order.releasedAt === null && order.refundedAt === null
}
