import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { createTestUser } from "@/lib/testing/fixtures"
import { reconcileSeatOrders, type StoredOrder } from "./seat-orders"
import type { PlannedSeatOrder } from "./seat-plan"

const d = (iso: string) => new Date(iso)
let sequence = 0

async function subscriptionWithPayments(...paidAt: string[]) {
  const user = await createTestUser()
  const plan = await db.plan.upsert({
    where: { slug: "seat-orders" },
    create: {
      slug: "seat-orders",
      name: "Monthly",
      description: "m",
      interval: "MONTH",
      priceCents: 1999,
      features: [],
    },
    update: {},
  })
  const subscription = await db.subscription.create({
    data: {
      userId: user.id,
      planId: plan.id,
      status: "ACTIVE",
      startedAt: d(paidAt[0]!),
      currentPeriodStart: d(paidAt[0]!),
      currentPeriodEnd: d("2026-12-31T00:00:00Z"),
    },
  })
  const payments = []
  for (const at of paidAt) {
    sequence += 1
    payments.push(
      await db.payment.create({
        data: {
          polarOrderId: `seat_${sequence}_${user.id}`,
          userId: user.id,
          subscriptionId: subscription.id,
          amountCents: 1999,
          billingReason: "subscription_cycle",
          paidAt: d(at),
        },
      }),
    )
  }
  return { userId: user.id, subscriptionId: subscription.id, payments }
}

async function stored(client: Pick<typeof db, "order">, subscriptionId: string): Promise<StoredOrder[]> {
  return client.order.findMany({
    where: { subscriptionId },
    select: {
      id: true,
      status: true,
      stint: true,
      seats: true,
      paymentId: true,
      amountCents: true,
      paidAt: true,
      assigneeId: true,
      fulfilledAt: true,
      releaseDueAt: true,
      releasedAt: true,
      refundedAt: true,
      createdAt: true,
    },
  })
}

async function reconcile(s: Awaited<ReturnType<typeof subscriptionWithPayments>>, planned: PlannedSeatOrder[]) {
  return db.$transaction(async (tx) =>
    reconcileSeatOrders(tx, {
      subscriptionId: s.subscriptionId,
      userId: s.userId,
      planned,
      stored: await stored(tx, s.subscriptionId),
      amountOf: () => 1999,
    }),
  )
}

const timeline = async (orderId: string) =>
  (await db.orderEvent.findMany({ where: { orderId }, orderBy: [{ at: "asc" }, { type: "asc" }] })).map((e) => [
    e.type,
    e.at.toISOString(),
  ])

test("an order opens once, due 24 hours after its payment, however often it is reconciled", async () => {
  const s = await subscriptionWithPayments("2026-05-01T10:00:00Z")
  const planned = [{ stint: 0, seats: 1, paymentId: s.payments[0]!.id, paidAt: s.payments[0]!.paidAt, closed: null }]
  const first = await reconcile(s, planned)
  const again = await reconcile(s, planned)
  expect(first.opened).toHaveLength(1)
  expect(again.opened).toEqual([])
  const order = await db.order.findUniqueOrThrow({ where: { id: first.opened[0]!.id } })
  expect(order).toMatchObject({ status: "PENDING", dueAt: d("2026-05-02T10:00:00Z") }) // 10:00 + 24 h
  expect(await timeline(order.id)).toEqual([["PAID", "2026-05-01T10:00:00.000Z"]])
})

test("an earlier payment arriving late takes over the same order: its payment, paid time and deadline move", async () => {
  const s = await subscriptionWithPayments("2026-05-01T10:00:00Z", "2026-06-01T10:00:00Z")
  const [first, renewal] = s.payments
  const { opened } = await reconcile(s, [
    { stint: 0, seats: 1, paymentId: renewal!.id, paidAt: renewal!.paidAt, closed: null },
  ])
  await db.order.update({
    where: { id: opened[0]!.id },
    data: { status: "FULFILLED", fulfilledAt: d("2026-06-01T12:00:00Z") },
  })
  const later = await reconcile(s, [{ stint: 0, seats: 1, paymentId: first!.id, paidAt: first!.paidAt, closed: null }])
  expect(later).toEqual({ opened: [], closedAsDuplicate: [] })
  const orders = await db.order.findMany({ where: { subscriptionId: s.subscriptionId } })
  // Staff's delivery stands; only what billing decides moved.
  expect(orders.map((o) => [o.id, o.status, o.paymentId, o.dueAt.toISOString()])).toEqual([
    [opened[0]!.id, "FULFILLED", first!.id, "2026-05-02T10:00:00.000Z"],
  ])
  expect(await timeline(opened[0]!.id)).toEqual([["PAID", "2026-05-01T10:00:00.000Z"]])
})

test("an end cancels an order not delivered and asks for a delivered seat back; a refund overrides; both re-decide", async () => {
  const s = await subscriptionWithPayments("2026-05-01T10:00:00Z")
  const open = { stint: 0, seats: 1, paymentId: s.payments[0]!.id, paidAt: s.payments[0]!.paidAt }
  const { opened } = await reconcile(s, [{ ...open, closed: null }])
  const id = opened[0]!.id
  await reconcile(s, [{ ...open, closed: { at: d("2026-05-20T00:00:00Z"), reason: "ended" } }])
  expect(await db.order.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CANCELED", releaseDueAt: null })
  // A refund dated before the end arrives later: the order was refunded, not canceled.
  await reconcile(s, [{ ...open, closed: { at: d("2026-05-10T00:00:00Z"), reason: "refunded" } }])
  expect(await db.order.findUniqueOrThrow({ where: { id } })).toMatchObject({
    status: "REFUNDED",
    refundedAt: d("2026-05-10T00:00:00Z"),
  })
  expect(await timeline(id)).toEqual([
    ["PAID", "2026-05-01T10:00:00.000Z"],
    ["REFUNDED", "2026-05-10T00:00:00.000Z"],
    ["CANCELED", "2026-05-20T00:00:00.000Z"],
  ])

  const t = await subscriptionWithPayments("2026-05-01T10:00:00Z")
  const delivered = { stint: 0, seats: 1, paymentId: t.payments[0]!.id, paidAt: t.payments[0]!.paidAt }
  const [order] = (await reconcile(t, [{ ...delivered, closed: null }])).opened
  await db.order.update({
    where: { id: order!.id },
    data: { status: "FULFILLED", fulfilledAt: d("2026-05-01T12:00:00Z") },
  })
  await reconcile(t, [{ ...delivered, closed: { at: d("2026-05-20T00:00:00Z"), reason: "ended" } }])
  expect(await db.order.findUniqueOrThrow({ where: { id: order!.id } })).toMatchObject({
    status: "FULFILLED",
    releaseDueAt: d("2026-05-20T00:00:00Z"),
  })
})

test("an order no longer owed is deleted if nobody worked on it, else canceled (or released once delivered), once", async () => {
  const s = await subscriptionWithPayments("2026-05-01T10:00:00Z", "2026-06-01T10:00:00Z")
  const both = s.payments.map((p) => ({ stint: 0, seats: 1, paymentId: p.id, paidAt: p.paidAt, closed: null }))
  const { opened } = await reconcile(s, both)
  const one = await reconcile(s, [both[0]!])
  expect(one.closedAsDuplicate).toEqual([opened[1]!.id])
  expect((await reconcile(s, [both[0]!])).closedAsDuplicate).toEqual([])
  expect((await db.order.findMany({ where: { subscriptionId: s.subscriptionId } })).map((o) => o.status)).toEqual([
    "PENDING",
  ])

  const t = await subscriptionWithPayments("2026-05-01T10:00:00Z", "2026-06-01T10:00:00Z")
  const twice = t.payments.map((p) => ({ stint: 0, seats: 1, paymentId: p.id, paidAt: p.paidAt, closed: null }))
  const [, worked] = (await reconcile(t, twice)).opened
  await db.order.update({
    where: { id: worked!.id },
    data: { status: "FULFILLED", fulfilledAt: d("2026-06-01T12:00:00Z") },
  })
  // The delivered one is kept for the seat; the other, untouched, goes.
  const kept = await reconcile(t, [twice[0]!])
  expect(kept.closedAsDuplicate).toHaveLength(1)
  const rows = await db.order.findMany({ where: { subscriptionId: t.subscriptionId } })
  expect(rows.map((o) => [o.id, o.status, o.paymentId])).toEqual([[worked!.id, "FULFILLED", t.payments[0]!.id]])
})
