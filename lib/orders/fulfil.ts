import "server-only"
import { track } from "@/lib/analytics/ingest/track"
import { recordAudit } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { queueEmail } from "@/lib/email/send"
import { requireEnv } from "@/lib/env"
import { AppError } from "@/lib/errors"
import type { StaffActor } from "./assign"
import { sealCredentials } from "./credentials"
import { isOpenOrder, OPEN_ORDER_STATUSES } from "./rules"

export type FulfilledOrder = {
  id: string
  status: "FULFILLED"
  fulfilledAt: Date
  assigneeId: string
  customer: { email: string; name: string | null }
  planName: string
}

type FulfilInput = { orderId: string; actor: StaffActor; login: string; password: string; notes?: string }

/**
 * Delivers a seat: its credentials sealed under CREDENTIALS_KEY, the order FULFILLED (the actor
 * becomes the assignee if there was none), a FULFILLED event and an audit entry, in one transaction.
 * Only open orders (409 otherwise). The credentials are never returned, logged or audited.
 */
export async function fulfilOrder({ orderId, actor, login, password, notes }: FulfilInput): Promise<FulfilledOrder> {
  const credentialsEnc = sealCredentials({ login, password, notes: notes || null }, requireEnv("CREDENTIALS_KEY"))
  const { fulfilled, userId } = await db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: orderId },
      select: {
        status: true,
        assigneeId: true,
        userId: true,
        user: { select: { email: true, name: true } },
        subscription: { select: { plan: { select: { name: true } } } },
      },
    })
    if (!order) throw new AppError("not_found", "no such order")
    if (!isOpenOrder(order.status))
      throw new AppError("conflict", `this order is ${order.status.toLowerCase()}; only open orders can be fulfilled`)
    const at = new Date()
    const assigneeId = order.assigneeId ?? actor.id
    const { count } = await tx.order.updateMany({
      where: { id: orderId, status: { in: [...OPEN_ORDER_STATUSES] } },
      data: {
        status: "FULFILLED",
        fulfilledAt: at,
        credentialsEnc,
        assigneeId,
        ...(order.assigneeId ? {} : { assignedAt: at }),
      },
    })
    if (count !== 1) throw new AppError("conflict", "this order was closed meanwhile; reload it")
    await tx.orderEvent.create({ data: { orderId, type: "FULFILLED", actorId: actor.id, at } })
    await recordAudit(
      {
        actor,
        action: "order.fulfilled",
        targetType: "order",
        targetId: orderId,
        metadata: { customerId: order.userId, assigneeId },
      },
      tx,
    )
    // The email says the seat is ready and where to see it; the credentials stay in the portal.
    await queueEmail(tx, {
      to: order.user.email,
      template: "seat-ready",
      props: { name: order.user.name, orderRef: orderId, planName: order.subscription.plan.name },
      idempotencyKey: `seat-ready/${orderId}`,
    })
    const fulfilled: FulfilledOrder = {
      id: orderId,
      status: "FULFILLED",
      fulfilledAt: at,
      assigneeId,
      customer: order.user,
      planName: order.subscription.plan.name,
    }
    return { fulfilled, userId: order.userId }
  })
  void track("seat_delivered", { userId, props: { orderId } })
  return fulfilled
}
