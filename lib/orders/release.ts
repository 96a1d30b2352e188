import { recordAudit } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import type { StaffActor } from "./assign"

/**
 * Staff have taken the seat back after a churn or refund: releasedAt, a RELEASED event and an
 * audit entry, and the stored credentials are wiped (the seat no longer exists). 409 unless a
 * release was requested and has not been done.
 */
export async function markSeatReleased({
  orderId,
  actor,
}: {
  orderId: string
  actor: StaffActor
}): Promise<{ id: string; releasedAt: Date }> {
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: orderId },
      select: { releaseDueAt: true, releasedAt: true },
    })
    if (!order) throw new AppError("not_found", "no such order")
    if (!order.releaseDueAt) throw new AppError("conflict", "no release was requested for this order")
    if (order.releasedAt) throw new AppError("conflict", "this seat was already released")
    const at = new Date()
    const { count } = await tx.order.updateMany({
      where: { id: orderId, releasedAt: null },
      data: { releasedAt: at, credentialsEnc: null },
    })
    if (count !== 1) throw new AppError("conflict", "this seat was already released")
    await tx.orderEvent.create({ data: { orderId, type: "RELEASED", actorId: actor.id, at } })
    await recordAudit({ actor, action: "order.released", targetType: "order", targetId: orderId }, tx)
    return { id: orderId, releasedAt: at }
  })
}
