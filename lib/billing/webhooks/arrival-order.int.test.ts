import { beforeAll, describe, expect, test } from "vitest"
import { db } from "@/lib/db"
import { type Delivery, at, delivery, ensurePlans, nextId, post, story } from "@/lib/billing/testing/polar-events"
import type { TestCustomer } from "@/lib/billing/test-mode/payloads"
import { mrrAt } from "@/lib/revenue/mrr"
import { createTestUser } from "@/lib/testing/fixtures"

// Each finding of "the money path under real Polar delivery" as its own regression test: the same
// events delivered in Polar's order and in the order that went wrong end in the same state, and the
// figures are worked out by hand. Plans: monthly $19.99 → 1999, team $49 (5 seats) → 4900, annual
// $199 → 19900 / 12 = 1658.33 → 1658.

let plans: Awaited<ReturnType<typeof ensurePlans>>
beforeAll(async () => {
  plans = await ensurePlans()
})

async function buyer(name: string | null = null): Promise<TestCustomer> {
  const user = await createTestUser()
  return { userId: user.id, email: user.email, name }
}

async function deliver(...deliveries: Delivery[]) {
  for (const d of deliveries) expect((await post(d)).status).toBe(200)
}

async function ordersOf(polarSubscriptionId: string) {
  return db.order.findMany({
    where: { subscription: { polarSubscriptionId } },
    orderBy: { paidAt: "asc" },
    select: {
      status: true,
      seats: true,
      stint: true,
      paidAt: true,
      dueAt: true,
      refundedAt: true,
      releaseDueAt: true,
      payment: { select: { polarOrderId: true } },
    },
  })
}

async function ledgerOf(polarSubscriptionId: string) {
  const rows = await db.subscriptionChange.findMany({
    where: { subscription: { polarSubscriptionId } },
    orderBy: [{ effectiveAt: "asc" }, { kind: "asc" }],
  })
  return rows.map((row) => [row.kind, row.mrrDeltaCents, row.effectiveAt.toISOString()])
}

const mails = (to: string, template: string) => db.emailMessage.count({ where: { to, template } })

describe("1. one seat order per seat, whatever the arrival order", () => {
  test("a renewal paid before the first payment's delivery: one order, dated at the first payment, one order-received email", async () => {
    const c = await buyer()
    const s = story(c, at("2026-01-01T09:00:00Z"))
    const created = delivery(s.subscription("subscription.created", plans.monthly, null))
    const first = delivery(
      s.order("order.paid", plans.monthly, {
        id: nextId("ord"),
        at: at("2026-01-01T09:00:00Z"),
        billingReason: "subscription_create",
      }),
    )
    const renewal = delivery(
      s.order("order.paid", plans.monthly, {
        id: nextId("ord"),
        at: at("2026-02-01T09:00:00Z"),
        billingReason: "subscription_cycle",
        sub: s.snapshot(at("2026-02-01T09:00:00Z"), {
          currentPeriodStart: at("2026-02-01T09:00:00Z"),
          currentPeriodEnd: at("2026-03-01T09:00:00Z"),
        }),
      }),
    )
    // The first payment's delivery kept failing and aged out: the renewal went ahead of it.
    await deliver(created, renewal, first)
    const orders = await ordersOf(s.id)
    expect(orders).toHaveLength(1)
    expect(orders[0]).toMatchObject({
      status: "PENDING",
      seats: 1,
      stint: 0,
      paidAt: at("2026-01-01T09:00:00Z"),
      dueAt: at("2026-01-02T09:00:00Z"),
    })
    expect(await mails(c.email, "order-received")).toBe(1)
  })

  test("a subscription that ends unpaid leaves no order open; the team plan's order provisions its five seats", async () => {
    const c = await buyer()
    const s = story(c, at("2026-01-05T00:00:00Z"))
    await deliver(
      delivery(
        s.order("order.paid", plans.team, {
          id: nextId("ord"),
          at: at("2026-01-05T00:00:00Z"),
          billingReason: "subscription_create",
        }),
      ),
      delivery(s.subscription("subscription.past_due", plans.team, at("2026-02-05T00:00:00Z"), { status: "past_due" })),
      delivery(
        s.subscription("subscription.revoked", plans.team, at("2026-02-20T00:00:00Z"), {
          status: "unpaid",
          endedAt: at("2026-02-20T00:00:00Z"),
        }),
      ),
    )
    const orders = await ordersOf(s.id)
    expect(orders.map((o) => [o.status, o.seats])).toEqual([["CANCELED", 5]])
  })

  test("a refund delivered before its payment opens no order for staff: the one order is REFUNDED", async () => {
    const c = await buyer()
    const s = story(c, at("2026-01-07T00:00:00Z"))
    const orderId = nextId("ord")
    const paid = delivery(
      s.order("order.paid", plans.monthly, {
        id: orderId,
        at: at("2026-01-07T00:00:00Z"),
        billingReason: "subscription_create",
      }),
    )
    const refunded = delivery(
      s.order("order.refunded", plans.monthly, {
        id: orderId,
        at: at("2026-01-07T00:00:00Z"),
        modifiedAt: at("2026-01-09T00:00:00Z"),
        billingReason: "subscription_create",
        status: "refunded",
        refundedCents: 1999,
      }),
    )
    await deliver(refunded, paid)
    const orders = await ordersOf(s.id)
    expect(orders.map((o) => [o.status, o.refundedAt?.toISOString()])).toEqual([
      ["REFUNDED", "2026-01-09T00:00:00.000Z"],
    ])
    expect(await mails(c.email, "order-received")).toBe(0)
  })
})

describe("2. MRR history is dated at Polar and re-decided by late events", () => {
  test("an upgrade and the end delivered before the subscription's creation give the in-order ledger", async () => {
    const events = (s: ReturnType<typeof story>) => ({
      created: s.subscription("subscription.created", plans.monthly, null),
      upgraded: s.subscription("subscription.updated", plans.team, at("2026-03-10T00:00:00Z")),
      canceled: s.subscription("subscription.canceled", plans.team, at("2026-03-20T00:00:00Z"), {
        cancelAtPeriodEnd: true,
        canceledAt: at("2026-03-20T00:00:00Z"),
      }),
      ended: s.subscription("subscription.revoked", plans.team, at("2026-04-01T00:00:05Z"), {
        status: "canceled",
        endedAt: at("2026-04-01T00:00:00Z"),
      }),
    })
    const inOrder = story(await buyer(), at("2026-02-15T00:00:00Z"))
    const e1 = events(inOrder)
    await deliver(...[e1.created, e1.upgraded, e1.canceled, e1.ended].map((e) => delivery(e)))
    const shuffled = story(await buyer(), at("2026-02-15T00:00:00Z"))
    const e2 = events(shuffled)
    await deliver(...[e2.ended, e2.upgraded, e2.created, e2.canceled].map((e) => delivery(e)))

    // NEW 1999 on Feb 15; team from Mar 10: +2901 (4900 − 1999); the end at Apr 1: −4900.
    const expected = [
      ["NEW", 1999, "2026-02-15T00:00:00.000Z"],
      ["EXPANSION", 2901, "2026-03-10T00:00:00.000Z"],
      ["CHURN", -4900, "2026-04-01T00:00:00.000Z"],
    ]
    expect(await ledgerOf(inOrder.id)).toEqual(expected)
    expect(await ledgerOf(shuffled.id)).toEqual(expected)
    const rows = await db.subscriptionChange.findMany({ where: { subscription: { polarSubscriptionId: shuffled.id } } })
    // Month starts: Mar 1 → 1999, Apr 1 00:00 → 0 (the end is at that very instant), Feb 1 → 0.
    expect(["2026-02-01", "2026-03-01", "2026-04-01"].map((day) => mrrAt(rows, at(`${day}T00:00:00Z`)))).toEqual([
      0, 1999, 0,
    ])
    const sub = await db.subscription.findUniqueOrThrow({ where: { polarSubscriptionId: shuffled.id } })
    // The row is the newest snapshot, the end, whatever arrived last.
    expect(sub).toMatchObject({
      status: "CANCELED",
      mrrCents: 0,
      cancelAtPeriodEnd: false,
      endedAt: at("2026-04-01T00:00:00Z"),
      seats: 0,
    })
  })
})

describe("3. MRR is what the customer really pays", () => {
  test("Polar's own amount, less a forever discount: 2500 − 10% = 2250 a month", async () => {
    const s = story(await buyer(), at("2026-05-01T00:00:00Z"))
    const discount = { id: nextId("dsc"), type: "percentage", basis_points: 1000, duration: "forever" } as never
    await deliver(
      delivery(s.subscription("subscription.created", plans.monthly, null, { amountCents: 2500, discount })),
    )
    expect(await ledgerOf(s.id)).toEqual([["NEW", 2250, "2026-05-01T00:00:00.000Z"]])
  })

  test("annual with a fixed $10 off: (19900 − 1000) / 12 = 1575 a month", async () => {
    const s = story(await buyer(), at("2026-05-02T00:00:00Z"))
    const discount = { id: nextId("dsc"), type: "fixed", amount: 1000, currency: "usd", duration: "forever" } as never
    await deliver(delivery(s.subscription("subscription.created", plans.annual, null, { discount })))
    expect(await ledgerOf(s.id)).toEqual([["NEW", 1575, "2026-05-02T00:00:00.000Z"]])
  })

  test("a repeating discount known only from the subscription event applies to the order's copy too, and ends on time", async () => {
    const s = story(await buyer(), at("2026-01-31T00:00:00Z"))
    const discount = {
      id: nextId("dsc"),
      type: "percentage",
      basis_points: 5000,
      duration: "repeating",
      duration_in_months: 1,
    } as never
    // The order's copy of the subscription names the discount by id only, and arrives first.
    await deliver(
      delivery(
        s.order("order.paid", plans.monthly, {
          id: nextId("ord"),
          at: at("2026-01-31T00:00:00Z"),
          billingReason: "subscription_create",
          sub: s.snapshot(null, { discount }),
        }),
      ),
      delivery(s.subscription("subscription.created", plans.monthly, null, { discount })),
    )
    // 1999 × 50% = 999.5 → 1000 off → 999 a month; one month after Jan 31 is Feb 28: +1000 back to 1999.
    expect(await ledgerOf(s.id)).toEqual([
      ["NEW", 999, "2026-01-31T00:00:00.000Z"],
      ["EXPANSION", 1000, "2026-02-28T00:00:00.000Z"],
    ])
  })
})

describe("4. customer changes are ordered by Polar's time", () => {
  test("an older name arriving last changes nothing; a rename before the user exists waits for it", async () => {
    const c = await buyer("Grace")
    const customerId = `cus_test_${c.userId}`
    const update = (name: string, modified: string) =>
      delivery({
        type: "customer.updated",
        timestamp: modified,
        data: {
          id: customerId,
          external_id: c.userId,
          email: c.email,
          email_verified: true,
          name,
          created_at: "2026-01-01T00:00:00Z",
          modified_at: modified,
        },
      })
    // The newer rename arrives before the customer's first subscription and before the older rename.
    await deliver(update("Grace Hopper", "2026-06-02T00:00:00Z"))
    const s = story(c, at("2026-06-01T00:00:00Z"))
    await deliver(
      delivery(s.subscription("subscription.created", plans.monthly, null)),
      update("Grace H.", "2026-06-01T12:00:00Z"),
    )
    expect(await db.user.findUniqueOrThrow({ where: { id: c.userId }, select: { name: true } })).toEqual({
      name: "Grace Hopper",
    })
  })
})

describe("5. receipts", () => {
  test("a refund delivered first does not date the receipt; a partial refund with tax counts its tax apart", async () => {
    const c = await buyer()
    const s = story(c, at("2026-07-01T00:00:00Z"))
    const orderId = nextId("ord")
    // $19.99 + $4.00 tax = $23.99; then $10.00 refunded with its $2.00 tax.
    const common = {
      id: orderId,
      at: at("2026-07-01T00:00:00Z"),
      billingReason: "subscription_create" as const,
      taxCents: 400,
    }
    const paid = delivery(s.order("order.paid", plans.monthly, { ...common, modifiedAt: at("2026-07-01T00:00:03Z") }))
    const refunded = delivery(
      s.order("order.refunded", plans.monthly, {
        ...common,
        modifiedAt: at("2026-07-20T00:00:00Z"),
        status: "partially_refunded",
        refundedCents: 1000,
        refundedTaxCents: 200,
      }),
    )
    await deliver(refunded)
    // Until order.paid arrives the receipt is dated at the order's creation, never at the refund.
    expect((await db.payment.findUniqueOrThrow({ where: { polarOrderId: orderId } })).paidAt).toEqual(
      at("2026-07-01T00:00:00Z"),
    )
    await deliver(paid)
    const receipt = await db.payment.findUniqueOrThrow({ where: { polarOrderId: orderId } })
    expect(receipt).toMatchObject({
      amountCents: 2399,
      taxCents: 400,
      refundedCents: 1200,
      refundedTaxCents: 200,
      status: "PARTIALLY_REFUNDED",
      paidAt: at("2026-07-01T00:00:03Z"),
    })
    // Kept by the business: (2399 − 400) − (1200 − 200) = 1999 − 1000 = 999.
    expect(receipt.amountCents - receipt.taxCents - (receipt.refundedCents - receipt.refundedTaxCents)).toBe(999)
  })
})

describe("6. addresses Polar accepts are accepted", () => {
  test.each(["zoë@exämple.de", "用户@例子.广告", "o'brien+vip@xn--bcher-kva.example"])("%s", async (email) => {
    const unique = email.replace("@", `.${nextId("u")}@`)
    const c: TestCustomer = { userId: nextId("usr_unknown"), email: unique, name: "Zoë" }
    const s = story(c, at("2026-08-01T00:00:00Z"))
    await deliver(
      delivery(
        s.order("order.paid", plans.monthly, {
          id: nextId("ord"),
          at: at("2026-08-01T00:00:00Z"),
          billingReason: "subscription_create",
        }),
      ),
    )
    const user = await db.user.findUniqueOrThrow({ where: { email: unique.toLowerCase() }, select: { id: true } })
    expect(await db.subscription.count({ where: { userId: user.id, mrrCents: 1999 } })).toBe(1)
  })
})

describe("7. every signed delivery is stored, and first sight of a customer never errors", () => {
  test("a NUL character and a lone surrogate: stored, applied with U+FFFD, the body as received kept", async () => {
    const c: TestCustomer = {
      userId: nextId("usr_unknown"),
      email: `${nextId("nul")}@test.example`,
      name: "Ada\u0000 \uD800Lovelace",
    }
    const s = story(c, at("2026-09-01T00:00:00Z"))
    const d = delivery(s.subscription("subscription.created", plans.monthly, null))
    expect(d.body).toContain("\\u0000")
    await deliver(d)
    const stored = await db.webhookDelivery.findUniqueOrThrow({
      where: { provider_eventId: { provider: "polar", eventId: d.id } },
    })
    expect(stored).toMatchObject({ status: "PROCESSED", rawBody: d.body, subjectId: s.id })
    expect(await db.user.findUniqueOrThrow({ where: { email: c.email }, select: { name: true } })).toEqual({
      name: "Ada\uFFFD \uFFFDLovelace",
    })
  })

  test("two subscriptions of a new customer delivered at the same moment: both 200, one user", async () => {
    const c: TestCustomer = { userId: nextId("usr_unknown"), email: `${nextId("twin")}@test.example`, name: null }
    const a = story(c, at("2026-09-02T00:00:00Z"))
    const b = story(c, at("2026-09-02T00:00:00Z"))
    const responses = await Promise.all([
      post(delivery(a.subscription("subscription.created", plans.monthly, null))),
      post(delivery(b.subscription("subscription.created", plans.annual, null))),
    ])
    expect(responses.map((r) => r.status)).toEqual([200, 200])
    const users = await db.user.findMany({ where: { email: c.email }, select: { id: true, polarCustomerId: true } })
    expect(users).toHaveLength(1)
    expect(await db.subscription.count({ where: { userId: users[0]!.id } })).toBe(2)
  })
})
