import type { models } from "@polar-sh/sdk/2026-10"
import { db } from "@/lib/db"
import { POST as webhookPost } from "@/app/api/webhooks/polar/route"
import { productIdOf } from "@/lib/billing/polar"
import { signWebhook } from "@/lib/billing/test-mode/sign"
import {
  orderPayload,
  subscriptionPayload,
  type TestCustomer,
  type TestOrder,
  type TestPlan,
  type TestSubscription,
  testEvent,
} from "@/lib/billing/test-mode/payloads"
import { TEST_MODE_WEBHOOK_SECRET } from "@/lib/billing/webhook-secret"
import { callRoute } from "@/lib/testing/http"

// Builds Polar-shaped events for tests and delivers them, signed, to the webhook route.

let sequence = 0
export const nextId = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${++sequence}`

export type Delivery = { id: string; body: string }

export function delivery(event: unknown, id = nextId("msg")): Delivery {
  return { id, body: JSON.stringify(event) }
}

/** POSTs a delivery to /api/webhooks/polar, signed with the test-mode secret unless told otherwise. */
export async function post(
  d: Delivery,
  options: { secret?: string; signature?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const signed = signWebhook(options.secret ?? TEST_MODE_WEBHOOK_SECRET, {
    id: d.id,
    timestamp: Date.now() / 1000,
    body: d.body,
  })
  const headers = {
    "content-type": "application/json",
    ...signed,
    ...(options.signature ? { "webhook-signature": options.signature } : {}),
    ...options.headers,
  }
  return callRoute(webhookPost, "POST", "/api/webhooks/polar", { rawBody: d.body, headers })
}

/** The three demo plans (monthly $19.99, annual $199, team $49) as test-mode products. */
export async function ensurePlans(): Promise<Record<"monthly" | "annual" | "team", TestPlan & { id: string }>> {
  const defs = [
    { slug: "monthly", name: "Copilot Monthly", interval: "MONTH", priceCents: 1999, sortOrder: 1 },
    { slug: "annual", name: "Copilot Annual", interval: "YEAR", priceCents: 19900, sortOrder: 2 },
    { slug: "team", name: "Copilot Team", interval: "MONTH", priceCents: 4900, seats: 5, sortOrder: 3 },
  ] as const
  const result = {} as Record<"monthly" | "annual" | "team", TestPlan & { id: string }>
  for (const def of defs) {
    const plan = await db.plan.upsert({
      where: { slug: def.slug },
      create: { ...def, description: def.name, features: [] },
      update: {},
    })
    result[def.slug] = {
      id: plan.id,
      productId: productIdOf(plan),
      name: plan.name,
      interval: plan.interval,
      priceCents: plan.priceCents,
      currency: plan.currency,
    }
  }
  return result
}

export type SubState = Omit<TestSubscription, "createdAt" | "currentPeriodStart" | "currentPeriodEnd"> &
  Partial<TestSubscription>

/** A subscription story told as Polar events: each call is one snapshot at `at`. */
export function story(customer: TestCustomer, start: Date, id = nextId("sub")) {
  const periodEnd = new Date(start.getTime() + 30 * 86_400_000)
  const base: TestSubscription = {
    id,
    status: "active",
    createdAt: start,
    modifiedAt: null,
    currentPeriodStart: start,
    currentPeriodEnd: periodEnd,
  }
  const snapshot = (at: Date | null, change: Partial<TestSubscription>): TestSubscription => ({
    ...base,
    modifiedAt: at,
    ...change,
  })
  return {
    id,
    snapshot,
    subscription(
      type: models.WebhookEventType,
      plan: TestPlan,
      at: Date | null,
      change: Partial<TestSubscription> = {},
    ) {
      return testEvent(type, subscriptionPayload(snapshot(at, change), plan, customer), at ?? start)
    },
    /** `at` is when Polar created the order; `modifiedAt` (default `at`) when it was paid, or refunded. */
    order(
      type: "order.paid" | "order.refunded",
      plan: TestPlan,
      input: {
        id: string
        at: Date
        billingReason: models.OrderBillingReason
        sub?: TestSubscription | null
        status?: models.OrderStatus
      } & Pick<TestOrder, "modifiedAt" | "refundedCents" | "taxCents" | "refundedTaxCents">,
    ) {
      const sub = input.sub === undefined ? snapshot(input.at, {}) : input.sub
      const { id, at: createdAt, billingReason, status, ...amounts } = input
      return testEvent(
        type,
        orderPayload({ id, createdAt, billingReason, subscription: sub, status, ...amounts }, plan, customer),
        input.modifiedAt ?? input.at,
      )
    },
  }
}

export const at = (iso: string) => new Date(iso)
