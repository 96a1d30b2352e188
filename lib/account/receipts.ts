import { db } from "@/lib/db"

export type Receipt = {
  id: string
  paidAt: Date
  amountCents: number
  refundedCents: number
  currency: string
  status: "PAID" | "REFUNDED" | "PARTIALLY_REFUNDED"
  description: string
}

const REASONS: Record<string, string> = {
  purchase: "Purchase",
  subscription_create: "New subscription",
  subscription_cycle: "Renewal",
  subscription_update: "Plan change",
}

/** The subscriber's own payments, newest first. */
export async function listReceipts(userId: string, take = 100): Promise<Receipt[]> {
  const rows = await db.payment.findMany({
    where: { userId },
    orderBy: { paidAt: "desc" },
    take,
    select: {
      id: true,
      paidAt: true,
      amountCents: true,
      refundedCents: true,
      currency: true,
      status: true,
      billingReason: true,
      subscription: { select: { plan: { select: { name: true } } } },
    },
  })
  return rows.map(({ billingReason, subscription, ...row }) => ({
    ...row,
    description: [subscription?.plan.name, REASONS[billingReason] ?? billingReason].filter(Boolean).join(" · "),
  }))
}
