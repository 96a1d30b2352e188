import "server-only"
import { randomBytes } from "node:crypto"
import type { models } from "@polar-sh/sdk/2026-10"
import type { SubscriptionStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { appOrigin } from "@/lib/config/app-origin"
import { billingMode, polarClient, productIdOf } from "./polar"
import { callPolar } from "./polar-errors"
import { LIVE_SUBSCRIPTION_STATUSES } from "./queries"
import { emitPolarEvents, type OutgoingEvent } from "./test-mode/emit"
import { orderPayload, subscriptionPayload, type TestSubscription, testEvent } from "./test-mode/payloads"
import { SUBSCRIPTION_ID_METADATA_KEY } from "./webhooks/apply-subscription"

// What a subscriber may do to their subscription. Live, each asks Polar through the SDK and our
// state follows when Polar's webhook arrives; test mode sends the webhook Polar would send. Either
// way the webhook handler is the only writer.

export type SubscriptionView = {
  id: string
  status: SubscriptionStatus
  cancelAtPeriodEnd: boolean
  currentPeriodEnd: Date
  endedAt: Date | null
  plan: { id: string; name: string }
}
export type ActionResult = { mode: "live" | "test"; subscription: SubscriptionView }
type Options = { origin?: string }

/** Stops the subscription at the end of the paid period; the seat stays until then. */
export async function cancelAtPeriodEnd(
  userId: string,
  subscriptionId?: string,
  options: Options = {},
): Promise<ActionResult> {
  const sub = await liveSubscriptionOrThrow(userId, subscriptionId)
  if (sub.cancelAtPeriodEnd) return result(userId, sub.id)
  const now = new Date()
  return act(userId, sub, options, {
    live: () => ({ cancel_at_period_end: true }),
    test: {
      types: ["subscription.updated", "subscription.canceled"],
      change: { cancelAtPeriodEnd: true, canceledAt: now },
    },
  })
}

/** Withdraws a scheduled cancellation. */
export async function resume(userId: string, subscriptionId?: string, options: Options = {}): Promise<ActionResult> {
  const sub = await liveSubscriptionOrThrow(userId, subscriptionId)
  if (!sub.cancelAtPeriodEnd) return result(userId, sub.id)
  return act(userId, sub, options, {
    live: () => ({ cancel_at_period_end: false }),
    test: {
      types: ["subscription.updated", "subscription.uncanceled"],
      change: { cancelAtPeriodEnd: false, canceledAt: null },
    },
  })
}

/** Moves the subscription to another plan on sale; MRR moves when Polar confirms the change. */
export async function changePlan(
  userId: string,
  subscriptionId: string | undefined,
  planId: string,
  options: Options = {},
): Promise<ActionResult> {
  const sub = await liveSubscriptionOrThrow(userId, subscriptionId)
  const plan = await db.plan.findFirst({ where: { id: planId, active: true }, select: planSelect })
  if (!plan) throw new AppError("not_found", "no such plan on sale")
  if (plan.id === sub.plan.id) return result(userId, sub.id)
  if (billingMode() === "live" && !plan.polarProductId)
    throw new AppError("service_unavailable", `the plan ${plan.name} is not linked to a Polar product yet`)
  return act(userId, sub, options, {
    live: () => ({ product_id: plan.polarProductId }),
    test: { types: ["subscription.updated"], change: {}, plan },
  })
}

/** Where the subscriber manages payment methods and invoices: Polar's customer portal, or (test mode) our billing page. */
export async function billingPortalUrl(userId: string, options: Options = {}): Promise<string> {
  const polar = polarClient()
  if (!polar) return "/account/billing"
  const session = await callPolar("open the customer portal", () =>
    polar.customerSessions.create({
      external_customer_id: userId,
      return_url: `${options.origin ?? appOrigin()}/account`,
    }),
  )
  return session.customer_portal_url
}

const planSelect = {
  id: true,
  name: true,
  interval: true,
  priceCents: true,
  currency: true,
  polarProductId: true,
} as const
type Plan = {
  id: string
  name: string
  interval: "MONTH" | "YEAR"
  priceCents: number
  currency: string
  polarProductId: string | null
}

/** The subscriber's subscription (the named one, else the current one); 404 when none, 409 once it has ended. */
export async function liveSubscriptionOrThrow(userId: string, subscriptionId?: string) {
  const sub = await db.subscription.findFirst({
    where: { userId, ...(subscriptionId ? { id: subscriptionId } : {}) },
    orderBy: [{ endedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      status: true,
      polarSubscriptionId: true,
      startedAt: true,
      currentPeriodStart: true,
      currentPeriodEnd: true,
      cancelAtPeriodEnd: true,
      canceledAt: true,
      plan: { select: planSelect },
      user: { select: { email: true, name: true } },
    },
  })
  if (!sub) throw new AppError("not_found", "no such subscription")
  if (!(LIVE_SUBSCRIPTION_STATUSES as readonly string[]).includes(sub.status))
    throw new AppError("conflict", "this subscription has ended")
  return sub
}
type Owned = Awaited<ReturnType<typeof liveSubscriptionOrThrow>>

type Change = Partial<
  Pick<TestSubscription, "status" | "cancelAtPeriodEnd" | "canceledAt" | "currentPeriodStart" | "currentPeriodEnd">
>
type SubscriptionEventType =
  | "subscription.updated"
  | "subscription.canceled"
  | "subscription.uncanceled"
  | "subscription.past_due"
  | "subscription.active"
type Action = {
  /** What to ask Polar for; absent for what only test mode can do (Polar does it on its own). */
  live?: () => models.SubscriptionUpdate
  test: {
    types: SubscriptionEventType[]
    change: Change
    plan?: Plan
    /** A paid order (a renewal's charge) sent first, carrying the changed subscription. */
    paidOrder?: models.OrderBillingReason
    /** Names the change, so the same change sent twice is the same deliveries, applied once. */
    key?: string
  }
}

/** Asks Polar for the change (live), or sends the webhooks Polar would send for it (test mode). */
export async function act(userId: string, sub: Owned, options: Options, action: Action): Promise<ActionResult> {
  const polar = polarClient()
  if (polar) {
    if (!action.live) throw new AppError("conflict", "Polar does this itself in live mode")
    if (!sub.polarSubscriptionId) throw new AppError("conflict", "this subscription is not linked to Polar")
    const polarId = sub.polarSubscriptionId
    const update = action.live
    await callPolar("update the subscription", () => polar.subscriptions.update(polarId, update()))
    return result(userId, sub.id, "live")
  }
  const now = new Date()
  const plan = action.test.plan ?? sub.plan
  const state: TestSubscription = {
    // A subscription from before Polar (the demo data) is linked on its first event.
    id: sub.polarSubscriptionId ?? `sub_test_${sub.id}`,
    metadata: sub.polarSubscriptionId ? {} : { [SUBSCRIPTION_ID_METADATA_KEY]: sub.id },
    status: POLAR_STATUS[sub.status],
    createdAt: sub.startedAt,
    modifiedAt: now,
    currentPeriodStart: sub.currentPeriodStart,
    currentPeriodEnd: sub.currentPeriodEnd,
    cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
    canceledAt: sub.canceledAt,
    ...action.test.change,
  }
  const customer = { userId, email: sub.user.email, name: sub.user.name }
  const testPlan = {
    productId: productIdOf(plan),
    name: plan.name,
    interval: plan.interval,
    priceCents: plan.priceCents,
    currency: plan.currency,
  }
  const payload = subscriptionPayload(state, testPlan, customer)
  const stamp = action.test.key ?? `${now.getTime().toString(36)}${randomBytes(3).toString("hex")}`
  const events: OutgoingEvent[] = action.test.types.map((type) => ({
    id: `msg_test_${stamp}_${type}_${sub.id}`,
    event: testEvent(type, payload, now),
  }))
  const { paidOrder } = action.test
  if (paidOrder) {
    const order = orderPayload(
      { id: `ord_test_${stamp}_${sub.id}`, createdAt: now, billingReason: paidOrder, subscription: state },
      testPlan,
      customer,
    )
    events.unshift({ id: `msg_test_${stamp}_order.paid_${sub.id}`, event: testEvent("order.paid", order, now) })
  }
  await emitPolarEvents(events, options.origin ?? appOrigin())
  return result(userId, sub.id, "test")
}

const POLAR_STATUS: Record<SubscriptionStatus, models.SubscriptionStatus> = {
  INCOMPLETE: "incomplete",
  TRIALING: "trialing",
  ACTIVE: "active",
  PAST_DUE: "past_due",
  CANCELED: "canceled",
  UNPAID: "unpaid",
}

async function result(userId: string, id: string, mode: "live" | "test" = billingMode()): Promise<ActionResult> {
  const subscription = await db.subscription.findFirstOrThrow({
    where: { id, userId },
    select: {
      id: true,
      status: true,
      cancelAtPeriodEnd: true,
      currentPeriodEnd: true,
      endedAt: true,
      plan: { select: { id: true, name: true } },
    },
  })
  return { mode, subscription }
}
