import { Badge, type BadgeTone } from "@/components/ui/badge"
import type { OrderStatus } from "@/generated/prisma/enums"
import { ORDER_STATUS_LABELS_FOR_STAFF } from "@/lib/orders/format"

const TONE: Record<OrderStatus, BadgeTone> = { PENDING: "warning", IN_PROGRESS: "brand", FULFILLED: "success", CANCELED: "neutral", REFUNDED: "neutral" }

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <Badge tone={TONE[status]} className="whitespace-nowrap" data-testid="order-status">
      {ORDER_STATUS_LABELS_FOR_STAFF[status]}
    </Badge>
  )
}
