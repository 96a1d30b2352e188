import { addMonths } from "date-fns"
import { beforeAll, expect, test } from "vitest"
import { POST as failPost } from "@/app/api/account/billing/test/fail-renewal/route"
import { POST as payPost } from "@/app/api/account/billing/test/pay-renewal/route"
import { POST as cancelPost } from "@/app/api/account/subscription/cancel/route"
import { POST as checkoutPost } from "@/app/api/checkout/route"
import { POST as completePost } from "@/app/api/checkout/test/complete/route"
import { listReceipts } from "@/lib/account/receipts"
import { db } from "@/lib/db"
import { messageText } from "@/lib/email/plain-text"
import { resetEnvCache } from "@/lib/env"
import { mrrAt } from "@/lib/revenue/mrr"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { ensurePlans } from "../testing/polar-events"
import { serveWebhooksForTestMode } from "../testing/test-mode-server"
import { testCard } from "./card"
import { testPaymentMethod } from "./renewals"

// Test mode's card events, end to end: each button sends the webhooks Polar would send over HTTP to
// the real handler, which alone changes the subscription, the receipts, the ledger and the outbox.
serveWebhooksForTestMode()

let plans: Awaited<ReturnType<typeof ensurePlans>>
beforeAll(async () => {
  plans = await ensurePlans()
})

const FAIL = "/api/account/billing/test/fail-renewal"
const PAY = "/api/account/billing/test/pay-renewal"
const fail = (cookie: string | undefined, body: unknown = {}) => callRoute(failPost, "POST", FAIL, { cookie, body })
const pay = (cookie: string | undefined, body: unknown = {}) => callRoute(payPost, "POST", PAY, { cookie, body })

async function subscribed(planId: string) {
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
  return session
}

const mine = (userId: string) =>
  db.subscription.findFirstOrThrow({ where: { userId }, include: { changes: { orderBy: { effectiveAt: "asc" } } } })
const emails = (to: string) => db.emailMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } })
const payments = (userId: string) => db.payment.findMany({ where: { userId }, orderBy: { paidAt: "asc" } })

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status)
  const body = await response.json()
  expect(body).toEqual({ error: { code, message: expect.any(String) } })
  expect(body.error.message.length).toBeGreaterThan(0)
}

test("a failed renewal: past due for the next period, one payment-failed email, MRR unchanged; a new card pays it as a renewal", async () => {
  const { user, cookie } = await subscribed(plans.monthly.id)
  const before = await mine(user.id)
  const renewal = before.currentPeriodEnd
  const nextEnd = addMonths(renewal, 1)
  const firstCard = testCard(user.id, 0)
  expect(await testPaymentMethod(user.id)).toEqual({
    card: firstCard,
    declined: false,
    next: { action: "fail_renewal", renewsAt: renewal },
  })

  const failed = await fail(cookie)
  expect(failed.status).toBe(200)
  expect(await failed.json()).toMatchObject({
    mode: "test",
    subscription: { id: before.id, status: "PAST_DUE", currentPeriodEnd: nextEnd.toISOString(), endedAt: null },
  })
  // As Polar does: the subscription moved on to the period the renewal began, unpaid.
  const pastDue = await mine(user.id)
  expect(pastDue).toMatchObject({
    status: "PAST_DUE",
    currentPeriodStart: renewal,
    currentPeriodEnd: nextEnd,
    cancelAtPeriodEnd: false,
    endedAt: null,
  })

  // Ledger: NEW +1999 at checkout; past_due still earns (dunning counts), so no row: 1999 + 0 = 1999.
  expect(pastDue.changes.map((c) => [c.kind, c.mrrDeltaCents])).toEqual([["NEW", 1999]])
  expect(pastDue.mrrCents).toBe(1999)
  expect(mrrAt(pastDue.changes, new Date())).toBe(1999)

  const failedMails = (await emails(user.email)).filter((m) => m.template === "payment-failed")
  expect(failedMails).toHaveLength(1)
  expect(failedMails[0]).toMatchObject({
    to: user.email,
    subject: "Action needed: your payment of $19.99 failed",
    idempotencyKey: `payment-failed/${before.id}/${renewal.toISOString()}`,
  })
  expect(failedMails[0]!.html).toMatch(/href="https?:\/\/[^"/]+\/account\/billing"/)
  expect(messageText(failedMails[0]!)).toContain("/account/billing")

  // Failing it again is refused and mails nothing more.
  await expectError(await fail(cookie), 409, "conflict")
  expect((await emails(user.email)).filter((m) => m.template === "payment-failed")).toHaveLength(1)
  expect(await testPaymentMethod(user.id)).toEqual({
    card: firstCard,
    declined: true,
    next: { action: "pay", amountCents: 1999, currency: "usd" },
  })

  const ordersBefore = await db.order.count({ where: { userId: user.id } })
  expect(ordersBefore).toBe(1)
  const paid = await pay(cookie)
  expect(paid.status).toBe(200)
  expect(await paid.json()).toMatchObject({
    mode: "test",
    subscription: { status: "ACTIVE", currentPeriodEnd: nextEnd.toISOString() },
  })
  const active = await mine(user.id)
  // Active again for the period the renewal began: one month later than at checkout.
  expect(active).toMatchObject({
    status: "ACTIVE",
    currentPeriodStart: renewal,
    currentPeriodEnd: nextEnd,
    mrrCents: 1999,
  })
  expect(active.currentPeriodEnd.getTime()).toBeGreaterThan(before.currentPeriodEnd.getTime())
  expect(active.changes.map((c) => [c.kind, c.mrrDeltaCents])).toEqual([["NEW", 1999]]) // 1999 + 0 + 0

  // A receipt for the renewal, on this subscription; no new fulfilment order (the seat is still held).
  const receipts = await payments(user.id)
  expect(receipts.map((p) => [p.billingReason, p.amountCents, p.currency, p.status, p.subscriptionId])).toEqual([
    ["subscription_create", 1999, "usd", "PAID", before.id],
    ["subscription_cycle", 1999, "usd", "PAID", before.id],
  ])
  expect(await db.order.count({ where: { userId: user.id } })).toBe(1)
  const shown = await listReceipts(user.id)
  expect(shown[0]).toMatchObject({ description: "Copilot Monthly · Renewal", amountCents: 1999, status: "PAID" })

  // Paying again: nothing is due.
  await expectError(await pay(cookie), 409, "conflict")
  expect(await db.payment.count({ where: { userId: user.id } })).toBe(2)
  expect((await emails(user.email)).map((m) => m.template).sort()).toEqual([
    "order-received",
    "payment-failed",
    "welcome",
  ])

  // The new card is on file, and the next renewal (a month on) can fail in its turn.
  const method = await testPaymentMethod(user.id)
  expect(method).toEqual({
    card: testCard(user.id, 1),
    declined: false,
    next: { action: "fail_renewal", renewsAt: nextEnd },
  })
  expect(method.card).not.toEqual(firstCard)
})

test("a double click pays once", async () => {
  const { user, cookie } = await subscribed(plans.team.id)
  expect((await fail(cookie)).status).toBe(200)
  const [a, b] = await Promise.all([pay(cookie), pay(cookie)])
  expect([a.status, b.status].sort()).toEqual(a.status === b.status ? [200, 200] : [200, 409])
  expect((await payments(user.id)).map((p) => [p.billingReason, p.amountCents])).toEqual([
    ["subscription_create", 4900],
    ["subscription_cycle", 4900],
  ])
  expect((await mine(user.id)).status).toBe("ACTIVE")
})

test("refuses the wrong caller and what is not due: anonymous 401, no subscription 404, someone else's 404, nothing to fail or pay 409", async () => {
  await expectError(await fail(undefined), 401, "unauthorized")
  await expectError(await pay(undefined), 401, "unauthorized")

  const nobody = await signedInAs("SUBSCRIBER")
  await expectError(await fail(nobody.cookie), 404, "not_found")
  await expectError(await pay(nobody.cookie), 404, "not_found")

  const owner = await subscribed(plans.monthly.id)
  const theirs = await mine(owner.user.id)
  await expectError(await fail(nobody.cookie, { subscriptionId: theirs.id }), 404, "not_found")
  await expectError(await pay(owner.cookie), 409, "conflict") // active: nothing is due
  expect(
    (await callRoute(cancelPost, "POST", "/api/account/subscription/cancel", { cookie: owner.cookie, body: {} }))
      .status,
  ).toBe(200)
  await expectError(await fail(owner.cookie), 409, "conflict") // ends with its period: no renewal
  expect(await mine(owner.user.id)).toMatchObject({ status: "ACTIVE", cancelAtPeriodEnd: true })
  expect(await db.emailMessage.count({ where: { to: owner.user.email, template: "payment-failed" } })).toBe(0)
})

test("live mode: Polar charges the card, so both answer 409 and nothing changes", async () => {
  const { user, cookie } = await subscribed(plans.monthly.id)
  const saved = { token: process.env.POLAR_ACCESS_TOKEN, secret: process.env.POLAR_WEBHOOK_SECRET }
  Object.assign(process.env, { POLAR_ACCESS_TOKEN: "polar_live_token", POLAR_WEBHOOK_SECRET: "polar_whs_live_secret" })
  resetEnvCache()
  try {
    await expectError(await fail(cookie), 409, "conflict")
    await expectError(await pay(cookie), 409, "conflict")
    const nobody = await signedInAs("SUBSCRIBER")
    await expectError(await fail(nobody.cookie), 409, "conflict")
  } finally {
    for (const [key, value] of [
      ["POLAR_ACCESS_TOKEN", saved.token],
      ["POLAR_WEBHOOK_SECRET", saved.secret],
    ] as const) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    resetEnvCache()
  }
  expect(await mine(user.id)).toMatchObject({ status: "ACTIVE" })
  expect(await db.payment.count({ where: { userId: user.id } })).toBe(1)
})
