import { expect, test } from "vitest"
import type { OrderStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { createTestUser } from "@/lib/testing/fixtures"
import { getStaffHomeCounts } from "./queries"

const hour = 3_600_000
const now = new Date("2026-03-10T12:00:00Z")

test("staff home counts customers, live subscriptions, open and overdue orders", async () => {
  // This file has its own database, so the figures are absolute.
  expect(await getStaffHomeCounts(now)).toEqual({
    customers: 0,
    activeSubscriptions: 0,
    openOrders: 0,
    overdueOrders: 0,
  })

  const plan = await db.plan.create({
    data: { slug: "orders-test", name: "Pro", description: "Pro", interval: "MONTH", priceCents: 1900, features: [] },
    select: { id: true },
  })
  const [alice, bob] = [await createTestUser(), await createTestUser()]
  const period = { startedAt: now, currentPeriodStart: now, currentPeriodEnd: new Date(now.getTime() + 720 * hour) }
  const aliceSub = await db.subscription.create({
    data: { userId: alice.id, planId: plan.id, status: "ACTIVE", ...period },
    select: { id: true },
  })
  await db.subscription.create({
    data: { userId: bob.id, planId: plan.id, status: "CANCELED", endedAt: now, ...period },
  })

  const orders: Array<[OrderStatus, number]> = [
    ["PENDING", -1], // due an hour ago: overdue
    ["IN_PROGRESS", -5], // overdue
    ["PENDING", +3], // open, not yet due
    ["IN_PROGRESS", 0], // due exactly now: not overdue (strictly before now)
    ["FULFILLED", -48], // closed: neither
    ["CANCELED", -48],
  ]
  for (const [status, dueInHours] of orders) {
    await db.order.create({
      data: {
        userId: alice.id,
        subscriptionId: aliceSub.id,
        status,
        amountCents: 1900,
        paidAt: new Date(now.getTime() - 24 * hour),
        dueAt: new Date(now.getTime() + dueInHours * hour),
      },
    })
  }

  expect(await getStaffHomeCounts(now)).toEqual({
    customers: 2,
    activeSubscriptions: 1,
    openOrders: 4,
    overdueOrders: 2,
  })
})

test("GET /api/admin/summary answers the staff home's figures from the same function", async () => {
  const { GET } = await import("@/app/api/admin/summary/route")
  const { signedInAs } = await import("@/lib/testing/fixtures")
  const { callRoute } = await import("@/lib/testing/http")
  const support = await signedInAs("SUPPORT")
  const response = await callRoute(GET, "GET", "/api/admin/summary", { cookie: support.cookie })
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual(await getStaffHomeCounts())
})
