import { Badge, type BadgeStyle } from "@/components/ui/badge"
import type { PaymentStatus } from "@/generated/prisma/enums"

export const PAYMENT_STATUS_BADGES: Record<PaymentStatus, BadgeStyle> = {
  PAID: { label: "Paid", tone: "success" },
  PARTIALLY_REFUNDED: { label: "Partly refunded", tone: "warning" },
  REFUNDED: { label: "Refunded", tone: "neutral" },
}

/** A payment as the subscriber's receipts and the staff's customer page show it. */
export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const { label, tone } = PAYMENT_STATUS_BADGES[status]
  return <Badge tone={tone}>{label}</Badge>
}
