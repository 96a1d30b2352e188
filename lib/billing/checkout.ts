import "server-only"
import { addMonths } from "date-fns"
import type { RequestOrigin } from "@/lib/analytics/ingest/ingest"
import { track } from "@/lib/analytics/ingest/track"
import type { SessionUser } from "@/lib/auth/roles"
import { db } from "@/lib/db"
import { requireEnv } from "@/lib/env"
import { AppError } from "@/lib/errors"
import { billingMode, polarClient, productIdOf } from "./polar"
import { callPolar } from "./polar-errors"
import { LIVE_SUBSCRIPTION_STATUSES } from "./queries"
import { newTestCheckout, readTestCheckout, signTestCheckout, type TestCheckout } from "./test-mode/checkout-token"
import { emitPolarEvents } from "./test-mode/emit"
import {
  checkoutPayload,
  orderPayload,
  subscriptionPayload,
  type TestPlan,
  type TestSubscription,
  testEvent,
} from "./test-mode/payloads"

const planSelect = {
  id: true,
  name: true,
  interval: true,
  priceCents: true,
  currency: true,
  polarProductId: true,
} as const

/**
 * Starts a checkout for a signed-in user: live, a Polar checkout (our user id as the external
 * customer id, so the webhooks find the user); test mode, the local test checkout page. `browser`,
 * the request's sender, lets the checkout_started event join that browser's visitor.
 */
export async function startCheckout(input: {
  user: SessionUser
  planId: string
  origin: string
  browser?: RequestOrigin
}): Promise<{ url: string; mode: "live" | "test" }> {
  const plan = await db.plan.findFirst({ where: { id: input.planId, active: true }, select: planSelect })
  if (!plan) throw new AppError("not_found", "no such plan on sale")
  await refuseSecondSubscription(input.user.id)
  const polar = polarClient()
  if (!polar) {
    const token = signTestCheckout(
      newTestCheckout({ planId: plan.id, userId: input.user.id }),
      requireEnv("NEXTAUTH_SECRET"),
    )
    void track("checkout_started", {
      userId: input.user.id,
      props: { planId: plan.id, mode: "test" },
      browser: input.browser,
    })
    return { url: `/checkout/test?token=${encodeURIComponent(token)}`, mode: "test" }
  }
  if (!plan.polarProductId)
    throw new AppError("service_unavailable", `the plan ${plan.name} is not linked to a Polar product yet`)
  const checkout = await callPolar("start the checkout", () =>
    polar.checkouts.create({
      products: [plan.polarProductId!],
      success_url: `${input.origin}/account?checkout=success&checkout_id={CHECKOUT_ID}`,
      return_url: `${input.origin}/pricing`,
      external_customer_id: input.user.id,
      customer_email: input.user.email,
      metadata: { plan_id: plan.id },
    }),
  )
  void track("checkout_started", {
    userId: input.user.id,
    props: { planId: plan.id, mode: "live" },
    browser: input.browser,
  })
  return { url: checkout.url, mode: "live" }
}

export type TestCheckoutView = {
  checkout: TestCheckout
  plan: {
    id: string
    name: string
    interval: "MONTH" | "YEAR"
    priceCents: number
    currency: string
    polarProductId: string | null
  }
}

/** The test checkout a token names, for its buyer only; null when the token is bad, expired, or someone else's. */
export async function findTestCheckout(
  token: string,
  userId: string,
): Promise<TestCheckoutView | { error: "invalid" | "expired" } | null> {
  if (billingMode() === "live") return null
  const read = readTestCheckout(token, requireEnv("NEXTAUTH_SECRET"))
  if ("error" in read) return read
  if (read.checkout.userId !== userId) return null
  const plan = await db.plan.findUnique({ where: { id: read.checkout.planId }, select: planSelect })
  return plan ? { checkout: read.checkout, plan } : null
}

/**
 * The test checkout's buttons. "Pay" sends what Polar sends after a paid checkout (the subscription,
 * its first paid order, the succeeded checkout); "Card declined" sends only the failed checkout.
 * Both go through the webhook endpoint; this function writes nothing itself. Event ids derive from
 * the checkout, so paying twice delivers the same events twice, which the handler applies once.
 */
export async function completeTestCheckout(input: {
  user: SessionUser
  token: string
  outcome: "paid" | "declined"
  origin: string
}): Promise<{ redirectTo: string }> {
  const found = await findTestCheckout(input.token, input.user.id)
  if (!found) throw new AppError("not_found", "no such test checkout")
  if ("error" in found)
    throw new AppError(
      found.error === "expired" ? "conflict" : "bad_request",
      `this test checkout is ${found.error}; start again from the pricing page`,
    )
  const { checkout, plan: row } = found
  const plan: TestPlan = {
    productId: productIdOf(row),
    name: row.name,
    interval: row.interval,
    priceCents: row.priceCents,
    currency: row.currency,
  }
  const customer = { userId: input.user.id, email: input.user.email, name: input.user.name }
  const suffix = checkout.checkoutId.replace(/^chk_test_/, "")
  const subscriptionId = `sub_test_${suffix}`
  const now = new Date()
  const checkoutEvent = (status: "succeeded" | "failed") => ({
    id: `msg_${checkout.checkoutId}_${status}`,
    event: testEvent(
      "checkout.updated",
      checkoutPayload({
        id: checkout.checkoutId,
        status,
        at: now,
        plan,
        customer,
        subscriptionId: status === "succeeded" ? subscriptionId : null,
        successUrl: `${input.origin}/account?checkout=success`,
      }),
      now,
    ),
  })
  if (input.outcome === "declined") {
    await emitPolarEvents([checkoutEvent("failed")], input.origin)
    return { redirectTo: `/checkout/test?token=${encodeURIComponent(input.token)}&declined=1` }
  }
  await refuseSecondSubscription(input.user.id, subscriptionId)
  const subscription: TestSubscription = {
    id: subscriptionId,
    status: "active",
    createdAt: now,
    modifiedAt: null,
    currentPeriodStart: now,
    currentPeriodEnd: addMonths(now, row.interval === "YEAR" ? 12 : 1),
  }
  const active = { ...subscription, modifiedAt: now }
  await emitPolarEvents(
    [
      {
        id: `msg_${suffix}_subscription_created`,
        event: testEvent("subscription.created", subscriptionPayload(subscription, plan, customer), now),
      },
      {
        id: `msg_${suffix}_subscription_active`,
        event: testEvent("subscription.active", subscriptionPayload(active, plan, customer), now),
      },
      {
        id: `msg_${suffix}_order_paid`,
        event: testEvent(
          "order.paid",
          orderPayload(
            { id: `ord_test_${suffix}`, createdAt: now, billingReason: "subscription_create", subscription: active },
            plan,
            customer,
          ),
          now,
        ),
      },
      checkoutEvent("succeeded"),
    ],
    input.origin,
  )
  return { redirectTo: "/account?checkout=success" }
}

/** One live subscription per subscriber: a second checkout would bill them twice. */
async function refuseSecondSubscription(userId: string, exceptPolarId?: string): Promise<void> {
  const live = await db.subscription.findFirst({
    where: {
      userId,
      status: { in: [...LIVE_SUBSCRIPTION_STATUSES] },
      endedAt: null,
      ...(exceptPolarId
        ? { OR: [{ polarSubscriptionId: null }, { polarSubscriptionId: { not: exceptPolarId } }] }
        : {}),
    },
    select: { id: true },
  })
  if (live) throw new AppError("conflict", "you already have a subscription: change its plan from your account instead")
}
