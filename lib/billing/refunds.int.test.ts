import { beforeAll, expect, test } from "vitest"
import { POST as staffCancel } from "@/app/api/admin/customers/[id]/cancel/route"
import { POST as refund } from "@/app/api/admin/customers/[id]/refund/route"
import { POST as checkoutPost } from "@/app/api/checkout/route"
import { POST as completePost } from "@/app/api/checkout/test/complete/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { ensurePlans } from "./testing/polar-events"
import { serveWebhooksForTestMode } from "./testing/test-mode-server"

// Test mode: the refund and the cancellation travel as Polar's webhooks through the one handler.
serveWebhooksForTestMode()

let plans: Awaited<ReturnType<typeof ensurePlans>>
beforeAll(async () => {
  plans = await ensurePlans()
})

async function paidCustomer(planId: string) {
  const session = await signedInAs("SUBSCRIBER")
  const { url } = await (await callRoute(checkoutPost, "POST", "/api/checkout", { cookie: session.cookie, body: { planId } })).json()
  const token = new URL(url, "http://x").searchParams.get("token")!
  expect((await callRoute(completePost, "POST", "/api/checkout/test/complete", { cookie: session.cookie, body: { token, outcome: "paid" } })).status).toBe(200)
  const payment = await db.payment.findFirstOrThrow({ where: { userId: session.user.id } })
  return { ...session, payment }
}

test("staff refund part, then the rest: the receipt follows, the order closes, MRR does not move, each refund audited", async () => {
  const customer = await paidCustomer(plans.monthly.id)
  const support = await signedInAs("SUPPORT")
  const refundAs = (body: unknown) => callRoute(refund, "POST", `/api/admin/customers/${customer.user.id}/refund`, { cookie: support.cookie, params: { id: customer.user.id }, body })

  expect((await refundAs({ paymentId: customer.payment.id, amountCents: 500 })).status).toBe(200)
  expect(await db.payment.findUniqueOrThrow({ where: { id: customer.payment.id } })).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedCents: 500 })

  const tooMuch = await refundAs({ paymentId: customer.payment.id, amountCents: 1500 }) // 1999 − 500 = 1499 left
  expect(tooMuch.status).toBe(422)

  const rest = await refundAs({ paymentId: customer.payment.id })
  expect(await rest.json()).toMatchObject({ mode: "test", amountCents: 1499 })
  expect(await db.payment.findUniqueOrThrow({ where: { id: customer.payment.id } })).toMatchObject({ status: "REFUNDED", refundedCents: 1999 })
  expect((await db.order.findFirstOrThrow({ where: { paymentId: customer.payment.id } })).status).toBe("REFUNDED")
  expect((await db.subscription.findFirstOrThrow({ where: { userId: customer.user.id } })).mrrCents).toBe(1999)
  expect((await refundAs({ paymentId: customer.payment.id })).status).toBe(409)

  const audits = await db.auditLog.findMany({ where: { action: "payment.refunded", targetId: customer.payment.id }, orderBy: { createdAt: "asc" } })
  expect(audits.map((a) => [a.actorId, (a.metadata as { amountCents: number }).amountCents])).toEqual([
    [support.user.id, 500],
    [support.user.id, 1499],
  ])
})

test("a payment of another customer is not refundable through this customer", async () => {
  const a = await paidCustomer(plans.monthly.id)
  const b = await paidCustomer(plans.monthly.id)
  const admin = await signedInAs("ADMIN")
  const response = await callRoute(refund, "POST", `/api/admin/customers/${a.user.id}/refund`, { cookie: admin.cookie, params: { id: a.user.id }, body: { paymentId: b.payment.id } })
  expect(response.status).toBe(404)
})

test("staff cancel at period end on the customer's behalf; engineers may not", async () => {
  const customer = await paidCustomer(plans.team.id)
  const engineer = await signedInAs("ENGINEER")
  const refused = await callRoute(staffCancel, "POST", `/api/admin/customers/${customer.user.id}/cancel`, { cookie: engineer.cookie, params: { id: customer.user.id }, body: {} })
  expect(refused.status).toBe(403)
  const owner = await signedInAs("OWNER")
  const response = await callRoute(staffCancel, "POST", `/api/admin/customers/${customer.user.id}/cancel`, { cookie: owner.cookie, params: { id: customer.user.id }, body: {} })
  expect(response.status).toBe(200)
  const sub = await db.subscription.findFirstOrThrow({ where: { userId: customer.user.id } })
  expect(sub).toMatchObject({ cancelAtPeriodEnd: true, status: "ACTIVE", mrrCents: 4900 })
  expect(await db.auditLog.count({ where: { action: "subscription.canceled_by_staff", actorId: owner.user.id, targetId: sub.id } })).toBe(1)
})
