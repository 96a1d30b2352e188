import type { BillingEffect } from "../webhooks/effects"
import { type SubscriptionFacts, subscriptionTransitions } from "./state"
import type { CurrentState } from "./timeline"

/** The notices a change of the subscription's current state owes (none for a repeat or a stale state). */
export function subscriptionStatusTransitions(
  ids: { userId: string; subscriptionId: string },
  before: SubscriptionFacts,
  after: CurrentState,
): BillingEffect[] {
  return subscriptionTransitions(before, after).map((transition): BillingEffect => {
    if (transition === "cancel_scheduled")
      return { kind: transition, ...ids, endsAt: after.endsAt ?? after.currentPeriodEnd }
    if (transition === "plan_changed") return { kind: transition, ...ids, planId: after.planId }
    return { kind: transition, ...ids }
  })
}
