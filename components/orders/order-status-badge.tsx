import type { ComponentProps } from "react"
import { Badge, type BadgeTone } from "@/components/ui/badge"
import type { OrderStatus } from "@/generated/prisma/enums"
import { ORDER_STATUS_LABELS, ORDER_STATUS_LABELS_FOR_STAFF } from "@/lib/orders/format"

// The tone is the same for both audiences; the words are lib/orders/format's, which other text
// (the order counts, the operations table) uses too: the subscriber's about their seat, the
// staff queue's about our workflow.
export const ORDER_STATUS_TONES: Record<OrderStatus, BadgeTone> = {
  PENDING: "warning",
  IN_PROGRESS: "brand",
  FULFILLED: "success",
  CANCELED: "neutral",
  REFUNDED: "neutral",
}

const LABELS = { subscriber: ORDER_STATUS_LABELS, staff: ORDER_STATUS_LABELS_FOR_STAFF }

type OrderStatusBadgeProps = { status: OrderStatus; audience: keyof typeof LABELS } & Omit<
  ComponentProps<"span">,
  "children"
>

export function OrderStatusBadge({ status, audience, ...props }: OrderStatusBadgeProps) {
  return (
    <Badge tone={ORDER_STATUS_TONES[status]} {...props}>
      {LABELS[audience][status]}
    </Badge>
  )
}
