import { z } from "zod"
import { preciseDate } from "../lifecycle/instant"

// The parts of Polar's 2026-10 webhook payloads we act on, validated after the signature check.
// Everything else in a payload is kept in the stored delivery but not read.

// Dates that remember Polar's microseconds: two states of a subscription microseconds apart stay in order.
const timestamp = z.iso.datetime({ offset: true }).transform((value) => preciseDate(value))
const optionalTimestamp = timestamp.nullish().transform((value) => value ?? null)
const cents = z.number().int().min(0)

export const POLAR_SUBSCRIPTION_STATUSES = [
  "incomplete",
  "incomplete_expired",
  "trialing",
  "active",
  "past_due",
  "canceled",
  "unpaid",
  "paused",
] as const
export type PolarSubscriptionStatus = (typeof POLAR_SUBSCRIPTION_STATUSES)[number]

// Polar accepts internationalised addresses (`zoë@exämple.de`, IDN domains) that a strict validator
// refuses: refusing one would lose every event of that customer, so only the shape Polar guarantees
// (something@something, no spaces) is checked, and anything else is kept as no address at all.
const polarEmail = z
  .string()
  .nullish()
  .transform((value) => {
    const email = value?.trim()
    return email && email.length <= 320 && /^[^\s@]+@[^\s@]+$/u.test(email) ? email : null
  })

export const customerSchema = z.object({
  id: z.string().min(1),
  created_at: optionalTimestamp,
  modified_at: optionalTimestamp,
  external_id: z.string().min(1).nullish(),
  email: polarEmail,
  email_verified: z.boolean().optional(),
  name: z.string().nullish(),
})
export type PolarCustomer = z.infer<typeof customerSchema>

const discountSchema = z.discriminatedUnion("type", [
  z.object({
    id: z.string().min(1),
    type: z.literal("percentage"),
    basis_points: z.number().int().min(0).max(10_000),
    duration: z.enum(["once", "forever", "repeating"]),
    duration_in_months: z.number().int().min(0).nullish(),
  }),
  z.object({
    id: z.string().min(1),
    type: z.literal("fixed"),
    amount: cents,
    currency: z.string().min(3).max(3),
    duration: z.enum(["once", "forever", "repeating"]),
    duration_in_months: z.number().int().min(0).nullish(),
  }),
])
export type PolarDiscount = z.infer<typeof discountSchema>

/** A subscription as Polar sends it, on its own (subscription.*) or inside an order. */
export const subscriptionSnapshotSchema = z.object({
  id: z.string().min(1),
  status: z.enum(POLAR_SUBSCRIPTION_STATUSES),
  created_at: timestamp,
  modified_at: optionalTimestamp,
  product_id: z.string().min(1),
  current_period_start: timestamp,
  current_period_end: timestamp,
  cancel_at_period_end: z.boolean(),
  canceled_at: optionalTimestamp,
  started_at: optionalTimestamp,
  ended_at: optionalTimestamp,
  ends_at: optionalTimestamp,
  metadata: z.record(z.string(), z.unknown()).nullish(),
  // What Polar charges every interval, before the discount (absent from payloads older than 2026-10).
  amount: cents.nullish(),
  currency: z.string().min(3).max(3).nullish(),
  recurring_interval: z.enum(["day", "week", "month", "year"]).nullish(),
  recurring_interval_count: z.number().int().min(1).nullish(),
  seats: z.number().int().min(0).nullish(),
  discount_id: z.string().nullish(),
  // Only subscription.* payloads carry the discount itself; the subscription inside an order has its id only.
  discount: discountSchema.nullish(),
})
export type PolarSubscriptionSnapshot = z.infer<typeof subscriptionSnapshotSchema>

export const orderSchema = z.object({
  id: z.string().min(1),
  status: z.enum(["draft", "pending", "paid", "refunded", "partially_refunded", "void"]),
  created_at: timestamp,
  modified_at: optionalTimestamp,
  total_amount: cents,
  // net + tax = total; absent from old payloads, where the total was untaxed
  net_amount: cents.nullish(),
  tax_amount: cents.nullish(),
  // Polar keeps what was refunded net and its tax apart
  refunded_amount: cents,
  refunded_tax_amount: cents.nullish(),
  currency: z.string().min(3).max(3),
  billing_reason: z.enum([
    "purchase",
    "subscription_create",
    "subscription_cycle",
    "subscription_update",
    "subscription_meter_cycle",
  ]),
  customer: customerSchema,
  product_id: z.string().nullish(),
  subscription_id: z.string().nullish(),
  subscription: subscriptionSnapshotSchema.nullish(),
})
export type PolarOrder = z.infer<typeof orderSchema>

const SUBSCRIPTION_TYPES = [
  "subscription.created",
  "subscription.updated",
  "subscription.active",
  "subscription.canceled",
  "subscription.uncanceled",
  "subscription.revoked",
  "subscription.past_due",
  "subscription.cycled",
  "subscription.paused",
  "subscription.resumed",
  "subscription.migrated",
] as const

const envelope = { timestamp }

export const polarEventSchema = z.discriminatedUnion("type", [
  z.object({
    ...envelope,
    type: z.enum(SUBSCRIPTION_TYPES),
    data: subscriptionSnapshotSchema.extend({ customer: customerSchema }),
  }),
  z.object({ ...envelope, type: z.enum(["order.paid", "order.refunded"]), data: orderSchema }),
  z.object({
    ...envelope,
    type: z.enum(["checkout.created", "checkout.updated", "checkout.expired"]),
    data: z.object({
      id: z.string().min(1),
      status: z.enum(["open", "expired", "confirmed", "succeeded", "failed"]),
      external_customer_id: z.string().nullish(),
      customer_email: z.string().nullish(),
      product_id: z.string().nullish(),
      subscription_id: z.string().nullish(),
    }),
  }),
  z.object({ ...envelope, type: z.enum(["customer.created", "customer.updated"]), data: customerSchema }),
])
export type PolarEvent = z.infer<typeof polarEventSchema>

/** The event types we act on; other (known or unknown) types are stored and acknowledged only. */
export const HANDLED_EVENT_TYPES = [
  "checkout.created",
  "checkout.updated",
  "checkout.expired",
  "customer.created",
  "customer.updated",
  "order.paid",
  "order.refunded",
  ...SUBSCRIPTION_TYPES,
] as const

const HANDLED: ReadonlySet<string> = new Set(HANDLED_EVENT_TYPES)

export function isHandledType(type: string): boolean {
  return HANDLED.has(type)
}
