import { beforeAll, expect, test } from "vitest"
import { POST as refund } from "@/app/api/admin/customers/[id]/refund/route"
import { POST as cancelPost } from "@/app/api/account/subscription/cancel/route"
import { POST as checkoutPost } from "@/app/api/checkout/route"
import { POST as completePost } from "@/app/api/checkout/test/complete/route"
import { db } from "@/lib/db"
import { messageText } from "@/lib/email/plain-text"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { at, delivery, ensurePlans, nextId, post, story } from "../testing/polar-events"
import { serveWebhooksForTestMode } from "../testing/test-mode-server"

// The subscriber hears about each billing change once: welcome and order received on purchase, a
// cancellation notice, a refund notice; replays of the same deliveries send nothing more.
serveWebhooksForTestMode()

let plans: Awaited<ReturnType<typeof ensurePlans>>
beforeAll(async () => {
  plans = await ensurePlans()
})

test("purchase, cancellation and refund each queue their email once", async () => {
  const buyer = await signedInAs("SUBSCRIBER")
  const { url } = await (
    await callRoute(checkoutPost, "POST", "/api/checkout", { cookie: buyer.cookie, body: { planId: plans.monthly.id } })
  ).json()
  const token = new URL(url, "http://x").searchParams.get("token")!
  expect(
    (
      await callRoute(completePost, "POST", "/api/checkout/test/complete", {
        cookie: buyer.cookie,
        body: { token, outcome: "paid" },
      })
    ).status,
  ).toBe(200)
  const templates = async () =>
    (await db.emailMessage.findMany({ where: { to: buyer.user.email }, orderBy: { createdAt: "asc" } }))
      .map((m) => m.template)
      .sort()
  expect(await templates()).toEqual(["order-received", "welcome"])

  expect(
    (await callRoute(cancelPost, "POST", "/api/account/subscription/cancel", { cookie: buyer.cookie, body: {} }))
      .status,
  ).toBe(200)
  expect(await templates()).toEqual(["order-received", "subscription-canceled", "welcome"])

  const payment = await db.payment.findFirstOrThrow({ where: { userId: buyer.user.id } })
  const support = await signedInAs("SUPPORT")
  const refundAs = (amountCents: number, key: string) =>
    callRoute(refund, "POST", `/api/admin/customers/${buyer.user.id}/refund`, {
      cookie: support.cookie,
      params: { id: buyer.user.id },
      headers: { "idempotency-key": key },
      body: { paymentId: payment.id, amountCents },
    })
  expect((await refundAs(500, "refund-notices-first")).status).toBe(200)
  expect((await refundAs(500, "refund-notices-second")).status).toBe(200)
  const refunds = await db.emailMessage.findMany({
    where: { to: buyer.user.email, template: "refund-issued" },
    orderBy: { createdAt: "asc" },
  })
  // Two partial refunds of $5.00 each: two notices, each naming its own $5.00.
  expect(refunds.map((m) => m.idempotencyKey)).toEqual([
    `refund-issued/${payment.id}/500`,
    `refund-issued/${payment.id}/1000`,
  ])
  expect(refunds.every((m) => messageText(m).includes("$5.00"))).toBe(true)
})

// The welcome and order-received emails take what they say from the statements the change runs
// anyway (the subscription's lock, the customer match, the payment's insert): each path, by hand.
const T0 = at("2026-03-01T09:00:00Z")
const mails = async (to: string) =>
  Object.fromEntries(
    (
      await db.emailMessage.findMany({
        where: { to },
        select: { template: true, subject: true, html: true, text: true },
      })
    ).map((m) => [m.template, { subject: m.subject, text: messageText(m) }]),
  )

async function buyer(name: string | null) {
  const user = await db.user.create({
    data: { email: `${nextId("buyer")}@test.example`, name },
    select: { id: true, email: true },
  })
  // Polar's own name for the customer: the emails greet our user by the name we hold.
  return { userId: user.id, email: user.email, name: "Billing Name Ltd" }
}

test("a purchase mails the buyer by our name for them: welcome, then the order with its plan, amount and due time", async () => {
  const c = await buyer("Grace")
  const s = story(c, T0)
  expect((await post(delivery(s.subscription("subscription.created", plans.monthly, null)))).status).toBe(200)
  const orderRef = nextId("ord")
  expect(
    (
      await post(
        delivery(
          s.order("order.paid", plans.monthly, {
            id: orderRef,
            at: T0,
            billingReason: "subscription_create",
            sub: s.snapshot(null, {}),
          }),
        ),
      )
    ).status,
  ).toBe(200)

  const order = await db.order.findFirstOrThrow({ where: { userId: c.userId }, select: { id: true } })
  const sent = await mails(c.email)
  expect(Object.keys(sent).sort()).toEqual(["order-received", "welcome"])
  expect(sent.welcome!.subject).toBe("Welcome to AI Copilot Vibe")
  expect(sent.welcome!.text).toContain("Hi Grace,")
  expect(sent["order-received"]!.subject).toBe("We received your order for Copilot Monthly")
  expect(sent["order-received"]!.text).toContain("Hi Grace,")
  // $19.99 for the monthly plan; due 24 hours after the payment at 09:00 UTC on March 1.
  expect(sent["order-received"]!.text).toContain(
    `Thank you for your payment of $19.99 for Copilot Monthly (order ${order.id}).`,
  )
  expect(sent["order-received"]!.text).toContain("it will be ready by March 2, 2026 at 9:00 AM UTC at the latest.")
})

test("an order arriving before its subscription, from a customer we never saw, mails the subscriber it creates", async () => {
  // Unknown external id and email: the customer becomes a new subscriber named as Polar names them.
  const c = { userId: nextId("usr_unknown"), email: `${nextId("new")}@test.example`, name: "Ada Lovelace" }
  const s = story(c, T0)
  expect(
    (
      await post(
        delivery(
          s.order("order.paid", plans.annual, { id: nextId("ord"), at: T0, billingReason: "subscription_create" }),
        ),
      )
    ).status,
  ).toBe(200)

  const sent = await mails(c.email)
  expect(Object.keys(sent).sort()).toEqual(["order-received", "welcome"])
  expect(sent.welcome!.text).toContain("Hi Ada Lovelace,")
  expect(sent["order-received"]!.subject).toBe("We received your order for Copilot Annual")
  expect(sent["order-received"]!.text).toContain("Thank you for your payment of $199.00 for Copilot Annual")
  expect(sent["order-received"]!.text).toContain("March 2, 2026 at 9:00 AM UTC")
})

test("a subscription that starts earning on a later event sends its welcome then, to the subscriber on the row", async () => {
  const c = await buyer(null)
  const s = story(c, T0)
  expect(
    (await post(delivery(s.subscription("subscription.created", plans.team, null, { status: "incomplete" })))).status,
  ).toBe(200)
  expect(await mails(c.email)).toEqual({})
  expect(
    (
      await post(
        delivery(s.subscription("subscription.active", plans.team, at("2026-03-01T09:05:00Z"), { status: "active" })),
      )
    ).status,
  ).toBe(200)
  const sent = await mails(c.email)
  expect(Object.keys(sent)).toEqual(["welcome"])
  // No name held: the greeting has none (Polar's billing name is not used).
  expect(sent.welcome!.text).toMatch(/^Hi,$/m)
})
