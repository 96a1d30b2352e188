import type { RawSql } from "@/lib/database/raw-transaction"
import { applyOrderPaid, applyOrderRefunded } from "./apply-order"
import { applySubscriptionSnapshot, type PrelockedSubscription } from "./apply-subscription"
import { applyCustomerUpdated } from "./customers"
import type { BillingEffect } from "./effects"
import type { PolarEvent } from "./events"

/**
 * Applies one verified Polar event inside the caller's transaction. Every subscription.* event
 * carries the whole subscription, so they share one applier: the snapshot, not the event name,
 * decides the state, and Polar's timestamps decide which snapshot wins.
 */
export async function applyPolarEvent(tx: RawSql, event: PolarEvent, prelocked?: PrelockedSubscription): Promise<BillingEffect[]> {
  switch (event.type) {
    case "order.paid":
      return applyOrderPaid(tx, event.data, prelocked)
    case "order.refunded":
      return applyOrderRefunded(tx, event.data, prelocked)
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
      return (await applySubscriptionSnapshot(tx, { snapshot, customer, reason: `polar ${event.type}`, prelocked })).effects
    }
  }
}

/** The Polar subscription an event brings up to date: its own, or the one inside an order. */
export function subscriptionOfEvent(event: PolarEvent): string | null {
  switch (event.type) {
    case "order.paid":
    case "order.refunded":
      return event.data.subscription?.id ?? null
    case "customer.updated":
    case "checkout.created":
    case "checkout.updated":
    case "checkout.expired":
      return null
    default:
      return event.data.id
  }
}
