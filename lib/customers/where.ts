import type { Prisma } from "@/generated/prisma/client"

/** A customer: a subscriber account, or anyone (staff included) who has ever had a subscription. */
export const IS_CUSTOMER = { OR: [{ role: "SUBSCRIBER" }, { subscriptions: { some: {} } }] } satisfies Prisma.UserWhereInput

/** The current subscription first: the newest not ended, then the one that ended last (see current.ts). */
export const CURRENT_SUBSCRIPTION_ORDER = [
  { endedAt: { sort: "desc", nulls: "first" } },
  { createdAt: "desc" },
] satisfies Prisma.SubscriptionOrderByWithRelationInput[]
