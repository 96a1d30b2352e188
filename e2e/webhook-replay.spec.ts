import { type APIRequestContext, expect, test } from "@playwright/test"
import {
  orderPayload,
  subscriptionPayload,
  type TestCustomer,
  type TestEvent,
  testEvent,
  type TestPlan,
} from "@/lib/billing/test-mode/payloads"
import { signWebhook } from "@/lib/billing/test-mode/sign"
import { TEST_MODE_WEBHOOK_SECRET } from "@/lib/billing/webhook-secret"
import { DEMO_PLANS } from "@/prisma/seed/plans"
import { consentDeclined } from "./consent"
import { openTestCheckout, passSecondFactor, signInWithMagicLink, visitAndSignIn } from "./helpers"

// Polar may deliver a subscription's first order.paid before the subscription itself: the order
// fails (500) and is stored FAILED. Once the subscription has arrived, an engineer replays the
// subscription's failed deliveries from /admin/webhooks, and the subscriber has their one order.
// engineer@demo.test, not the owner: a TOTP code is accepted once per 30 s per user.

const ENGINEER = "engineer@demo.test"
const unique = (prefix: string) => `${prefix}_e2e_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`

/**
 * The plan and buyer of an open test checkout. Its token is `<base64url JSON>.<signature>`: the JSON
 * is readable without the server's secret (only the signature needs it).
 */
function testCheckoutOf(url: string): { planId: string; userId: string } {
  const token = new URL(url).searchParams.get("token") ?? ""
  return JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8")) as {
    planId: string
    userId: string
  }
}

/** Sends one event to the running server's webhook endpoint, signed as test mode's Polar signs it. */
async function deliver(request: APIRequestContext, event: TestEvent): Promise<number> {
  const id = unique("msg")
  const body = JSON.stringify(event)
  const headers = signWebhook(TEST_MODE_WEBHOOK_SECRET, { id, timestamp: Date.now() / 1000, body })
  const response = await request.post("/api/webhooks/polar", {
    data: body,
    headers: { "content-type": "application/json", ...headers },
  })
  return response.status()
}

test("an order that arrived before its subscription fails; an engineer replays it and the subscriber has one order", async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(120_000)

  // A subscriber opens a checkout for Copilot Monthly (it names our plan and user ids), then Polar's deliveries come.
  const email = await visitAndSignIn(page, "Copilot Monthly", "replay")
  await openTestCheckout(page, "Copilot Monthly")
  const { planId, userId } = testCheckoutOf(page.url())
  const monthly = DEMO_PLANS.find((plan) => plan.slug === "monthly")!
  const plan: TestPlan = {
    productId: planId,
    name: monthly.name,
    interval: monthly.interval,
    priceCents: monthly.priceCents,
    currency: "usd",
  }
  const customer: TestCustomer = { userId, email, name: null }
  const start = new Date()
  const subscription = {
    id: unique("sub"),
    status: "active" as const,
    createdAt: start,
    modifiedAt: null,
    currentPeriodStart: start,
    currentPeriodEnd: new Date(start.getTime() + 30 * 86_400_000),
  }

  // The first payment's order.paid names its subscription only by id, and that subscription has not arrived yet.
  const order = orderPayload(
    { id: unique("ord"), createdAt: start, billingReason: "subscription_create", subscription: null },
    plan,
    customer,
  )
  expect(await deliver(request, testEvent("order.paid", { ...order, subscription_id: subscription.id }, start))).toBe(
    500,
  )
  expect(
    await deliver(request, testEvent("subscription.created", subscriptionPayload(subscription, plan, customer), start)),
  ).toBe(200)

  // An engineer, in their own browser, finds the subscription's deliveries.
  const staffContext = await browser.newContext({ baseURL, storageState: consentDeclined(baseURL!) })
  const staff = await staffContext.newPage()
  await signInWithMagicLink(staff, ENGINEER, "/admin/webhooks")
  await passSecondFactor(staff, ENGINEER)
  await staff.goto("/admin/webhooks")
  const filters = staff.getByRole("search", { name: "Filter webhook deliveries" })
  await filters.getByLabel("Polar subscription id").fill(subscription.id)
  await filters.getByRole("button", { name: "Filter" }).click()
  await expect(staff).toHaveURL(new RegExp(`/admin/webhooks\\?(.*&)?subscription=${subscription.id}`))

  const rows = staff.getByTestId("delivery-row")
  await expect(rows).toHaveCount(2)
  const failed = rows.filter({ hasText: "order.paid" })
  await expect(failed).toContainText("failed")
  await expect(failed).toContainText("has not arrived yet")
  await expect(rows.filter({ hasText: "subscription.created" })).toContainText("processed")
  // Each row's subject leads to this same filter.
  await expect(failed.getByRole("link", { name: subscription.id })).toHaveAttribute(
    "href",
    `/admin/webhooks?subscription=${subscription.id}`,
  )

  const replay = staff.getByRole("button", { name: "Replay the 1 failed delivery of this subscription" })
  const [answer] = await Promise.all([
    staff.waitForResponse(
      (r) => new URL(r.url()).pathname === "/api/admin/webhooks/replay" && r.request().method() === "POST",
    ),
    replay.click(),
  ])
  expect(answer.status()).toBe(200)
  await expect(staff.getByTestId("subscription-replay")).toHaveCount(0)
  await expect(failed).toContainText("processed")
  await expect(failed).toContainText("2 attempts")
  await staffContext.close()

  // The subscriber's orders: exactly one, for the first payment.
  await page.goto("/account/orders")
  await expect(page.getByTestId("account-order")).toHaveCount(1)
  await expect(page.getByTestId("account-order")).toContainText("Copilot Monthly seat")
})
