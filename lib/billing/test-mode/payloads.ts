import type { models } from "@polar-sh/sdk/2026-10"
import type { BillingInterval } from "@/generated/prisma/enums"

// Polar-shaped webhook payloads (API version 2026-10, typed by the SDK's own models) for test
// mode: the test checkout and the subscriber actions send these to our webhook endpoint, which
// cannot tell them from Polar's.

export const TEST_API_VERSION = "2026-10"
const ORGANIZATION_ID = "org_test_ai_copilot_vibe"

export type TestCustomer = { userId: string; email: string; name: string | null }
export type TestPlan = {
  productId: string
  name: string
  interval: BillingInterval
  priceCents: number
  currency: string
}
export type TestSubscription = {
  id: string
  status: models.SubscriptionStatus
  createdAt: Date
  modifiedAt: Date | null
  currentPeriodStart: Date
  currentPeriodEnd: Date
  cancelAtPeriodEnd?: boolean
  canceledAt?: Date | null
  endedAt?: Date | null
  metadata?: Record<string, string>
  /** What Polar charges per interval before the discount (default: the plan's price). */
  amountCents?: number
  seats?: number | null
  discount?: models.Subscription["discount"]
}

export type TestEvent = { type: models.WebhookEventType; timestamp: string; api_version: string; data: unknown }

export function testEvent(type: models.WebhookEventType, data: unknown, at: Date): TestEvent {
  return { type, timestamp: at.toISOString(), api_version: TEST_API_VERSION, data }
}

export const testCustomerId = (userId: string) => `cus_test_${userId}`

export function customerPayload(customer: TestCustomer, at: Date): models.CustomerIndividual {
  return {
    id: testCustomerId(customer.userId),
    created_at: at.toISOString(),
    modified_at: null,
    metadata: {},
    external_id: customer.userId,
    email: customer.email,
    email_verified: true,
    type: "individual",
    name: customer.name,
    billing_name: null,
    billing_address: null,
    tax_id: null,
    organization_id: ORGANIZATION_ID,
    deleted_at: null,
    first_user_event_at: null,
    avatar_url: null,
  }
}

function productPayload(plan: TestPlan, at: Date): models.OrderProduct {
  const interval = plan.interval === "YEAR" ? "year" : "month"
  return {
    metadata: {},
    id: plan.productId,
    created_at: at.toISOString(),
    modified_at: null,
    trial_interval: null,
    trial_interval_count: null,
    name: plan.name,
    description: null,
    visibility: "public",
    recurring_interval: interval,
    recurring_interval_count: 1,
    meter_interval: null,
    meter_interval_count: null,
    is_recurring: true,
    is_archived: false,
    organization_id: ORGANIZATION_ID,
  }
}

function subscriptionFields(sub: TestSubscription, plan: TestPlan, customer: TestCustomer): models.OrderSubscription {
  const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null)
  return {
    metadata: sub.metadata ?? {},
    created_at: sub.createdAt.toISOString(),
    modified_at: iso(sub.modifiedAt),
    id: sub.id,
    amount: sub.amountCents ?? plan.priceCents,
    currency: plan.currency,
    recurring_interval: plan.interval === "YEAR" ? "year" : "month",
    recurring_interval_count: 1,
    status: sub.status,
    current_period_start: sub.currentPeriodStart.toISOString(),
    current_period_end: sub.currentPeriodEnd.toISOString(),
    current_meter_period_start: null,
    current_meter_period_end: null,
    trial_start: null,
    trial_end: null,
    cancel_at_period_end: sub.cancelAtPeriodEnd ?? false,
    canceled_at: iso(sub.canceledAt),
    started_at: sub.createdAt.toISOString(),
    ends_at: sub.cancelAtPeriodEnd ? sub.currentPeriodEnd.toISOString() : iso(sub.endedAt),
    ended_at: iso(sub.endedAt),
    pause_at_period_end: false,
    paused_at: null,
    resumes_at: null,
    customer_id: testCustomerId(customer.userId),
    product_id: plan.productId,
    discount_id: sub.discount?.id ?? null,
    checkout_id: null,
    seats: sub.seats ?? null,
    units: null,
    customer_cancellation_reason: null,
    customer_cancellation_comment: null,
  }
}

export function subscriptionPayload(
  sub: TestSubscription,
  plan: TestPlan,
  customer: TestCustomer,
): models.Subscription {
  return {
    ...subscriptionFields(sub, plan, customer),
    customer: customerPayload(customer, sub.createdAt),
    product: {
      ...productPayload(plan, sub.createdAt),
      is_deletable: false,
      prices: [],
      benefits: [],
      medias: [],
      attached_custom_fields: [],
    },
    discount: sub.discount ?? null,
    prices: [],
    meters: [],
    pending_update: null,
  }
}

export type TestOrder = {
  id: string
  createdAt: Date
  /** When Polar last changed it (a refund); defaults to createdAt, when it was paid. */
  modifiedAt?: Date
  billingReason: models.OrderBillingReason
  status?: models.OrderStatus
  refundedCents?: number
  /** Sales tax on top of the plan's price, and the part of it refunded. */
  taxCents?: number
  refundedTaxCents?: number
  subscription: TestSubscription | null
}

export function orderPayload(order: TestOrder, plan: TestPlan, customer: TestCustomer): models.Order {
  const amount = order.subscription?.amountCents ?? plan.priceCents
  const tax = order.taxCents ?? 0
  const refunded = order.refundedCents ?? 0
  const refundedTax = order.refundedTaxCents ?? 0
  return {
    id: order.id,
    created_at: order.createdAt.toISOString(),
    modified_at: (order.modifiedAt ?? order.createdAt).toISOString(),
    status: order.status ?? "paid",
    paid: true,
    subtotal_amount: amount,
    discount_amount: 0,
    net_amount: amount,
    tax_amount: tax,
    total_amount: amount + tax,
    applied_balance_amount: 0,
    due_amount: 0,
    refunded_amount: refunded,
    refunded_tax_amount: refundedTax,
    currency: plan.currency,
    billing_reason: order.billingReason,
    billing_name: customer.name,
    billing_address: null,
    invoice_number: null,
    is_invoice_generated: false,
    receipt_number: null,
    units: null,
    customer_id: testCustomerId(customer.userId),
    product_id: plan.productId,
    discount_id: null,
    subscription_id: order.subscription?.id ?? null,
    checkout_id: null,
    metadata: {},
    platform_fee_amount: 0,
    platform_fee_currency: null,
    customer: customerPayload(customer, order.createdAt),
    product: productPayload(plan, order.createdAt),
    discount: null,
    subscription: order.subscription ? subscriptionFields(order.subscription, plan, customer) : null,
    items: [],
    description: plan.name,
    refundable_amount: amount - refunded,
    refundable_tax_amount: tax - refundedTax,
  }
}

export function checkoutPayload(input: {
  id: string
  status: models.CheckoutStatus
  at: Date
  plan: TestPlan
  customer: TestCustomer
  subscriptionId: string | null
  successUrl: string
}): models.Checkout {
  const { plan, customer, at } = input
  const product = { ...productPayload(input.plan, at), prices: [], benefits: [] as models.BenefitPublic[], medias: [] }
  return {
    id: input.id,
    created_at: at.toISOString(),
    modified_at: at.toISOString(),
    payment_processor: "stripe",
    status: input.status,
    client_secret: `${input.id}_secret`,
    url: `/checkout/test/${input.id}`,
    expires_at: new Date(at.getTime() + 3_600_000).toISOString(),
    success_url: input.successUrl,
    return_url: null,
    embed_origin: null,
    amount: plan.priceCents,
    units: null,
    min_units: null,
    max_units: null,
    discount_amount: 0,
    net_amount: plan.priceCents,
    tax_amount: 0,
    tax_behavior: null,
    total_amount: plan.priceCents,
    currency: plan.currency,
    allow_trial: null,
    active_trial_interval: null,
    active_trial_interval_count: null,
    trial_end: null,
    organization_id: ORGANIZATION_ID,
    product_id: plan.productId,
    product_price_id: null,
    discount_id: null,
    allow_discount_codes: false,
    require_billing_address: false,
    is_discount_applicable: false,
    is_free_product_price: false,
    is_payment_required: true,
    is_payment_setup_required: true,
    is_payment_form_required: true,
    customer_id: testCustomerId(customer.userId),
    is_business_customer: false,
    customer_name: customer.name,
    customer_email: customer.email,
    customer_ip_address: null,
    customer_billing_name: null,
    customer_billing_address: null,
    customer_tax_id: null,
    payment_method_type: "card",
    payment_processor_metadata: {},
    billing_address_fields: {
      country: "required",
      state: "disabled",
      city: "disabled",
      postal_code: "disabled",
      line1: "disabled",
      line2: "disabled",
    },
    trial_interval: null,
    trial_interval_count: null,
    metadata: {},
    external_customer_id: customer.userId,
    products: [product],
    product,
    product_price: null,
    prices: null,
    discount: null,
    subscription_id: input.subscriptionId,
    attached_custom_fields: null,
    customer_metadata: {},
  }
}
