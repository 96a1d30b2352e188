import type { RawSql } from "@/lib/database/raw-transaction"
import { type LockedSubscription, syncSubscription } from "../lifecycle/sync"
import { applySubscriptionSnapshot, lockById, lockByPolarId, type PrelockedSubscription } from "./apply-subscription"
import { resolveCustomerUser } from "./customers"
import type { BillingEffect } from "./effects"
import type { PolarOrder } from "./events"
import { recordReceipt } from "./receipts"

type Tx = RawSql

/**
 * order.paid and order.refunded: the receipt is the merge of every event about the order, and the
 * subscription inside the order is a snapshot like any other. Which seat orders exist follows from
 * all of it (lifecycle/sync.ts), so a refund arriving before its payment, or a renewal before the
 * first payment, ends the same as in Polar's order. Refunds move no MRR.
 */
export async function applyOrder(
  tx: Tx,
  order: PolarOrder,
  eventType: "order.paid" | "order.refunded",
  prelocked?: PrelockedSubscription,
): Promise<BillingEffect[]> {
  const effects: BillingEffect[] = []
  let subscription: LockedSubscription | null = null
  let snapshotChanged = false
  if (order.subscription) {
    const applied = await applySubscriptionSnapshot(tx, {
      snapshot: order.subscription,
      customer: order.customer,
      prelocked,
      deferSync: true,
    })
    subscription = applied.row
    snapshotChanged = applied.changed
  } else if (order.subscription_id) {
    subscription =
      prelocked?.polarSubscriptionId === order.subscription_id
        ? prelocked.row
        : await lockByPolarId(tx, order.subscription_id)
    // Failing makes Polar deliver it again, by when the subscription's own events have arrived.
    if (!subscription)
      throw new Error(`order ${order.id} belongs to subscription ${order.subscription_id}, which has not arrived yet`)
  }
  const userId = subscription?.userId ?? (await resolveCustomerUser(tx, order.customer)).id
  const receipt = await recordReceipt(tx, { order, eventType, userId, subscriptionId: subscription?.id ?? null })
  const refundedNow = receipt.after.refundedCents - (receipt.before?.refundedCents ?? 0)
  if (refundedNow > 0)
    effects.push({
      kind: "payment_refunded",
      userId: receipt.userId,
      paymentId: receipt.id,
      refundedCents: refundedNow,
      full: receipt.after.fullyRefunded,
    })
  const receiptChanged =
    receipt.before === null ||
    refundedNow > 0 ||
    receipt.before.fullyRefunded !== receipt.after.fullyRefunded ||
    receipt.before.paidAt.getTime() !== receipt.after.paidAt.getTime()
  // A refund event may name no subscription: its receipt still knows it from the payment.
  subscription ??= receiptChanged && receipt.subscriptionId ? await lockById(tx, receipt.subscriptionId) : null
  if (subscription && (snapshotChanged || receiptChanged))
    effects.push(...(await syncSubscription(tx, subscription)).effects)
  return effects
}
