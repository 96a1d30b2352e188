import { beforeAll, describe, expect, test } from "vitest"
import { db } from "@/lib/db"
import { at, delivery, ensurePlans, nextId, post, story } from "@/lib/billing/testing/polar-events"
import type { TestPlan } from "@/lib/billing/test-mode/payloads"
import { createTestUser } from "@/lib/testing/fixtures"

type Plans = Awaited<ReturnType<typeof ensurePlans>>
let plans: Plans

beforeAll(async () => {
  plans = await ensurePlans()
})

async function customer() {
  const user = await createTestUser()
  return { userId: user.id, email: user.email, name: "Ada Lovelace" }
}

async function counts() {
  const [deliveries, subscriptions, changes, payments, orders, users] = await Promise.all([
    db.webhookDelivery.count(),
    db.subscription.count(),
    db.subscriptionChange.count(),
    db.payment.count(),
    db.order.count(),
    db.user.count(),
  ])
  return { deliveries, subscriptions, changes, payments, orders, users }
}

// Polar's timestamps must be recent for the signature check (5 minutes), the snapshots' own times need not.
const T0 = at("2026-03-01T09:00:00Z")

describe("signatures", () => {
  test("a valid signature is processed: the subscription, its ledger row and the delivery", async () => {
    const c = await customer()
    const s = story(c, T0)
    const d = delivery(s.subscription("subscription.created", plans.monthly, null))
    const response = await post(d)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ received: true })
    const sub = await db.subscription.findUniqueOrThrow({
      where: { polarSubscriptionId: s.id },
      include: { changes: true },
    })
    expect(sub).toMatchObject({ userId: c.userId, status: "ACTIVE", mrrCents: 1999, planId: plans.monthly.id })
    expect(sub.changes.map((r) => [r.kind, r.mrrDeltaCents, r.effectiveAt.toISOString()])).toEqual([
      ["NEW", 1999, T0.toISOString()],
    ])
    expect(
      await db.webhookDelivery.findUniqueOrThrow({ where: { provider_eventId: { provider: "polar", eventId: d.id } } }),
    ).toMatchObject({
      status: "PROCESSED",
      eventType: "subscription.created",
      attempts: 1,
      error: null,
    })
  })

  test("a bad or missing signature is 403, writes only a security event", async () => {
    const c = await customer()
    const d = delivery(story(c, T0).subscription("subscription.created", plans.monthly, null))
    const before = await counts()
    const securityBefore = await db.securityEvent.count({ where: { kind: "webhook.bad_signature" } })
    const wrongSecret = await post(d, { secret: "whsec_" + Buffer.from("someone else").toString("base64") })
    const garbage = await post(d, { signature: "v1,AAAA" })
    const missing = await post(d, { headers: { "webhook-signature": "" } })
    for (const response of [wrongSecret, garbage, missing]) {
      expect(response.status).toBe(403)
      expect((await response.json()).error.code).toBe("forbidden")
    }
    expect(await counts()).toEqual(before)
    expect(await db.securityEvent.count({ where: { kind: "webhook.bad_signature" } })).toBe(securityBefore + 3)
  })

  test("a signature older than five minutes is refused (no replay of captured deliveries)", async () => {
    const c = await customer()
    const d = delivery(story(c, T0).subscription("subscription.created", plans.monthly, null))
    const { signWebhook } = await import("@/lib/billing/test-mode/sign")
    const { TEST_MODE_WEBHOOK_SECRET } = await import("@/lib/billing/webhook-secret")
    const old = signWebhook(TEST_MODE_WEBHOOK_SECRET, { id: d.id, timestamp: Date.now() / 1000 - 600, body: d.body })
    expect((await post(d, { headers: old })).status).toBe(403)
  })
})

describe("idempotency", () => {
  test("the same delivery three times has one effect; repeats answer 200 duplicate", async () => {
    const c = await customer()
    const s = story(c, T0)
    const d = delivery(
      s.order("order.paid", plans.monthly, { id: nextId("ord"), at: T0, billingReason: "subscription_create" }),
    )
    const before = await counts()
    const answers = []
    for (let i = 0; i < 3; i++) answers.push(await post(d))
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200])
    expect(await answers[1]!.json()).toEqual({ received: true, duplicate: true })
    expect(await counts()).toEqual({
      ...before,
      deliveries: before.deliveries + 1,
      subscriptions: before.subscriptions + 1,
      changes: before.changes + 1,
      payments: before.payments + 1,
      orders: before.orders + 1,
    })
  })

  test("three concurrent copies of one delivery still apply once", async () => {
    const c = await customer()
    const s = story(c, T0)
    const d = delivery(
      s.order("order.paid", plans.team, { id: nextId("ord"), at: T0, billingReason: "subscription_create" }),
    )
    const answers = await Promise.all([post(d), post(d), post(d)])
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200])
    const sub = await db.subscription.findUniqueOrThrow({
      where: { polarSubscriptionId: s.id },
      include: { changes: true, payments: true, orders: true },
    })
    expect([sub.changes.length, sub.payments.length, sub.orders.length, sub.mrrCents]).toEqual([1, 1, 1, 4900])
  })
})

describe("out of order", () => {
  /** One subscription's life; each entry is one delivery. */
  function life(
    plan: { monthly: TestPlan; team: TestPlan },
    c: Awaited<ReturnType<typeof customer>>,
    ending: "active" | "revoked",
  ) {
    const s = story(c, T0)
    const day = (n: number) => new Date(T0.getTime() + n * 86_400_000)
    const events = [
      s.subscription("subscription.created", plan.monthly, null),
      s.subscription("subscription.active", plan.monthly, day(0.001)),
      s.order("order.paid", plan.monthly, {
        id: nextId("ord"),
        at: day(0.001),
        billingReason: "subscription_create",
        sub: s.snapshot(day(0.001), {}),
      }),
      s.subscription("subscription.updated", plan.team, day(10)),
      s.subscription("subscription.canceled", plan.team, day(15), { cancelAtPeriodEnd: true, canceledAt: day(15) }),
      s.subscription("subscription.uncanceled", plan.team, day(16), { cancelAtPeriodEnd: false, canceledAt: null }),
    ]
    if (ending === "revoked")
      events.push(
        s.subscription("subscription.revoked", plan.team, day(20), {
          status: "canceled",
          canceledAt: day(20),
          endedAt: day(20),
        }),
      )
    return { s, events: events.map((e) => delivery(e)) }
  }

  function shuffle<T>(items: T[], seed: number): T[] {
    const result = [...items]
    let state = seed
    for (let i = result.length - 1; i > 0; i--) {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31
      const j = state % (i + 1)
      ;[result[i], result[j]] = [result[j]!, result[i]!]
    }
    return result
  }

  test.each([1, 2, 3, 4, 5])("shuffled stream %i ends on team, not canceling, MRR 4900 = its ledger", async (seed) => {
    const { s, events } = life(plans, await customer(), "active")
    for (const d of [...shuffle(events, seed), events[0]!]) expect((await post(d)).status).toBe(200)
    const sub = await db.subscription.findUniqueOrThrow({
      where: { polarSubscriptionId: s.id },
      include: { changes: true, orders: true, payments: true },
    })
    expect(sub).toMatchObject({
      status: "ACTIVE",
      planId: plans.team.id,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      endedAt: null,
      mrrCents: 4900,
    })
    expect(sub.changes.reduce((sum, r) => sum + r.mrrDeltaCents, 0)).toBe(4900)
    expect(sub.sourceUpdatedAt?.toISOString()).toBe("2026-03-17T09:00:00.000Z") // day 16
    expect(sub.payments.map((p) => p.amountCents)).toEqual([1999])
    expect(sub.orders.map((o) => [o.status, o.dueAt.toISOString()])).toEqual([["PENDING", "2026-03-02T09:01:26.400Z"]]) // paid at day 0.001 (+86.4 s), due 24 h later
  })

  test.each([6, 7, 8, 9])(
    "shuffled stream %i ending in a revocation ends canceled with MRR 0 and the unfulfilled order canceled",
    async (seed) => {
      const { s, events } = life(plans, await customer(), "revoked")
      for (const d of shuffle(events, seed)) expect((await post(d)).status).toBe(200)
      const sub = await db.subscription.findUniqueOrThrow({
        where: { polarSubscriptionId: s.id },
        include: { changes: true, orders: true },
      })
      expect(sub).toMatchObject({ status: "CANCELED", planId: plans.team.id, mrrCents: 0 })
      expect(sub.endedAt?.toISOString()).toBe("2026-03-21T09:00:00.000Z")
      expect(sub.changes.reduce((sum, r) => sum + r.mrrDeltaCents, 0)).toBe(0)
      expect(sub.orders.map((o) => o.status)).toEqual(["CANCELED"])
    },
  )
})

describe("what is stored and what is refused", () => {
  test("an unknown event type is stored as IGNORED and acknowledged with 202", async () => {
    const d = delivery({ type: "galaxy.exploded", timestamp: new Date().toISOString(), data: { id: "gal_1" } })
    const before = await counts()
    const response = await post(d)
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual({ received: true, ignored: true })
    expect(
      await db.webhookDelivery.findUniqueOrThrow({ where: { provider_eventId: { provider: "polar", eventId: d.id } } }),
    ).toMatchObject({ status: "IGNORED", eventType: "galaxy.exploded" })
    expect(await counts()).toEqual({ ...before, deliveries: before.deliveries + 1 })
    expect((await post(d)).status).toBe(200) // a repeat is a duplicate
  })

  test("a known type we do not act on (benefit.created) is stored as IGNORED too", async () => {
    const d = delivery({ type: "benefit.created", timestamp: new Date().toISOString(), data: { id: "ben_1" } })
    expect((await post(d)).status).toBe(202)
    expect(
      (
        await db.webhookDelivery.findUniqueOrThrow({
          where: { provider_eventId: { provider: "polar", eventId: d.id } },
        })
      ).status,
    ).toBe("IGNORED")
  })

  test("a malformed payload is 4xx and writes nothing", async () => {
    const c = await customer()
    const event = story(c, T0).subscription("subscription.created", plans.monthly, null) as {
      data: Record<string, unknown>
    }
    const before = await counts()
    const wrongShape = await post(
      delivery({ ...event, data: { ...event.data, status: "sleeping", current_period_end: "tomorrow" } }),
    )
    expect(wrongShape.status).toBe(422)
    const body = await wrongShape.json()
    expect(body.error.code).toBe("unprocessable_entity")
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "data.current_period_end",
      "data.status",
    ])
    expect((await post(delivery({ ...event, data: undefined }))).status).toBe(422)
    expect((await post({ id: nextId("msg"), body: "{not json" })).status).toBe(400)
    expect((await post(delivery({ data: {} }))).status).toBe(422) // no type at all
    expect(await counts()).toEqual(before)
  })

  test("a customer who bought without our id is found by email, or becomes a new subscriber", async () => {
    const known = await createTestUser()
    const s1 = story({ userId: "not-our-id", email: known.email, name: null }, T0)
    expect(await post(delivery(s1.subscription("subscription.created", plans.monthly, null)))).toHaveProperty(
      "status",
      200,
    )
    expect((await db.subscription.findUniqueOrThrow({ where: { polarSubscriptionId: s1.id } })).userId).toBe(known.id)
    const email = `${nextId("walkin")}@example.com`.toLowerCase()
    const s2 = story({ userId: "also-not-ours", email, name: "Walk In" }, T0)
    expect(await post(delivery(s2.subscription("subscription.created", plans.annual, null)))).toHaveProperty(
      "status",
      200,
    )
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { subscriptions: true } })
    expect(user).toMatchObject({ role: "SUBSCRIBER", name: "Walk In", polarCustomerId: "cus_test_also-not-ours" })
    expect(user.subscriptions.map((s) => s.mrrCents)).toEqual([1658])
  })

  test("an order for a subscription we have not seen, without the subscription inside, fails (500) so Polar retries", async () => {
    const c = await customer()
    const s = story(c, T0)
    const d = delivery(
      s.order("order.paid", plans.monthly, {
        id: nextId("ord"),
        at: T0,
        billingReason: "subscription_create",
        sub: null,
      }),
    )
    const withoutSub = JSON.parse(d.body) as { data: Record<string, unknown> }
    withoutSub.data.subscription_id = s.id
    const retried = { id: d.id, body: JSON.stringify(withoutSub) }
    const response = await post(retried)
    expect(response.status).toBe(500)
    expect((await response.json()).error.code).toBe("internal_error")
    const stored = await db.webhookDelivery.findUniqueOrThrow({
      where: { provider_eventId: { provider: "polar", eventId: d.id } },
    })
    expect(stored).toMatchObject({ status: "FAILED", attempts: 1 })
    expect(stored.error).toMatch(/has not arrived yet/)
    // The subscription arrives, Polar retries the order: processed, once.
    expect((await post(delivery(s.subscription("subscription.created", plans.monthly, null)))).status).toBe(200)
    expect((await post(retried)).status).toBe(200)
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      status: "PROCESSED",
      attempts: 2,
      error: null,
    })
    expect(await db.order.count({ where: { subscription: { polarSubscriptionId: s.id } } })).toBe(1)
  })

  test("customer.updated renames the subscriber and takes a verified new email", async () => {
    const c = await customer()
    await post(delivery(story(c, T0).subscription("subscription.created", plans.monthly, null)))
    const email = `${nextId("renamed")}@example.com`.toLowerCase()
    const updated = {
      type: "customer.updated",
      timestamp: new Date().toISOString(),
      data: { id: `cus_test_${c.userId}`, external_id: c.userId, email, email_verified: true, name: "Ada King" },
    }
    expect((await post(delivery(updated))).status).toBe(200)
    expect(await db.user.findUniqueOrThrow({ where: { id: c.userId } })).toMatchObject({
      name: "Ada King",
      email,
      polarCustomerId: `cus_test_${c.userId}`,
    })
  })
})
