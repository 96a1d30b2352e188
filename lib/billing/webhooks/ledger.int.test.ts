import { beforeAll, expect, test } from "vitest"
import { db } from "@/lib/db"
import { at, delivery, ensurePlans, nextId, post, story } from "@/lib/billing/testing/polar-events"
import { mrrAt } from "@/lib/revenue/mrr"
import { createTestUser } from "@/lib/testing/fixtures"

// Every MRR movement through real webhook deliveries, with the figures worked out by hand:
// monthly $19.99 → 1999, team $49 → 4900, annual $199 → 19900 / 12 = 1658.33 → 1658.

let plans: Awaited<ReturnType<typeof ensurePlans>>
beforeAll(async () => {
  plans = await ensurePlans()
})

async function begin(start: string) {
  const user = await createTestUser()
  return story({ userId: user.id, email: user.email, name: null }, at(start))
}

async function send(event: unknown) {
  const response = await post(delivery(event))
  expect(response.status).toBe(200)
}

async function ledger(polarId: string) {
  const sub = await db.subscription.findUniqueOrThrow({
    where: { polarSubscriptionId: polarId },
    include: { changes: { orderBy: { effectiveAt: "asc" } } },
  })
  return {
    sub,
    rows: sub.changes.map((c) => [c.kind, c.mrrDeltaCents, c.effectiveAt.toISOString()]),
    at: (iso: string) => mrrAt(sub.changes, at(iso)),
  }
}

test("upgrade mid-month, monthly → team: NEW +1999, then EXPANSION +2901 when Polar changed it", async () => {
  const s = await begin("2026-01-01T00:00:00Z")
  await send(s.subscription("subscription.created", plans.monthly, null))
  await send(s.subscription("subscription.updated", plans.team, at("2026-01-15T12:00:00Z")))
  const l = await ledger(s.id)
  expect(l.rows).toEqual([
    ["NEW", 1999, "2026-01-01T00:00:00.000Z"],
    ["EXPANSION", 2901, "2026-01-15T12:00:00.000Z"], // 4900 − 1999
  ])
  expect([l.at("2026-01-10T00:00:00Z"), l.at("2026-01-20T00:00:00Z"), l.sub.mrrCents]).toEqual([1999, 4900, 4900])
})

test("downgrade, team → monthly: CONTRACTION −2901", async () => {
  const s = await begin("2026-02-01T00:00:00Z")
  await send(s.subscription("subscription.created", plans.team, null))
  await send(s.subscription("subscription.updated", plans.monthly, at("2026-02-10T00:00:00Z")))
  const l = await ledger(s.id)
  expect(l.rows).toEqual([
    ["NEW", 4900, "2026-02-01T00:00:00.000Z"],
    ["CONTRACTION", -2901, "2026-02-10T00:00:00.000Z"],
  ])
  expect(l.sub.mrrCents).toBe(1999)
})

test("churn then reactivation in the same month: CHURN −1999, REACTIVATION +1999, net 0 for May; a new order once the seat was released", async () => {
  const s = await begin("2026-05-01T00:00:00Z")
  const paid = {
    id: nextId("ord"),
    at: at("2026-05-01T00:00:00Z"),
    billingReason: "subscription_create" as const,
    sub: s.snapshot(null, {}),
  }
  await send(s.order("order.paid", plans.monthly, paid))
  const first = await db.order.findFirstOrThrow({ where: { subscription: { polarSubscriptionId: s.id } } })
  await db.order.update({
    where: { id: first.id },
    data: { status: "FULFILLED", fulfilledAt: at("2026-05-01T12:00:00Z") },
  })

  await send(s.subscription("subscription.past_due", plans.monthly, at("2026-05-05T00:00:00Z"), { status: "past_due" }))
  expect((await ledger(s.id)).sub).toMatchObject({ status: "PAST_DUE", mrrCents: 1999 }) // dunning still counts
  await send(
    s.subscription("subscription.revoked", plans.monthly, at("2026-05-10T00:00:00Z"), {
      status: "unpaid",
      endedAt: at("2026-05-10T00:00:00Z"),
    }),
  )
  expect(await db.order.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
    releaseDueAt: at("2026-05-10T00:00:00Z"),
  })

  const back = s.snapshot(at("2026-05-20T00:00:00Z"), { status: "active", endedAt: null })
  await send(
    s.order("order.paid", plans.monthly, {
      id: nextId("ord"),
      at: at("2026-05-20T00:00:00Z"),
      billingReason: "subscription_cycle",
      sub: back,
    }),
  )
  const l = await ledger(s.id)
  expect(l.rows).toEqual([
    ["NEW", 1999, "2026-05-01T00:00:00.000Z"],
    ["CHURN", -1999, "2026-05-10T00:00:00.000Z"],
    ["REACTIVATION", 1999, "2026-05-20T00:00:00.000Z"],
  ])
  expect([l.at("2026-05-15T00:00:00Z"), l.at("2026-05-31T00:00:00Z"), l.sub.status, l.sub.endedAt]).toEqual([
    0,
    1999,
    "ACTIVE",
    null,
  ])
  const orders = await db.order.findMany({ where: { subscriptionId: l.sub.id }, orderBy: { paidAt: "asc" } })
  expect(orders.map((o) => [o.status, o.dueAt.toISOString()])).toEqual([
    ["FULFILLED", "2026-05-02T00:00:00.000Z"],
    ["PENDING", "2026-05-21T00:00:00.000Z"], // 24 hours after the reactivating payment
  ])
})

test("annual plan: one twelfth of $199 a month, NEW +1658", async () => {
  const s = await begin("2026-06-01T00:00:00Z")
  await send(s.subscription("subscription.created", plans.annual, null))
  expect((await ledger(s.id)).rows).toEqual([["NEW", 1658, "2026-06-01T00:00:00.000Z"]])
})

test("a refund moves no MRR; only the revocation that follows does", async () => {
  const s = await begin("2026-07-01T00:00:00Z")
  const orderId = nextId("ord")
  await send(
    s.order("order.paid", plans.monthly, {
      id: orderId,
      at: at("2026-07-01T00:00:00Z"),
      billingReason: "subscription_create",
      sub: s.snapshot(null, {}),
    }),
  )
  await send(
    s.order("order.refunded", plans.monthly, {
      id: orderId,
      at: at("2026-07-01T00:00:00Z"),
      billingReason: "subscription_create",
      sub: null,
      status: "partially_refunded",
      refundedCents: 500,
    }),
  )
  expect(await db.payment.findUniqueOrThrow({ where: { polarOrderId: orderId } })).toMatchObject({
    status: "PARTIALLY_REFUNDED",
    refundedCents: 500,
  })
  expect((await db.order.findFirstOrThrow({ where: { payment: { polarOrderId: orderId } } })).status).toBe("PENDING")

  await send(
    s.order("order.refunded", plans.monthly, {
      id: orderId,
      at: at("2026-07-01T00:00:00Z"),
      billingReason: "subscription_create",
      sub: null,
      status: "refunded",
      refundedCents: 1999,
    }),
  )
  expect(await db.payment.findUniqueOrThrow({ where: { polarOrderId: orderId } })).toMatchObject({
    status: "REFUNDED",
    refundedCents: 1999,
  })
  expect((await db.order.findFirstOrThrow({ where: { payment: { polarOrderId: orderId } } })).status).toBe("REFUNDED")
  expect((await ledger(s.id)).rows).toEqual([["NEW", 1999, "2026-07-01T00:00:00.000Z"]])

  // A late copy of the partial refund changes nothing.
  await send(
    s.order("order.refunded", plans.monthly, {
      id: orderId,
      at: at("2026-07-01T00:00:00Z"),
      billingReason: "subscription_create",
      sub: null,
      status: "partially_refunded",
      refundedCents: 500,
    }),
  )
  expect(await db.payment.findUniqueOrThrow({ where: { polarOrderId: orderId } })).toMatchObject({
    status: "REFUNDED",
    refundedCents: 1999,
  })

  await send(
    s.subscription("subscription.revoked", plans.monthly, at("2026-07-02T00:00:00Z"), {
      status: "canceled",
      canceledAt: at("2026-07-02T00:00:00Z"),
      endedAt: at("2026-07-02T00:00:00Z"),
    }),
  )
  expect((await ledger(s.id)).rows).toEqual([
    ["NEW", 1999, "2026-07-01T00:00:00.000Z"],
    ["CHURN", -1999, "2026-07-02T00:00:00.000Z"],
  ])
})

test("a cancellation at period end keeps MRR until the subscription is revoked at the end", async () => {
  const s = await begin("2026-08-01T00:00:00Z")
  await send(s.subscription("subscription.created", plans.monthly, null))
  await send(
    s.subscription("subscription.canceled", plans.monthly, at("2026-08-10T00:00:00Z"), {
      cancelAtPeriodEnd: true,
      canceledAt: at("2026-08-10T00:00:00Z"),
    }),
  )
  expect((await ledger(s.id)).sub).toMatchObject({ status: "ACTIVE", cancelAtPeriodEnd: true, mrrCents: 1999 })
  await send(
    s.subscription("subscription.revoked", plans.monthly, at("2026-08-31T00:00:00Z"), {
      status: "canceled",
      cancelAtPeriodEnd: true,
      canceledAt: at("2026-08-10T00:00:00Z"),
      endedAt: at("2026-08-31T00:00:00Z"),
    }),
  )
  const l = await ledger(s.id)
  expect(l.rows).toEqual([
    ["NEW", 1999, "2026-08-01T00:00:00.000Z"],
    ["CHURN", -1999, "2026-08-31T00:00:00.000Z"],
  ])
  expect(l.sub).toMatchObject({ status: "CANCELED", mrrCents: 0 })
})
