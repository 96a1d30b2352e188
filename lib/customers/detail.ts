import "server-only"
import { auditEntriesConcerning } from "@/lib/audit/queries"
import { emailsOfUsers, findUserForStaff } from "@/lib/auth/users"
import { paymentsOfUser, paymentTotalsOfUser, planNamesById, subscriptionsOfUser } from "@/lib/billing/queries"
import { deliveriesNamingCustomer } from "@/lib/billing/webhooks/queries"
import { emailsToAddress } from "@/lib/email/queries"
import { AppError } from "@/lib/errors"
import { ordersOfCustomer } from "@/lib/orders/queries"
import { ledgerOfSubscriptions } from "@/lib/revenue/queries"
import { pickCurrentSubscription } from "./current"

// Everything staff see about one customer, composed from the read functions of the domains that
// own each part. Every one selects explicitly: nothing here may carry an order's credentials, an
// email's body or a webhook's payload.

/** Rows per section; the summary figures are aggregates and never truncated. */
export const DETAIL_LIMITS = { ledger: 500, payments: 200, orders: 100, emails: 50, webhooks: 50, audit: 100 } as const

export type CustomerDetail = NonNullable<Awaited<ReturnType<typeof getCustomerDetail>>>

/** Null when no customer has this id (staff without a subscription are not customers). */
export async function getCustomerDetail(id: string) {
  const [customer, subscriptions] = await Promise.all([findUserForStaff(id), subscriptionsOfUser(id)])
  // A customer is a subscriber account, or anyone who has ever had a subscription (IS_CUSTOMER in where.ts).
  if (!customer || (customer.role !== "SUBSCRIBER" && subscriptions.length === 0)) return null

  const [ledgerRows, payments, orderRows, emails, webhooks, totals] = await Promise.all([
    ledgerOfSubscriptions(
      subscriptions.map((s) => s.id),
      DETAIL_LIMITS.ledger,
    ),
    paymentsOfUser(id, DETAIL_LIMITS.payments),
    ordersOfCustomer(id, DETAIL_LIMITS.orders),
    emailsToAddress(customer.email, DETAIL_LIMITS.emails),
    deliveriesNamingCustomer(customer, DETAIL_LIMITS.webhooks),
    paymentTotalsOfUser(id),
  ])

  const targetIds = [id, ...subscriptions.map((s) => s.id), ...orderRows.map((o) => o.id)]
  const planIds = [...new Set(ledgerRows.flatMap((row) => (row.planId ? [row.planId] : [])))]
  const actorIds = [...new Set(orderRows.flatMap((o) => o.events.flatMap((e) => (e.actorId ? [e.actorId] : []))))]
  const [audit, planName, actorEmail] = await Promise.all([
    auditEntriesConcerning({ targetIds, actorId: id }, DETAIL_LIMITS.audit),
    planNamesById(planIds),
    emailsOfUsers(actorIds),
  ])

  // A change names the plan it moved to; older rows without one fall back to the subscription's plan
  // (every row's subscription is among these: the ledger was read for exactly them).
  const subscriptionPlanName = new Map(subscriptions.map((s) => [s.id, s.plan.name]))
  const ledger = ledgerRows.map(({ planId, ...row }) => ({
    ...row,
    planName: (planId && planName.get(planId)) || subscriptionPlanName.get(row.subscriptionId)!,
  }))
  const orders = orderRows.map((order) => ({
    ...order,
    events: order.events.map((event) => ({
      ...event,
      actorEmail: event.actorId ? (actorEmail.get(event.actorId) ?? null) : null,
    })),
  }))

  const current = pickCurrentSubscription(subscriptions)
  // Lifetime value is what the business kept: net of sales tax (collected for the state) and of refunds.
  const paidCents = totals.amountCents - totals.taxCents
  const refundedCents = totals.refundedCents - totals.refundedTaxCents
  const summary = {
    currentSubscriptionId: current?.id ?? null,
    currentMrrCents: subscriptions.reduce((sum, s) => sum + s.mrrCents, 0),
    paidCents,
    refundedCents,
    lifetimeValueCents: paidCents - refundedCents,
    currency: payments[0]?.currency ?? current?.plan.currency ?? "usd",
  }

  return { customer, summary, subscriptions, ledger, payments, orders, emails, webhooks, audit }
}

export async function getCustomerDetailOrThrow(id: string): Promise<CustomerDetail> {
  const detail = await getCustomerDetail(id)
  if (!detail) throw new AppError("not_found", "no customer with this id")
  return detail
}
