import type { Prisma } from "@/generated/prisma/client"

/** A customer: a subscriber account, or anyone (staff included) who has ever had a subscription. */
export const IS_CUSTOMER = {
  OR: [{ role: "SUBSCRIBER" }, { subscriptions: { some: {} } }],
} satisfies Prisma.UserWhereInput
