import "server-only"
import { addMonths } from "date-fns"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { billingMode } from "../polar"
import { act, type ActionResult, liveSubscriptionOrThrow } from "../subscriptions"
import { type TestCard, testCard } from "./card"

// Test mode's stand-in for the payment-method part of Polar's customer portal. Live, Polar charges
// the card at each renewal, retries a declined charge and takes a new card in its own portal; here
// the subscriber plays those parts: let the coming renewal fail, then "update the card" and pay. Each
// sends the webhooks Polar would send, and the handler does the rest (status, receipt, email, ledger).

type Options = { origin?: string }

export type TestPaymentMethod = {
  /** Null until the subscriber has paid once: the checkout's card is the first on file. */
  card: TestCard | null
  /** The card was declined at the last renewal: the subscription is past due. */
  declined: boolean
  /** What the subscriber may do with it now. */
  next: { action: "fail_renewal"; renewsAt: Date } | { action: "pay"; amountCents: number; currency: string } | null
}

/** The card on file and what can be done with it, for the billing page in test mode. */
export async function testPaymentMethod(userId: string): Promise<TestPaymentMethod> {
  const [sub, payments] = await Promise.all([
    db.subscription.findFirst({
      where: { userId },
      orderBy: [{ endedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      select: {
        status: true,
        cancelAtPeriodEnd: true,
        currentPeriodEnd: true,
        endedAt: true,
        plan: { select: { priceCents: true, currency: true } },
      },
    }),
    db.payment.groupBy({ by: ["billingReason"], where: { userId }, _count: { _all: true } }),
  ])
  const paid = payments.reduce((sum, group) => sum + group._count._all, 0)
  // In test mode a renewal is paid only by "Update card and pay", so each one replaced the card.
  const replacements = payments.find((group) => group.billingReason === "subscription_cycle")?._count._all ?? 0
  const live = sub !== null && sub.endedAt === null
  const declined = live && sub.status === "PAST_DUE"
  let next: TestPaymentMethod["next"] = null
  if (declined) next = { action: "pay", amountCents: sub.plan.priceCents, currency: sub.plan.currency }
  else if (live && sub.status === "ACTIVE" && !sub.cancelAtPeriodEnd)
    next = { action: "fail_renewal", renewsAt: sub.currentPeriodEnd }
  return { card: paid > 0 ? testCard(userId, replacements) : null, declined, next }
}

/**
 * Test mode: the renewal charge is declined. As Polar does, the subscription moves on to its next
 * period, unpaid, and turns past due; the handler then queues the payment-failed email. MRR stays:
 * a subscription in dunning still counts.
 */
export async function simulateFailedRenewal(
  userId: string,
  subscriptionId?: string,
  options: Options = {},
): Promise<ActionResult> {
  refuseLiveMode()
  const sub = await liveSubscriptionOrThrow(userId, subscriptionId)
  if (sub.status === "PAST_DUE")
    throw new AppError("conflict", "the renewal has already failed: update the card and pay")
  if (sub.status !== "ACTIVE") throw new AppError("conflict", "only an active subscription renews")
  if (sub.cancelAtPeriodEnd)
    throw new AppError("conflict", "this subscription ends with its period: there is no renewal to fail")
  const renewal = sub.currentPeriodEnd
  const change = {
    status: "past_due",
    currentPeriodStart: renewal,
    currentPeriodEnd: addMonths(renewal, sub.plan.interval === "YEAR" ? 12 : 1),
  } as const
  return act(userId, sub, options, {
    test: { types: ["subscription.updated", "subscription.past_due"], change, key: renewalKey(renewal, "declined") },
  })
}

/**
 * Test mode: a new card pays the failed renewal. Polar sends the renewal's paid order (a receipt; a
 * renewal opens no fulfilment order while the seat is held) and the subscription, active again for
 * the period the renewal began. Paying what is not due is refused.
 */
export async function payFailedRenewal(
  userId: string,
  subscriptionId?: string,
  options: Options = {},
): Promise<ActionResult> {
  refuseLiveMode()
  const sub = await liveSubscriptionOrThrow(userId, subscriptionId)
  if (sub.status !== "PAST_DUE") throw new AppError("conflict", "nothing is due: the last renewal was paid")
  return act(userId, sub, options, {
    test: {
      types: ["subscription.updated", "subscription.active"],
      change: { status: "active" },
      paidOrder: "subscription_cycle",
      key: renewalKey(sub.currentPeriodStart, "paid"),
    },
  })
}

function refuseLiveMode(): void {
  if (billingMode() === "live")
    throw new AppError(
      "conflict",
      "in live mode Polar charges the card: manage payment methods in Polar's customer portal",
    )
}

// One renewal, one outcome: sending it twice (a double click) delivers the same events, applied once.
function renewalKey(renewal: Date, outcome: "declined" | "paid"): string {
  return `renewal_${renewal.getTime().toString(36)}_${outcome}`
}
