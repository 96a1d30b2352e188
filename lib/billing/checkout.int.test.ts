import { beforeAll, describe, expect, test } from "vitest"
import { POST as checkoutPost } from "@/app/api/checkout/route"
import { POST as completePost } from "@/app/api/checkout/test/complete/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { findTestCheckout } from "./checkout"
import { ensurePlans } from "./testing/polar-events"
import { serveWebhooksForTestMode } from "./testing/test-mode-server"

serveWebhooksForTestMode()

let plans: Awaited<ReturnType<typeof ensurePlans>>
beforeAll(async () => {
  plans = await ensurePlans()
})

async function startCheckout(cookie: string, planId: string) {
  const response = await callRoute(checkoutPost, "POST", "/api/checkout", { cookie, body: { planId } })
  expect(response.status).toBe(200)
  const { url } = (await response.json()) as { url: string }
  expect(url).toMatch(/^\/checkout\/test\?token=/)
  return new URL(url, "http://x").searchParams.get("token")!
}

const complete = (cookie: string, token: string, outcome: "paid" | "declined") =>
  callRoute(completePost, "POST", "/api/checkout/test/complete", { cookie, body: { token, outcome } })

describe("POST /api/checkout", () => {
  test("refuses anonymous visitors (401), unknown plans (404) and bad bodies (422)", async () => {
    expect(
      (await callRoute(checkoutPost, "POST", "/api/checkout", { body: { planId: plans.monthly.id } })).status,
    ).toBe(401)
    const { cookie } = await signedInAs("SUBSCRIBER")
    expect((await callRoute(checkoutPost, "POST", "/api/checkout", { cookie, body: { planId: "nope" } })).status).toBe(
      404,
    )
    expect((await callRoute(checkoutPost, "POST", "/api/checkout", { cookie, body: {} })).status).toBe(422)
  })
})

describe("the test-mode checkout", () => {
  test("Pay sends Polar's events to our webhook: an active subscription, a receipt, an order due in 24 hours", async () => {
    const { user, cookie } = await signedInAs("SUBSCRIBER")
    const token = await startCheckout(cookie, plans.monthly.id)
    const found = await findTestCheckout(token, user.id)
    expect(found && "plan" in found ? found.plan.name : null).toBe("Copilot Monthly")

    const before = Date.now()
    const response = await complete(cookie, token, "paid")
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ redirectTo: "/account?checkout=success" })
    const sub = await db.subscription.findFirstOrThrow({
      where: { userId: user.id },
      include: { changes: true, payments: true, orders: true },
    })
    expect(sub).toMatchObject({ status: "ACTIVE", planId: plans.monthly.id, mrrCents: 1999 })
    expect(sub.polarSubscriptionId).toMatch(/^sub_test_/)
    expect(sub.changes.map((c) => [c.kind, c.mrrDeltaCents])).toEqual([["NEW", 1999]])
    expect(sub.payments.map((p) => [p.amountCents, p.billingReason, p.status])).toEqual([
      [1999, "subscription_create", "PAID"],
    ])
    expect(sub.orders).toHaveLength(1)
    expect(sub.orders[0]!.status).toBe("PENDING")
    expect(sub.orders[0]!.dueAt.getTime() - sub.orders[0]!.paidAt.getTime()).toBe(24 * 3_600_000)
    expect(sub.orders[0]!.paidAt.getTime()).toBeGreaterThanOrEqual(before - 1000)
    const suffix = sub.polarSubscriptionId!.replace("sub_test_", "")
    const deliveries = await db.webhookDelivery.findMany({
      where: { eventId: { contains: suffix } },
      orderBy: { eventType: "asc" },
    })
    expect(deliveries.map((d) => [d.eventType, d.status])).toEqual([
      ["checkout.updated", "PROCESSED"],
      ["order.paid", "PROCESSED"],
      ["subscription.active", "PROCESSED"],
      ["subscription.created", "PROCESSED"],
    ])
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { polarCustomerId: true } })).toEqual({
      polarCustomerId: `cus_test_${user.id}`,
    })

    // Paying again delivers the same events again: nothing new. A second checkout is refused.
    expect((await complete(cookie, token, "paid")).status).toBe(200)
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1)
    expect(await db.payment.count({ where: { userId: user.id } })).toBe(1)
    expect(
      (await callRoute(checkoutPost, "POST", "/api/checkout", { cookie, body: { planId: plans.team.id } })).status,
    ).toBe(409)
  })

  test("Card declined sends only the failed checkout: nothing charged, nothing created", async () => {
    const { user, cookie } = await signedInAs("SUBSCRIBER")
    const token = await startCheckout(cookie, plans.team.id)
    const response = await complete(cookie, token, "declined")
    expect(response.status).toBe(200)
    const { redirectTo } = await response.json()
    expect(redirectTo).toMatch(/^\/checkout\/test\?token=.+&declined=1$/)
    expect(await db.subscription.count({ where: { userId: user.id } })).toBe(0)
    expect(await db.payment.count({ where: { userId: user.id } })).toBe(0)
    const checkoutId = (await findTestCheckout(token, user.id)) as { checkout: { checkoutId: string } }
    expect(
      await db.webhookDelivery.findUniqueOrThrow({
        where: { provider_eventId: { provider: "polar", eventId: `msg_${checkoutId.checkout.checkoutId}_failed` } },
      }),
    ).toMatchObject({
      eventType: "checkout.updated",
      status: "PROCESSED",
    })
  })

  test("a checkout is its buyer's only: another user gets 404, a forged token 400", async () => {
    const buyer = await signedInAs("SUBSCRIBER")
    const other = await signedInAs("SUBSCRIBER")
    const token = await startCheckout(buyer.cookie, plans.annual.id)
    expect((await complete(other.cookie, token, "paid")).status).toBe(404)
    expect(await findTestCheckout(token, other.user.id)).toBeNull()
    expect((await complete(buyer.cookie, `${token.split(".")[0]}.forged`, "paid")).status).toBe(400)
    expect(
      (await callRoute(completePost, "POST", "/api/checkout/test/complete", { body: { token, outcome: "paid" } }))
        .status,
    ).toBe(401)
    expect(await db.subscription.count({ where: { userId: { in: [buyer.user.id, other.user.id] } } })).toBe(0)
  })
})
