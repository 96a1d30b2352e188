import { z } from "zod"
import { SubscriptionStatus } from "@/generated/prisma/enums"

/** A subscription status, or "none" for customers who never subscribed. */
export const CUSTOMER_STATUS_FILTERS = [...Object.values(SubscriptionStatus), "none"] as const
export type CustomerStatusFilter = (typeof CUSTOMER_STATUS_FILTERS)[number]

export const customerListSchema = z.object({
  /** Part of the email address or the name, any case. */
  q: z.string().trim().max(200).optional(),
  /** The whole email address, any case. */
  email: z.string().trim().max(320).optional(),
  status: z.enum(CUSTOMER_STATUS_FILTERS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
})

export type CustomerListFilter = z.infer<typeof customerListSchema>
