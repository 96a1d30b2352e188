import type { OrderEventType, OrderStatus } from "@/generated/prisma/enums"
import { formatClock, formatDate, formatDateTime } from "@/lib/format/dates"

// Order statuses as a subscriber reads them: about their seat, not our workflow.
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING: "Awaiting delivery",
  IN_PROGRESS: "Being delivered",
  FULFILLED: "Delivered",
  CANCELED: "Canceled",
  REFUNDED: "Refunded",
}

/** Timeline entries as staff read them. */
export const ORDER_EVENT_LABELS: Record<OrderEventType, string> = {
  PAID: "Paid",
  ASSIGNED: "Assigned",
  FULFILLED: "Fulfilled",
  CREDENTIALS_REVEALED: "Credentials revealed",
  RELEASE_REQUESTED: "Release requested",
  RELEASED: "Seat released",
  REFUNDED: "Refunded",
  CANCELED: "Canceled",
}

/** The same timeline in the subscriber's words. */
export const ORDER_EVENT_LABELS_FOR_SUBSCRIBER: Record<OrderEventType, string> = {
  PAID: "Payment received",
  ASSIGNED: "Our team started setting up your seat",
  FULFILLED: "Seat delivered",
  CREDENTIALS_REVEALED: "You viewed the credentials",
  RELEASE_REQUESTED: "Subscription ended: the seat will be released",
  RELEASED: "Seat released",
  REFUNDED: "Refunded",
  CANCELED: "Canceled",
}

/** Order statuses in the staff queue's words. */
export const ORDER_STATUS_LABELS_FOR_STAFF: Record<OrderStatus, string> = {
  PENDING: "Pending",
  IN_PROGRESS: "In progress",
  FULFILLED: "Fulfilled",
  CANCELED: "Canceled",
  REFUNDED: "Refunded",
}

/** "10 Mar 2026, 12:00 UTC": the same text on the server and in every browser, so client components hydrate cleanly. */
export function formatOrderTime(date: Date): string {
  return formatDateTime(date, { showZone: true })
}

/** formatOrderTime in two parts, for narrow table cells: "10 Mar 2026" and "12:00 UTC". */
export function formatOrderDayAndClock(date: Date): { day: string; clock: string } {
  return { day: formatDate(date), clock: formatClock(date, { showZone: true }) }
}
