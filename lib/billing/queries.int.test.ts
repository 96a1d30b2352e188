import { randomBytes } from "node:crypto"
import { expect, test } from "vitest"
import type { OrderStatus, SubscriptionStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { createTestUser } from "@/lib/testing/fixtures"
import { countActiveSubscriptions, countCustomers, getAccountSummary, listActivePlans } from "./queries"

const day = 86_400_000
const t0 = new Date("2026-03-01T00:00:00Z")

async function createPlan(data: { name: string; priceCents: number; sortOrder: number; active?: boolean }) {
  const slug = `${data.name.toLowerCase()}-${randomBytes(3).toString("hex")}`
  return db.plan.create({
    data: { ...data, slug, description: `${data.name} plan`, interval: "MONTH", features: ["Seat"] },
    select: { id: true, slug: true },
  })
}

async function subscribe(
  userId: string,
  planId: string,
  status: SubscriptionStatus,
  createdAt: Date,
  endedAt: Date | null = null,
) {
  return db.subscription.create({
    data: {
      userId,
      planId,
      status,
      createdAt,
      endedAt,
      startedAt: createdAt,
      currentPeriodStart: createdAt,
      currentPeriodEnd: new Date(createdAt.getTime() + 30 * day),
    },
    select: { id: true },
  })
}

async function order(userId: string, subscriptionId: string, status: OrderStatus) {
  await db.order.create({
    data: { userId, subscriptionId, status, amountCents: 1900, paidAt: t0, dueAt: new Date(t0.getTime() + day) },
  })
}

test("listActivePlans returns active plans by sortOrder with only the selected fields", async () => {
  const pro = await createPlan({ name: "Pro", priceCents: 4900, sortOrder: 2 })
  const starter = await createPlan({ name: "Starter", priceCents: 1900, sortOrder: 1 })
  await createPlan({ name: "Legacy", priceCents: 900, sortOrder: 0, active: false })

  const plans = await listActivePlans()
  expect(plans.map((plan) => plan.slug)).toEqual([starter.slug, pro.slug])
  expect(Object.keys(plans[0]).sort()).toEqual([
    "currency",
    "description",
    "features",
    "id",
    "interval",
    "name",
    "priceCents",
    "seats",
    "slug",
  ])
})

test("getAccountSummary is null for a user who never subscribed", async () => {
  const user = await createTestUser()
  expect(await getAccountSummary(user.id)).toBeNull()
})

test("getAccountSummary prefers the newest live subscription over a newer ended one", async () => {
  const user = await createTestUser()
  const plan = await createPlan({ name: "Team", priceCents: 9900, sortOrder: 5 })
  const live = await subscribe(user.id, plan.id, "ACTIVE", new Date(t0.getTime() - 60 * day))
  const ended = await subscribe(user.id, plan.id, "CANCELED", t0, new Date(t0.getTime() + 5 * day))
  await order(user.id, live.id, "FULFILLED")
  await order(user.id, live.id, "FULFILLED")
  await order(user.id, ended.id, "PENDING")
  await order(user.id, ended.id, "REFUNDED")

  const summary = await getAccountSummary(user.id)
  expect(summary?.subscription.id).toBe(live.id)
  expect(summary?.subscription.plan).toEqual({
    id: plan.id,
    name: "Team",
    interval: "MONTH",
    priceCents: 9900,
    currency: "usd",
    seats: 1,
  })
  expect(summary?.orders).toEqual({ PENDING: 1, IN_PROGRESS: 0, FULFILLED: 2, CANCELED: 0, REFUNDED: 1 })
  expect(summary?.totalOrders).toBe(4)
})

test("getAccountSummary falls back to the subscription that ended last", async () => {
  const user = await createTestUser()
  const plan = await createPlan({ name: "Solo", priceCents: 1900, sortOrder: 6 })
  await subscribe(user.id, plan.id, "CANCELED", new Date(t0.getTime() - 90 * day), new Date(t0.getTime() - 60 * day))
  const last = await subscribe(user.id, plan.id, "CANCELED", new Date(t0.getTime() - 30 * day), t0)

  const summary = await getAccountSummary(user.id)
  expect(summary?.subscription.id).toBe(last.id)
  expect(summary?.subscription.endedAt).toEqual(t0)
  expect(summary?.totalOrders).toBe(0)
})

test("customers and live subscriptions are counted once each", async () => {
  const before = { customers: await countCustomers(), live: await countActiveSubscriptions() }
  const plan = await createPlan({ name: "Count", priceCents: 1900, sortOrder: 7 })
  const twice = await createTestUser()
  const once = await createTestUser()
  await createTestUser() // never subscribed: not a customer
  await subscribe(twice.id, plan.id, "ACTIVE", t0)
  await subscribe(twice.id, plan.id, "PAST_DUE", t0)
  await subscribe(once.id, plan.id, "TRIALING", t0)
  await subscribe(once.id, plan.id, "CANCELED", t0, t0)
  await subscribe(once.id, plan.id, "INCOMPLETE", t0)

  expect(await countCustomers()).toBe(before.customers + 2)
  expect(await countActiveSubscriptions()).toBe(before.live + 3)
})
