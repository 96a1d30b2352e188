import { expect, test } from "vitest"
import { checkoutPayload, orderPayload, subscriptionPayload, testEvent } from "../test-mode/payloads"
import { isHandledType, polarEventSchema } from "./events"

const plan = { productId: "prod_1", name: "Monthly", interval: "MONTH" as const, priceCents: 1999, currency: "usd" }
const customer = { userId: "user_1", email: "ada@example.com", name: "Ada" }
const at = new Date("2026-01-01T00:00:00Z")
const sub = {
  id: "sub_1",
  status: "active" as const,
  createdAt: at,
  modifiedAt: null,
  currentPeriodStart: at,
  currentPeriodEnd: new Date("2026-02-01T00:00:00Z"),
}

test("test mode's payloads parse as the Polar events they imitate", () => {
  const created = polarEventSchema.parse(
    testEvent("subscription.created", subscriptionPayload(sub, plan, customer), at),
  )
  expect(created).toMatchObject({
    type: "subscription.created",
    data: {
      id: "sub_1",
      status: "active",
      product_id: "prod_1",
      customer: { external_id: "user_1", email: "ada@example.com" },
    },
  })
  const order = polarEventSchema.parse(
    testEvent(
      "order.paid",
      orderPayload(
        { id: "ord_1", createdAt: at, billingReason: "subscription_create", subscription: sub },
        plan,
        customer,
      ),
      at,
    ),
  )
  expect(order).toMatchObject({
    type: "order.paid",
    data: { total_amount: 1999, billing_reason: "subscription_create", subscription: { id: "sub_1" } },
  })
  const checkout = polarEventSchema.parse(
    testEvent(
      "checkout.updated",
      checkoutPayload({
        id: "chk_1",
        status: "failed",
        at,
        plan,
        customer,
        subscriptionId: null,
        successUrl: "http://x",
      }),
      at,
    ),
  )
  expect(checkout).toMatchObject({
    type: "checkout.updated",
    data: { status: "failed", external_customer_id: "user_1" },
  })
})

test("Polar's microsecond timestamps with offsets parse; a wrong status does not", () => {
  const event = testEvent(
    "subscription.updated",
    { ...subscriptionPayload(sub, plan, customer), modified_at: "2026-01-05T10:00:00.123456+00:00" },
    at,
  )
  expect(polarEventSchema.parse(event).data).toMatchObject({ modified_at: new Date("2026-01-05T10:00:00.123Z") })
  expect(
    polarEventSchema.safeParse(
      testEvent("subscription.updated", { ...subscriptionPayload(sub, plan, customer), status: "sleeping" }, at),
    ).success,
  ).toBe(false)
})

test("handled types: subscriptions, paid and refunded orders, checkouts, customer updates", () => {
  expect(
    ["subscription.revoked", "order.paid", "order.refunded", "checkout.updated", "customer.updated"].every(
      isHandledType,
    ),
  ).toBe(true)
  expect(["order.created", "benefit.created", "customer.deleted", "anything"].some(isHandledType)).toBe(false)
})
