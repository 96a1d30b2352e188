import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { createTestUser } from "@/lib/testing/fixtures"
import { markOrderRefunded, openOrderForPayment, requestSeatRelease } from "./lifecycle"

const paidAt = new Date("2026-05-01T10:00:00Z")

async function subscriptionWithPayment(polarOrderId: string) {
  const user = await createTestUser()
  const plan = await db.plan.upsert({
    where: { slug: "lifecycle" },
    create: { slug: "lifecycle", name: "Monthly", description: "m", interval: "MONTH", priceCents: 1999, features: [] },
    update: {},
  })
  const subscription = await db.subscription.create({
    data: { userId: user.id, planId: plan.id, status: "ACTIVE", startedAt: paidAt, currentPeriodStart: paidAt, currentPeriodEnd: new Date("2026-06-01T10:00:00Z") },
  })
  const payment = await db.payment.create({ data: { polarOrderId, userId: user.id, subscriptionId: subscription.id, amountCents: 1999, billingReason: "subscription_create", paidAt } })
  return { user, subscription, payment }
}

const timeline = async (orderId: string) => (await db.orderEvent.findMany({ where: { orderId }, orderBy: { at: "asc" } })).map((e) => e.type)

test("a payment opens one order due exactly 24 hours later, however often it is replayed", async () => {
  const { user, subscription, payment } = await subscriptionWithPayment("ord_1")
  const input = { subscriptionId: subscription.id, userId: user.id, paymentId: payment.id, amountCents: 1999, paidAt }
  const first = await db.$transaction((tx) => openOrderForPayment(tx, input))
  const again = await db.$transaction((tx) => openOrderForPayment(tx, input))
  expect(first.created).toBe(true)
  expect(again).toEqual({ id: first.id, created: false })
  const order = await db.order.findUniqueOrThrow({ where: { id: first.id } })
  expect(order.dueAt.toISOString()).toBe("2026-05-02T10:00:00.000Z") // 10:00 + 24 h
  expect(order.status).toBe("PENDING")
  expect(await timeline(first.id)).toEqual(["PAID"])
})

test("churn before delivery cancels the order; churn after delivery asks for the seat back, once", async () => {
  const a = await subscriptionWithPayment("ord_2")
  const open = await db.$transaction((tx) => openOrderForPayment(tx, { subscriptionId: a.subscription.id, userId: a.user.id, paymentId: a.payment.id, amountCents: 1999, paidAt }))
  const at = new Date("2026-05-01T12:00:00Z")
  await db.$transaction((tx) => requestSeatRelease(tx, { subscriptionId: a.subscription.id, at }))
  expect((await db.order.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("CANCELED")
  expect(await timeline(open.id)).toEqual(["PAID", "CANCELED"])

  const b = await subscriptionWithPayment("ord_3")
  const delivered = await db.$transaction((tx) => openOrderForPayment(tx, { subscriptionId: b.subscription.id, userId: b.user.id, paymentId: b.payment.id, amountCents: 1999, paidAt }))
  await db.order.update({ where: { id: delivered.id }, data: { status: "FULFILLED", fulfilledAt: at } })
  await db.$transaction((tx) => requestSeatRelease(tx, { subscriptionId: b.subscription.id, at }))
  await db.$transaction((tx) => requestSeatRelease(tx, { subscriptionId: b.subscription.id, at: new Date("2026-05-03T00:00:00Z") }))
  const order = await db.order.findUniqueOrThrow({ where: { id: delivered.id } })
  expect(order.releaseDueAt?.toISOString()).toBe(at.toISOString())
  expect(await timeline(delivered.id)).toEqual(["PAID", "RELEASE_REQUESTED"])
})

test("a refund closes the order and, when the seat was delivered, asks for it back", async () => {
  const { user, subscription, payment } = await subscriptionWithPayment("ord_4")
  const { id } = await db.$transaction((tx) => openOrderForPayment(tx, { subscriptionId: subscription.id, userId: user.id, paymentId: payment.id, amountCents: 1999, paidAt }))
  await db.order.update({ where: { id }, data: { status: "FULFILLED" } })
  const at = new Date("2026-05-04T00:00:00Z")
  await db.$transaction((tx) => markOrderRefunded(tx, { paymentId: payment.id, at }))
  await db.$transaction((tx) => markOrderRefunded(tx, { paymentId: payment.id, at }))
  const order = await db.order.findUniqueOrThrow({ where: { id } })
  expect(order).toMatchObject({ status: "REFUNDED", refundedAt: at, releaseDueAt: at })
  expect(await timeline(id)).toEqual(["PAID", "REFUNDED"])
})
