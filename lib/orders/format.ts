import type { OrderStatus } from "@/generated/prisma/enums"

// Order statuses as a subscriber reads them: about their seat, not our workflow.
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING: "Awaiting delivery",
  IN_PROGRESS: "Being delivered",
  FULFILLED: "Delivered",
  CANCELED: "Canceled",
  REFUNDED: "Refunded",
}
