import { randomUUID } from "node:crypto"
import { beforeAll, expect, test } from "vitest"
import { db } from "@/lib/db"
import { at, delivery, ensurePlans, nextId, post, story } from "@/lib/billing/testing/polar-events"
import { createTestUser } from "@/lib/testing/fixtures"
import { repairBillingFromDeliveries } from "./repair"

let plans: Awaited<ReturnType<typeof ensurePlans>>
beforeAll(async () => {
  plans = await ensurePlans()
})

test("the repair recomputes a damaged subscription from its stored deliveries, closes the duplicate order, and a second run changes nothing", async () => {
  const user = await createTestUser()
  const s = story({ userId: user.id, email: user.email, name: null }, at("2026-01-01T00:00:00Z"))
  const renewalAt = at("2026-02-01T00:00:00Z")
  for (const event of [
    s.subscription("subscription.created", plans.monthly, null),
    s.order("order.paid", plans.monthly, {
      id: nextId("ord"),
      at: at("2026-01-01T00:00:00Z"),
      billingReason: "subscription_create",
    }),
    s.order("order.paid", plans.monthly, {
      id: nextId("ord"),
      at: renewalAt,
      billingReason: "subscription_cycle",
      sub: s.snapshot(renewalAt, { currentPeriodStart: renewalAt }),
    }),
  ]) {
    expect((await post(delivery(event))).status).toBe(200)
  }
  const sub = await db.subscription.findUniqueOrThrow({
    where: { polarSubscriptionId: s.id },
    select: { id: true, userId: true },
  })
  const renewal = await db.payment.findFirstOrThrow({
    where: { subscriptionId: sub.id, billingReason: "subscription_cycle" },
    select: { id: true },
  })

  // What the old code could leave behind: no snapshots, ledger rows it wrote in arrival order (one
  // of them wrong), and a second PENDING order opened by the renewal.
  await db.subscriptionSnapshot.deleteMany({ where: { subscriptionId: sub.id } })
  await db.subscriptionChange.updateMany({
    where: { subscriptionId: sub.id },
    data: { derived: false, reason: "polar subscription.created" },
  })
  await db.subscriptionChange.create({
    data: {
      subscriptionId: sub.id,
      kind: "EXPANSION",
      mrrDeltaCents: 100,
      mrrAfterCents: 2099,
      effectiveAt: renewalAt,
      reason: "polar order subscription_cycle",
    },
  })
  const duplicate = await db.order.create({
    data: {
      id: randomUUID(),
      subscriptionId: sub.id,
      userId: sub.userId,
      paymentId: renewal.id,
      amountCents: 1999,
      paidAt: renewalAt,
      dueAt: at("2026-02-02T00:00:00Z"),
      status: "PENDING",
    },
  })

  const report = await repairBillingFromDeliveries()
  expect(report).toMatchObject({
    deliveries: 3,
    subscriptions: 1,
    ledgerRowsRemoved: 2,
    ledgerRowsAdded: 1,
    duplicateOrdersClosed: [duplicate.id],
  })
  const ledger = await db.subscriptionChange.findMany({
    where: { subscriptionId: sub.id },
    select: { kind: true, mrrDeltaCents: true, effectiveAt: true, derived: true },
  })
  expect(ledger).toEqual([{ kind: "NEW", mrrDeltaCents: 1999, effectiveAt: at("2026-01-01T00:00:00Z"), derived: true }])
  // Nobody had worked on the duplicate: it is gone, its removal audited.
  const orders = await db.order.findMany({
    where: { subscriptionId: sub.id },
    orderBy: { paidAt: "asc" },
    select: { id: true, status: true, paidAt: true },
  })
  expect(orders.map((o) => [o.status, o.paidAt.toISOString()])).toEqual([["PENDING", "2026-01-01T00:00:00.000Z"]])
  expect(await db.auditLog.count({ where: { action: "order.duplicate_closed", targetId: duplicate.id } })).toBe(1)
  expect(await db.subscription.findUniqueOrThrow({ where: { id: sub.id }, select: { mrrCents: true } })).toEqual({
    mrrCents: 1999,
  })

  const again = await repairBillingFromDeliveries()
  expect(again).toMatchObject({ subscriptions: 1, ledgerRowsRemoved: 0, ledgerRowsAdded: 0, duplicateOrdersClosed: [] })
})
