import "server-only"
import { recordAudit } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { consumeRateLimit, type RateLimit } from "@/lib/rate-limit/limiter"
import { openCredentials, type SeatCredentials } from "./credentials"
import { canRevealCredentials } from "./rules"

/** Reveals per subscriber per hour, counted before the order is even looked up. */
export const REVEAL_RATE_LIMIT: RateLimit = { name: "order-reveal", points: 10, durationSeconds: 3600 }

/**
 * The subscriber's own delivered seat credentials. Someone else's order answers 404 exactly like a
 * missing one; a released or refunded seat 409. Each reveal is a CREDENTIALS_REVEALED event and an
 * audit entry by the subscriber; the credentials themselves are in neither.
 */
export async function revealCredentials({
  orderId,
  userId,
}: {
  orderId: string
  userId: string
}): Promise<SeatCredentials> {
  const decision = await consumeRateLimit(REVEAL_RATE_LIMIT, `user:${userId}`)
  if (!decision.allowed) {
    throw new AppError("rate_limited", "too many reveals; try again later", {
      retryAfterSeconds: decision.retryAfterSeconds,
    })
  }
  return db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: orderId, userId },
      select: {
        status: true,
        releasedAt: true,
        refundedAt: true,
        credentialsEnc: true,
        user: { select: { email: true } },
      },
    })
    if (!order) throw new AppError("not_found", "no such order")
    if (!order.credentialsEnc || !canRevealCredentials({ ...order, hasCredentials: true })) {
      throw new AppError("conflict", "there are no credentials to show for this order")
    }
    const credentials = openCredentials(order.credentialsEnc)
    await tx.orderEvent.create({ data: { orderId, type: "CREDENTIALS_REVEALED", actorId: userId } })
    await recordAudit(
      {
        actor: { id: userId, email: order.user.email },
        action: "order.credentials_revealed",
        targetType: "order",
        targetId: orderId,
      },
      tx,
    )
    return credentials
  })
}
