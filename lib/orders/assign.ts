import { recordAudit } from "@/lib/audit/log"
import { isStaff } from "@/lib/auth/roles"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { isOpenOrder, OPEN_ORDER_STATUSES } from "./rules"

export type StaffActor = { id: string; email: string }

type AssignInput = { orderIds: string[]; assigneeId: string; actor: StaffActor }

/**
 * Gives open orders to a staff member: IN_PROGRESS, assignedAt, an ASSIGNED event by the actor and
 * an audit entry each, in one transaction. Closed, unknown and already-theirs orders are skipped.
 * Returns how many orders changed hands.
 */
export async function assignOrders(input: AssignInput): Promise<{ count: number }> {
  return assign(input, false)
}

/** One order; unlike the bulk form, it answers 404 for an unknown order and 409 for a closed one. */
export async function assignOrder(input: {
  orderId: string
  assigneeId: string
  actor: StaffActor
}): Promise<{ count: number }> {
  return assign({ orderIds: [input.orderId], assigneeId: input.assigneeId, actor: input.actor }, true)
}

async function assign({ orderIds, assigneeId, actor }: AssignInput, strict: boolean): Promise<{ count: number }> {
  const assignee = await db.user.findUnique({
    where: { id: assigneeId },
    select: { id: true, email: true, role: true },
  })
  if (!assignee || !isStaff(assignee.role)) {
    throw new AppError("unprocessable_entity", "orders can only be assigned to staff", [
      { path: "assigneeId", message: "choose a staff member" },
    ])
  }
  return db.$transaction(async (tx) => {
    const orders = await tx.order.findMany({
      where: { id: { in: [...new Set(orderIds)] } },
      select: { id: true, status: true, assigneeId: true },
    })
    if (strict) {
      const [order] = orders
      if (!order) throw new AppError("not_found", "no such order")
      if (!isOpenOrder(order.status))
        throw new AppError("conflict", `this order is ${order.status.toLowerCase()}; only open orders can be assigned`)
    }
    const at = new Date()
    let count = 0
    for (const order of orders) {
      if (!isOpenOrder(order.status) || order.assigneeId === assignee.id) continue
      // Guarded by status: an order fulfilled since it was read is left alone.
      const { count: changed } = await tx.order.updateMany({
        where: { id: order.id, status: { in: [...OPEN_ORDER_STATUSES] } },
        data: { assigneeId: assignee.id, status: "IN_PROGRESS", assignedAt: at },
      })
      if (changed === 0) continue
      await tx.orderEvent.create({
        data: {
          orderId: order.id,
          type: "ASSIGNED",
          actorId: actor.id,
          at,
          note: assignee.id === actor.id ? null : `to ${assignee.email}`,
        },
      })
      const metadata = { assigneeId: assignee.id, assigneeEmail: assignee.email, previousAssigneeId: order.assigneeId }
      await recordAudit({ actor, action: "order.assigned", targetType: "order", targetId: order.id, metadata }, tx)
      count += 1
    }
    return { count }
  })
}
