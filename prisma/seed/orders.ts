import type { Prisma } from "@/generated/prisma/client"
import { encryptSecret, sha256 } from "@/lib/security/crypto"
import type { CustomerLife } from "./customer-life"
import type { Fulfilment } from "./fulfilment"
import { addMs, HOUR_MS } from "./time"

// A customer's receipts, orders and order timelines, derived from the simulated life. No random
// draws here, so adding these rows left the seeded business itself unchanged.

const RELEASE_DELAY_MS = 6 * HOUR_MS

export type SeededCommerce = {
  payments: Prisma.PaymentCreateManyInput[]
  orders: Prisma.OrderCreateManyInput[]
  events: Prisma.OrderEventCreateManyInput[]
}

type OrderInput = {
  life: CustomerLife
  subscriptionId: string
  userId: string
  email: string
  now: Date
  credentialsKey?: string
}

export function seededCommerce(
  input: OrderInput,
  orders: { id: string; fulfilment: Fulfilment; assigneeId: string | null }[],
): SeededCommerce {
  const { life, subscriptionId, userId, now } = input
  const payments = life.payments.map((payment, i) => ({
    id: `${subscriptionId}p${i}`,
    polarOrderId: `demo_${subscriptionId}_${i}`,
    subscriptionId,
    userId,
    amountCents: payment.amountCents,
    billingReason: payment.billingReason,
    paidAt: payment.paidAt,
    createdAt: payment.paidAt,
  }))
  const churns = life.changes.filter((change) => change.nextMrrCents === 0).map((change) => change.at)
  const result: SeededCommerce = { payments, orders: [], events: [] }
  life.orders.forEach((order, i) => {
    const { id, fulfilment, assigneeId } = orders[i]!
    // The churn that ends this order's seat: the first one after it was paid, before the next order.
    const next = life.orders[i + 1]?.paidAt
    const churnAt = churns.find((at) => at > order.paidAt && (!next || at < next))
    const delivered = fulfilment.status === "FULFILLED"
    const releaseDueAt = delivered && churnAt ? churnAt : null
    const releasedAt =
      releaseDueAt && addMs(releaseDueAt, RELEASE_DELAY_MS) <= now ? addMs(releaseDueAt, RELEASE_DELAY_MS) : null
    result.orders.push({
      id,
      subscriptionId,
      userId,
      paymentId: payments[order.payment]!.id,
      amountCents: order.amountCents,
      paidAt: order.paidAt,
      dueAt: addMs(order.paidAt, 24 * HOUR_MS),
      ...fulfilment,
      assigneeId: fulfilment.assignedAt ? assigneeId : null,
      releaseDueAt,
      releasedAt,
      credentialsEnc:
        delivered && !releasedAt && input.credentialsKey
          ? demoCredentials(id, input.email, input.credentialsKey)
          : null,
      createdAt: order.paidAt,
    })
    const event = (type: Prisma.OrderEventCreateManyInput["type"], at: Date | null, actorId: string | null = null) => {
      if (at) result.events.push({ id: `${id}e${result.events.length}`, orderId: id, type, at, actorId })
    }
    event("PAID", order.paidAt)
    event("ASSIGNED", fulfilment.assignedAt, assigneeId)
    event("FULFILLED", fulfilment.fulfilledAt, assigneeId)
    event("RELEASE_REQUESTED", releaseDueAt)
    event("RELEASED", releasedAt, assigneeId)
  })
  return result
}

/** Made-up seat credentials for the demo, encrypted like real ones. */
export function demoCredentials(orderId: string, email: string, key: string): string {
  const password = sha256(`demo-seat/${orderId}`).slice(0, 16)
  return encryptSecret(
    JSON.stringify({ login: email, password, notes: "Demo seat: sign in at the copilot's website with these." }),
    key,
  )
}
