import { randomBytes } from "node:crypto"
import { beforeAll, expect, test } from "vitest"
import { POST as staffCancel } from "@/app/api/admin/customers/[id]/cancel/route"
import { POST as refund } from "@/app/api/admin/customers/[id]/refund/route"
import { POST as checkoutPost } from "@/app/api/checkout/route"
import { POST as completePost } from "@/app/api/checkout/test/complete/route"
import { db } from "@/lib/db"
import { resetEnvCache } from "@/lib/env"
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

/** A refund as the admin form sends it; each call a new Idempotency-Key unless one is given. */
function refundRoute(
  customerId: string,
  cookie: string,
  body: unknown,
  key = `refund-test-${randomBytes(8).toString("hex")}`,
) {
  return callRoute(refund, "POST", `/api/admin/customers/${customerId}/refund`, {
    cookie,
    params: { id: customerId },
    headers: { "idempotency-key": key },
    body,
  })
}

async function paidCustomer(planId: string) {
  const session = await signedInAs("SUBSCRIBER")
  const { url } = await (
    await callRoute(checkoutPost, "POST", "/api/checkout", { cookie: session.cookie, body: { planId } })
  ).json()
  const token = new URL(url, "http://x").searchParams.get("token")!
  expect(
    (
      await callRoute(completePost, "POST", "/api/checkout/test/complete", {
        cookie: session.cookie,
        body: { token, outcome: "paid" },
      })
    ).status,
  ).toBe(200)
  const payment = await db.payment.findFirstOrThrow({ where: { userId: session.user.id } })
  return { ...session, payment }
}

test("staff refund part, then the rest: the receipt follows, the order closes, MRR does not move, each refund audited", async () => {
  const customer = await paidCustomer(plans.monthly.id)
  const support = await signedInAs("SUPPORT")
  const refundAs = (body: unknown) => refundRoute(customer.user.id, support.cookie, body)

  expect((await refundAs({ paymentId: customer.payment.id, amountCents: 500 })).status).toBe(200)
  expect(await db.payment.findUniqueOrThrow({ where: { id: customer.payment.id } })).toMatchObject({
    status: "PARTIALLY_REFUNDED",
    refundedCents: 500,
  })

  const tooMuch = await refundAs({ paymentId: customer.payment.id, amountCents: 1500 }) // 1999 − 500 = 1499 left
  expect(tooMuch.status).toBe(422)

  const rest = await refundAs({ paymentId: customer.payment.id })
  expect(await rest.json()).toMatchObject({ mode: "test", amountCents: 1499 })
  expect(await db.payment.findUniqueOrThrow({ where: { id: customer.payment.id } })).toMatchObject({
    status: "REFUNDED",
    refundedCents: 1999,
  })
  expect((await db.order.findFirstOrThrow({ where: { paymentId: customer.payment.id } })).status).toBe("REFUNDED")
  expect((await db.subscription.findFirstOrThrow({ where: { userId: customer.user.id } })).mrrCents).toBe(1999)
  expect((await refundAs({ paymentId: customer.payment.id })).status).toBe(409)

  const audits = await db.auditLog.findMany({
    where: { action: "payment.refunded", targetId: customer.payment.id },
    orderBy: { createdAt: "asc" },
  })
  expect(audits.map((a) => [a.actorId, (a.metadata as { amountCents: number }).amountCents])).toEqual([
    [support.user.id, 500],
    [support.user.id, 1499],
  ])
})

test("a payment of another customer is not refundable through this customer", async () => {
  const a = await paidCustomer(plans.monthly.id)
  const b = await paidCustomer(plans.monthly.id)
  const admin = await signedInAs("ADMIN")
  const response = await refundRoute(a.user.id, admin.cookie, { paymentId: b.payment.id })
  expect(response.status).toBe(404)
})

test("staff cancel at period end on the customer's behalf; engineers may not", async () => {
  const customer = await paidCustomer(plans.team.id)
  const engineer = await signedInAs("ENGINEER")
  const refused = await callRoute(staffCancel, "POST", `/api/admin/customers/${customer.user.id}/cancel`, {
    cookie: engineer.cookie,
    params: { id: customer.user.id },
    body: {},
  })
  expect(refused.status).toBe(403)
  const owner = await signedInAs("OWNER")
  const response = await callRoute(staffCancel, "POST", `/api/admin/customers/${customer.user.id}/cancel`, {
    cookie: owner.cookie,
    params: { id: customer.user.id },
    body: {},
  })
  expect(response.status).toBe(200)
  const sub = await db.subscription.findFirstOrThrow({ where: { userId: customer.user.id } })
  expect(sub).toMatchObject({ cancelAtPeriodEnd: true, status: "ACTIVE", mrrCents: 4900 })
  expect(
    await db.auditLog.count({
      where: { action: "subscription.canceled_by_staff", actorId: owner.user.id, targetId: sub.id },
    }),
  ).toBe(1)
})

test("a double-submitted refund refunds once: the same key twice at once gets one refund and the same answer twice", async () => {
  const customer = await paidCustomer(plans.monthly.id)
  const support = await signedInAs("SUPPORT")
  const key = `refund-double-${randomBytes(8).toString("hex")}`
  const body = { paymentId: customer.payment.id, amountCents: 700 }

  const [first, second] = await Promise.all([
    refundRoute(customer.user.id, support.cookie, body, key),
    refundRoute(customer.user.id, support.cookie, body, key),
  ])
  expect([first.status, second.status]).toEqual([200, 200])
  const answers = [await first.json(), await second.json()]
  expect(answers[0]).toEqual({ mode: "test", paymentId: customer.payment.id, amountCents: 700 })
  expect(answers[1]).toEqual(answers[0])
  // Exactly one of the two was answered from the stored result.
  expect([first.headers.get("idempotent-replayed"), second.headers.get("idempotent-replayed")].sort()).toEqual(
    ["true", null].sort(),
  )

  // Later repeats of the key replay too; refunded once, audited once.
  const later = await refundRoute(customer.user.id, support.cookie, body, key)
  expect(later.status).toBe(200)
  expect(await later.json()).toEqual(answers[0])
  expect(await db.payment.findUniqueOrThrow({ where: { id: customer.payment.id } })).toMatchObject({
    status: "PARTIALLY_REFUNDED",
    refundedCents: 700,
  })
  expect(await db.auditLog.count({ where: { action: "payment.refunded", targetId: customer.payment.id } })).toBe(1)
  expect(
    await db.refundRequest.findMany({
      where: { paymentId: customer.payment.id },
      select: { status: true, amountCents: true },
    }),
  ).toEqual([{ status: "SUCCEEDED", amountCents: 700 }])

  // The same key with another amount is refused; no key at all is refused before anything happens.
  const reused = await refundRoute(customer.user.id, support.cookie, { ...body, amountCents: 300 }, key)
  expect(reused.status).toBe(422)
  expect((await reused.json()).error.details).toEqual([
    { path: "Idempotency-Key", message: "already used with another request" },
  ])
  const keyless = await callRoute(refund, "POST", `/api/admin/customers/${customer.user.id}/refund`, {
    cookie: support.cookie,
    params: { id: customer.user.id },
    body,
  })
  expect(keyless.status).toBe(400)
  expect((await db.payment.findUniqueOrThrow({ where: { id: customer.payment.id } })).refundedCents).toBe(700)
})

test("two concurrent refunds with different keys never exceed the payment", async () => {
  const customer = await paidCustomer(plans.monthly.id) // 1999 cents, no tax
  const support = await signedInAs("SUPPORT")
  const refundOf = (amountCents?: number) =>
    refundRoute(customer.user.id, support.cookie, { paymentId: customer.payment.id, amountCents })

  // Three of 800 at once: 1999 holds two of them, the third finds 399 left.
  const statuses = await Promise.all([refundOf(800), refundOf(800), refundOf(800)]).then((responses) =>
    responses.map((r) => r.status),
  )
  expect(statuses.sort()).toEqual([200, 200, 422])
  expect((await db.payment.findUniqueOrThrow({ where: { id: customer.payment.id } })).refundedCents).toBe(1600)

  // "All that is left", twice at once: one refunds the 399, the other finds nothing left.
  const rest = await Promise.all([refundOf(), refundOf()])
  expect(rest.map((r) => r.status).sort()).toEqual([200, 409])
  expect(await rest.find((r) => r.status === 200)!.json()).toMatchObject({ amountCents: 399 })
  expect(await db.payment.findUniqueOrThrow({ where: { id: customer.payment.id } })).toMatchObject({
    status: "REFUNDED",
    refundedCents: 1999,
  })
  const audited = await db.auditLog.findMany({ where: { action: "payment.refunded", targetId: customer.payment.id } })
  expect(audited.map((a) => (a.metadata as { amountCents: number }).amountCents).sort()).toEqual([399, 800, 800])
})

test("a refund whose webhook is not accepted fails, frees its amount, and its key may try again", async () => {
  const customer = await paidCustomer(plans.monthly.id)
  const support = await signedInAs("SUPPORT")
  const key = `refund-retry-${randomBytes(8).toString("hex")}`
  const body = { paymentId: customer.payment.id, amountCents: 1500 }
  const origin = process.env.NEXTAUTH_URL
  process.env.NEXTAUTH_URL = "http://127.0.0.1:9" // nothing listens: the test-mode webhook gets no answer
  resetEnvCache()
  try {
    expect((await refundRoute(customer.user.id, support.cookie, body, key)).status).toBe(503)
  } finally {
    process.env.NEXTAUTH_URL = origin
    resetEnvCache()
  }
  expect(await db.refundRequest.findUniqueOrThrow({ where: { idempotencyKey: key } })).toMatchObject({
    status: "FAILED",
    amountCents: 1500,
  })
  // Nothing is held back by the failed try: the same key goes through now, once.
  const retried = await refundRoute(customer.user.id, support.cookie, body, key)
  expect(retried.status).toBe(200)
  expect(retried.headers.get("idempotent-replayed")).toBeNull()
  expect(await db.payment.findUniqueOrThrow({ where: { id: customer.payment.id } })).toMatchObject({
    refundedCents: 1500,
  })
  expect(await db.refundRequest.findUniqueOrThrow({ where: { idempotencyKey: key } })).toMatchObject({
    status: "SUCCEEDED",
    settlesAtCents: 1500,
  })
})
