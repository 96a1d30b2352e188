import { beforeAll, expect, test } from "vitest"
import { POST as refund } from "@/app/api/admin/customers/[id]/refund/route"
import { POST as cancelPost } from "@/app/api/account/subscription/cancel/route"
import { POST as checkoutPost } from "@/app/api/checkout/route"
import { POST as completePost } from "@/app/api/checkout/test/complete/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { ensurePlans } from "../testing/polar-events"
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
  const { url } = await (await callRoute(checkoutPost, "POST", "/api/checkout", { cookie: buyer.cookie, body: { planId: plans.monthly.id } })).json()
  const token = new URL(url, "http://x").searchParams.get("token")!
  expect((await callRoute(completePost, "POST", "/api/checkout/test/complete", { cookie: buyer.cookie, body: { token, outcome: "paid" } })).status).toBe(200)
  const templates = async () => (await db.emailMessage.findMany({ where: { to: buyer.user.email }, orderBy: { createdAt: "asc" } })).map((m) => m.template).sort()
  expect(await templates()).toEqual(["order-received", "welcome"])

  expect((await callRoute(cancelPost, "POST", "/api/account/subscription/cancel", { cookie: buyer.cookie, body: {} })).status).toBe(200)
  expect(await templates()).toEqual(["order-received", "subscription-canceled", "welcome"])

  const payment = await db.payment.findFirstOrThrow({ where: { userId: buyer.user.id } })
  const support = await signedInAs("SUPPORT")
  const refundAs = (amountCents: number) =>
    callRoute(refund, "POST", `/api/admin/customers/${buyer.user.id}/refund`, { cookie: support.cookie, params: { id: buyer.user.id }, body: { paymentId: payment.id, amountCents } })
  expect((await refundAs(500)).status).toBe(200)
  expect((await refundAs(500)).status).toBe(200)
  const refunds = await db.emailMessage.findMany({ where: { to: buyer.user.email, template: "refund-issued" }, orderBy: { createdAt: "asc" } })
  // Two partial refunds of $5.00 each: two notices, each naming its own $5.00.
  expect(refunds.map((m) => m.idempotencyKey)).toEqual([`refund-issued/${payment.id}/500`, `refund-issued/${payment.id}/1000`])
  expect(refunds.every((m) => m.text.includes("$5.00"))).toBe(true)
})
