import { z } from "zod"
import { WebhookStatus } from "@/generated/prisma/enums"

const id = z.string().trim().min(1).max(100)

/** POST /api/checkout */
export const checkoutSchema = z.object({ planId: id })
export type CheckoutInput = z.infer<typeof checkoutSchema>

/** POST /api/checkout/test/complete: the outcome the test-mode buyer picked. */
export const testCheckoutCompleteSchema = z.object({
  token: z.string().min(1).max(2000),
  outcome: z.enum(["paid", "declined"]),
})
export type TestCheckoutComplete = z.infer<typeof testCheckoutCompleteSchema>

/** Subscriber actions; without an id they act on the subscriber's current subscription. */
export const subscriptionActionSchema = z.object({ subscriptionId: id.optional() }).default({})
export const changePlanSchema = z.object({ subscriptionId: id.optional(), planId: id })

/** GET /api/admin/webhooks and the /admin/webhooks page; `subscription` is a Polar subscription id. */
export const deliveryFilterSchema = z.object({
  status: z.enum(WebhookStatus).optional(),
  type: z.string().trim().min(1).max(100).optional(),
  subscription: id.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type DeliveryFilter = z.infer<typeof deliveryFilterSchema>

/** POST /api/admin/webhooks/replay: the Polar subscription whose failed deliveries are replayed. */
export const replaySubscriptionSchema = z.object({ subscription: id })
export type ReplaySubscriptionInput = z.infer<typeof replaySubscriptionSchema>
