import type { RawSql } from "@/lib/database/raw-transaction"
import { applyOrderPaid, applyOrderRefunded } from "./apply-order"
import { applySubscriptionSnapshot } from "./apply-subscription"
import { applyCustomerUpdated } from "./customers"
import type { BillingEffect } from "./effects"
import type { PolarEvent } from "./events"

/**
 * Applies one verified Polar event inside the caller's transaction. Every subscription.* event
 * carries the whole subscription, so they share one applier: the snapshot, not the event name,
 * decides the state, and Polar's timestamps decide which snapshot wins.
 */
export async function applyPolarEvent(tx: RawSql, event: PolarEvent): Promise<BillingEffect[]> {
  switch (event.type) {
    case "order.paid":
      return applyOrderPaid(tx, event.data)
    case "order.refunded":
      return applyOrderRefunded(tx, event.data)
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
      return (await applySubscriptionSnapshot(tx, { snapshot, customer, reason: `polar ${event.type}` })).effects
    }
  }
}
