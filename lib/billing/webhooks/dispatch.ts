import type { RawSql } from "@/lib/database/raw-transaction"
import { applyOrder } from "./apply-order"
import { applySubscriptionSnapshot, type PrelockedSubscription } from "./apply-subscription"
import { applyCustomerUpdated, noteCustomerCopy } from "./customers"
import type { BillingEffect } from "./effects"
import type { PolarEvent, PolarSubscriptionSnapshot } from "./events"

/**
 * Applies one verified Polar event inside the caller's transaction. Every subscription.* event
 * carries the whole subscription, so they share one applier: the stored snapshots, not the event
 * name or its arrival, decide the state (lib/billing/lifecycle).
 */
export async function applyPolarEvent(
  tx: RawSql,
  event: PolarEvent,
  prelocked?: PrelockedSubscription,
): Promise<BillingEffect[]> {
  // The customer inside every subscription and order event is a state of that customer too.
  if (!event.type.startsWith("checkout.") && !event.type.startsWith("customer.") && "customer" in event.data)
    await noteCustomerCopy(tx, event.data.customer)
  switch (event.type) {
    case "order.paid":
    case "order.refunded":
      return applyOrder(tx, event.data, event.type, prelocked)
    case "customer.created":
    case "customer.updated":
      await applyCustomerUpdated(tx, event.data)
      return []
    case "checkout.created":
    case "checkout.updated":
    case "checkout.expired":
      // A checkout changes nothing by itself: the subscription and order events that follow a
      // successful one do; a failed or expired one leaves nothing behind.
      return []
    default: {
      const { customer, ...snapshot } = event.data
      return (await applySubscriptionSnapshot(tx, { snapshot, customer, prelocked })).effects
    }
  }
}

/** The Polar subscription an event brings up to date: its own, or the one inside an order. */
export function subscriptionOfEvent(event: PolarEvent): string | null {
  switch (event.type) {
    case "order.paid":
    case "order.refunded":
      return event.data.subscription?.id ?? event.data.subscription_id ?? null
    case "customer.created":
    case "customer.updated":
    case "checkout.created":
    case "checkout.updated":
    case "checkout.expired":
      return null
    default:
      return event.data.id
  }
}

/** The Polar customer an event is about. */
export function customerOfEvent(event: PolarEvent): string | null {
  switch (event.type) {
    case "customer.created":
    case "customer.updated":
      return event.data.id
    case "checkout.created":
    case "checkout.updated":
    case "checkout.expired":
      return null
    default:
      return event.data.customer.id
  }
}

/** The subscription snapshot an event carries: its own, or the one inside an order. */
export function snapshotOfEvent(event: PolarEvent): PolarSubscriptionSnapshot | null {
  switch (event.type) {
    case "order.paid":
    case "order.refunded":
      return event.data.subscription ?? null
    case "customer.created":
    case "customer.updated":
    case "checkout.created":
    case "checkout.updated":
    case "checkout.expired":
      return null
    default:
      return event.data
  }
}

/** Polar's instant for what the event carries: replays of one subscription go oldest first. */
export function subjectTimeOfEvent(event: PolarEvent): Date | null {
  switch (event.type) {
    case "order.paid":
    case "order.refunded":
      return event.data.subscription
        ? (event.data.subscription.modified_at ?? event.data.subscription.created_at)
        : (event.data.modified_at ?? event.data.created_at)
    case "customer.created":
    case "customer.updated":
      return event.data.modified_at ?? event.data.created_at
    case "checkout.created":
    case "checkout.updated":
    case "checkout.expired":
      return null
    default:
      return event.data.modified_at ?? event.data.created_at
  }
}
