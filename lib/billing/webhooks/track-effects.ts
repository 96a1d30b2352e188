import { track } from "@/lib/analytics/ingest/track"
import type { BillingEffect } from "./effects"

/**
 * The business events a committed delivery produced, for analytics: a paid order that opened a seat
 * order (the first payment, or a reactivation) is `order_paid`; a cancellation asked for is
 * `subscription_canceled`, the end of the subscription `subscription_ended`. Fire and forget: called
 * after the transaction commits, it neither delays nor fails the webhook.
 */
export function trackBillingEffects(effects: readonly BillingEffect[]): void {
  for (const effect of effects) {
    if (effect.kind === "order_opened") {
      void track("order_paid", {
        userId: effect.userId,
        props: { orderId: effect.orderId, subscriptionId: effect.subscriptionId },
      })
    } else if (effect.kind === "cancel_scheduled") {
      void track("subscription_canceled", {
        userId: effect.userId,
        props: { subscriptionId: effect.subscriptionId, endsAt: effect.endsAt.toISOString() },
      })
    } else if (effect.kind === "subscription_ended") {
      void track("subscription_ended", { userId: effect.userId, props: { subscriptionId: effect.subscriptionId } })
    }
  }
}
