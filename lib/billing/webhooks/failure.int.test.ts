import { beforeAll, expect, test, vi } from "vitest"
import { GET as listDeliveries } from "@/app/api/admin/webhooks/route"
import { POST as replay } from "@/app/api/admin/webhooks/[id]/replay/route"
import { db } from "@/lib/db"
import { at, delivery, ensurePlans, nextId, post, story } from "@/lib/billing/testing/polar-events"
import { createTestUser, signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"

// Queuing the order-received email is the last write of an order.paid: failing there proves that
// the subscription, the ledger row, the receipt and the order written before it roll back with it.
const failure = vi.hoisted(() => ({ on: false }))
vi.mock("@/lib/email/send", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/email/send")>()
  return {
    ...original,
    queueEmail: async (...args: Parameters<typeof original.queueEmail>) => {
      if (failure.on) throw new Error("the mail queue is on fire")
      return original.queueEmail(...args)
    },
  }
})

let plans: Awaited<ReturnType<typeof ensurePlans>>
beforeAll(async () => {
  plans = await ensurePlans()
})

test("a failure mid-transaction leaves nothing half-applied; the delivery shows FAILED and staff replay it", async () => {
  const user = await createTestUser()
  const s = story({ userId: user.id, email: user.email, name: null }, at("2026-04-01T10:00:00Z"))
  const d = delivery(
    s.order("order.paid", plans.monthly, {
      id: nextId("ord"),
      at: at("2026-04-01T10:00:00Z"),
      billingReason: "subscription_create",
    }),
  )

  failure.on = true
  const response = await post(d)
  expect(response.status).toBe(500)
  expect((await response.json()).error.code).toBe("internal_error")
  expect(await db.subscription.count({ where: { userId: user.id } })).toBe(0)
  expect(await db.subscriptionChange.count({ where: { subscription: { userId: user.id } } })).toBe(0)
  expect(await db.payment.count({ where: { userId: user.id } })).toBe(0)
  expect(await db.order.count({ where: { userId: user.id } })).toBe(0)
  expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { polarCustomerId: true } })).toEqual({
    polarCustomerId: null,
  })

  const engineer = await signedInAs("ENGINEER")
  const failed = await callRoute(listDeliveries, "GET", "/api/admin/webhooks?status=FAILED", {
    cookie: engineer.cookie,
  })
  expect(failed.status).toBe(200)
  const page = await failed.json()
  const item = page.items.find((i: { eventId: string }) => i.eventId === d.id)
  expect(item).toMatchObject({
    status: "FAILED",
    attempts: 1,
    error: "the mail queue is on fire",
    eventType: "order.paid",
  })

  // Replaying while the cause persists fails again, visibly; once fixed, it applies once.
  const again = await callRoute(replay, "POST", `/api/admin/webhooks/${item.id}/replay`, {
    cookie: engineer.cookie,
    params: { id: item.id },
  })
  expect(await again.json()).toMatchObject({ status: "FAILED", attempts: 2 })
  failure.on = false
  const fixed = await callRoute(replay, "POST", `/api/admin/webhooks/${item.id}/replay`, {
    cookie: engineer.cookie,
    params: { id: item.id },
  })
  expect(fixed.status).toBe(200)
  expect(await fixed.json()).toMatchObject({ status: "PROCESSED", attempts: 3, error: null })
  const sub = await db.subscription.findFirstOrThrow({
    where: { userId: user.id },
    include: { changes: true, payments: true, orders: true },
  })
  expect([sub.changes.length, sub.payments.length, sub.orders.length, sub.mrrCents]).toEqual([1, 1, 1, 1999])

  // Processed is final: a second replay is refused, Polar's own retry is a duplicate.
  const twice = await callRoute(replay, "POST", `/api/admin/webhooks/${item.id}/replay`, {
    cookie: engineer.cookie,
    params: { id: item.id },
  })
  expect(twice.status).toBe(409)
  expect(await (await post(d)).json()).toEqual({ received: true, duplicate: true })
  expect(
    await db.auditLog.count({
      where: { actorId: engineer.user.id, action: "staff.write", targetId: `/api/admin/webhooks/${item.id}/replay` },
    }),
  ).toBe(2)
})

test("replay is for engineers, admins and owners; support may only look", async () => {
  const support = await signedInAs("SUPPORT")
  expect((await callRoute(listDeliveries, "GET", "/api/admin/webhooks", { cookie: support.cookie })).status).toBe(200)
  expect(
    (await callRoute(replay, "POST", "/api/admin/webhooks/x/replay", { cookie: support.cookie, params: { id: "x" } }))
      .status,
  ).toBe(403)
  const owner = await signedInAs("OWNER")
  expect(
    (
      await callRoute(replay, "POST", "/api/admin/webhooks/missing/replay", {
        cookie: owner.cookie,
        params: { id: "missing" },
      })
    ).status,
  ).toBe(404)
})
