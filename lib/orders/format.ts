import type { OrderEventType, OrderStatus } from "@/generated/prisma/enums"

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

const ORDER_TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" })

/** "10 Mar 2026, 12:00 UTC": the same text on the server and in every browser, so client components hydrate cleanly. */
export function formatOrderTime(date: Date): string {
  return `${ORDER_TIME.format(date)} UTC`
}

const ORDER_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
const ORDER_CLOCK = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" })

/** formatOrderTime in two parts, for narrow table cells: "10 Mar 2026" and "12:00 UTC". */
export function formatOrderDayAndClock(date: Date): { day: string; clock: string } {
  return { day: ORDER_DAY.format(date), clock: `${ORDER_CLOCK.format(date)} UTC` }
}
