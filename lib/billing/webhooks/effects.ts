// What a processed event did that someone may need to hear about. The dispatcher returns these so
// notices (emails) can be queued in the same transaction, once per real change: a repeated or stale
// delivery produces none. An effect that always mails carries what its email says, read by a
// statement the change ran anyway, so the notice costs no look-up of its own.

/** Whom a notice goes to. */
export type Recipient = { email: string; name: string | null }

export type BillingEffect =
  | { kind: "subscription_started"; userId: string; subscriptionId: string; recipient: Recipient }
  | {
      kind: "order_opened"
      userId: string
      subscriptionId: string
      orderId: string
      recipient: Recipient
      plan: { name: string; currency: string }
      amountCents: number
      dueAt: Date
    }
  | { kind: "cancel_scheduled"; userId: string; subscriptionId: string; endsAt: Date }
  | { kind: "cancel_withdrawn"; userId: string; subscriptionId: string }
  | { kind: "plan_changed"; userId: string; subscriptionId: string; planId: string }
  | { kind: "payment_failed"; userId: string; subscriptionId: string }
  | { kind: "subscription_ended"; userId: string; subscriptionId: string; endedAt: Date }
  | { kind: "payment_refunded"; userId: string; paymentId: string; refundedCents: number; full: boolean }
