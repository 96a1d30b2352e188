import { randomBytes } from "node:crypto"
import type { OrderStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { createTestUser } from "@/lib/testing/fixtures"
import { reconcileSeatOrders } from "../seat-orders"

// Orders for integration tests, opened the way billing opens them (a payment, a PAID event).

const HOUR = 3_600_000

async function testPlan() {
  return db.plan.upsert({
    where: { slug: "orders-fixture" },
    create: {
      slug: "orders-fixture",
      name: "Copilot Pro",
      description: "Pro",
      interval: "MONTH",
      priceCents: 1900,
      features: [],
    },
    update: {},
    select: { id: true, name: true },
  })
}

type OrderOptions = { userId?: string; paidAt?: Date; status?: OrderStatus; assigneeId?: string }

/** A subscriber (new unless `userId`), a subscription, a payment and the order it opened. */
export async function createPaidOrder(options: OrderOptions = {}) {
  const userId = options.userId ?? (await createTestUser()).id
  const plan = await testPlan()
  const paidAt = options.paidAt ?? new Date(Date.now() - HOUR)
  const subscription = await db.subscription.create({
    data: {
      userId,
      planId: plan.id,
      status: "ACTIVE",
      startedAt: paidAt,
      currentPeriodStart: paidAt,
      currentPeriodEnd: new Date(paidAt.getTime() + 720 * HOUR),
    },
    select: { id: true },
  })
  const payment = await db.payment.create({
    data: {
      polarOrderId: `fixture_${randomBytes(6).toString("hex")}`,
      userId,
      subscriptionId: subscription.id,
      amountCents: 1900,
      billingReason: "subscription_create",
      paidAt,
    },
    select: { id: true },
  })
  const planned = [{ stint: 0, seats: 1, paymentId: payment.id, paidAt, closed: null }]
  const { opened } = await db.$transaction((tx) =>
    reconcileSeatOrders(tx, { subscriptionId: subscription.id, userId, planned, stored: [], amountOf: () => 1900 }),
  )
  const { id } = opened[0]!
  if (options.status || options.assigneeId) {
    await db.order.update({
      where: { id },
      data: {
        status: options.status,
        assigneeId: options.assigneeId,
        assignedAt: options.assigneeId ? paidAt : undefined,
      },
    })
  }
  return {
    id,
    userId,
    subscriptionId: subscription.id,
    paymentId: payment.id,
    dueAt: new Date(paidAt.getTime() + 24 * HOUR),
  }
}

export async function timelineOf(orderId: string) {
  return db.orderEvent.findMany({
    where: { orderId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { type: true, actorId: true, note: true },
  })
}
