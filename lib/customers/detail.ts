import "server-only"
import type { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { pickCurrentSubscription } from "./current"
import { IS_CUSTOMER } from "./where"

// Everything staff see about one customer. Every select is explicit: nothing here may carry an
// order's credentials, an email's body or a webhook's payload.

/** Rows per section; the summary figures are aggregates and never truncated. */
export const DETAIL_LIMITS = { ledger: 500, payments: 200, orders: 100, emails: 50, webhooks: 50, audit: 100 } as const

const subscriptionSelect = {
  id: true, status: true, mrrCents: true, polarSubscriptionId: true, createdAt: true,
  startedAt: true, currentPeriodStart: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, canceledAt: true, endedAt: true,
  plan: { select: { id: true, name: true, interval: true, priceCents: true, currency: true } },
} satisfies Prisma.SubscriptionSelect

const orderSelect = {
  id: true, subscriptionId: true, status: true, amountCents: true, paidAt: true, dueAt: true, assignedAt: true,
  fulfilledAt: true, releaseDueAt: true, releasedAt: true, refundedAt: true, createdAt: true,
  assignee: { select: { email: true } },
  subscription: { select: { plan: { select: { name: true, currency: true } } } },
  events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, type: true, actorId: true, note: true, at: true } },
} satisfies Prisma.OrderSelect

export type CustomerDetail = NonNullable<Awaited<ReturnType<typeof getCustomerDetail>>>

/** Null when no customer has this id (staff without a subscription are not customers). */
export async function getCustomerDetail(id: string) {
  const customer = await db.user.findFirst({
    where: { AND: [{ id }, IS_CUSTOMER] },
    select: { id: true, email: true, name: true, role: true, emailVerified: true, polarCustomerId: true, createdAt: true },
  })
  if (!customer) return null

  const [subscriptions, ledgerRows, payments, orderRows, emails, webhooks, totals] = await Promise.all([
    db.subscription.findMany({ where: { userId: id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: subscriptionSelect }),
    db.subscriptionChange.findMany({
      where: { subscription: { userId: id } },
      orderBy: [{ effectiveAt: "desc" }, { createdAt: "desc" }],
      take: DETAIL_LIMITS.ledger,
      select: {
        id: true, subscriptionId: true, kind: true, mrrDeltaCents: true, mrrAfterCents: true, effectiveAt: true, reason: true, planId: true,
        subscription: { select: { plan: { select: { name: true } } } },
      },
    }),
    db.payment.findMany({
      where: { userId: id },
      orderBy: [{ paidAt: "desc" }, { id: "desc" }],
      take: DETAIL_LIMITS.payments,
      select: { id: true, polarOrderId: true, subscriptionId: true, amountCents: true, refundedCents: true, currency: true, billingReason: true, status: true, paidAt: true },
    }),
    db.order.findMany({ where: { userId: id }, orderBy: [{ paidAt: "desc" }, { id: "desc" }], take: DETAIL_LIMITS.orders, select: orderSelect }),
    db.emailMessage.findMany({
      where: { to: { equals: customer.email, mode: "insensitive" } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: DETAIL_LIMITS.emails,
      select: { id: true, to: true, subject: true, template: true, status: true, deliveryStatus: true, error: true, createdAt: true, sentAt: true },
    }),
    db.webhookDelivery.findMany({
      where: { OR: webhookMatches(customer) },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: DETAIL_LIMITS.webhooks,
      select: { id: true, provider: true, eventType: true, status: true, error: true, receivedAt: true },
    }),
    db.payment.aggregate({ where: { userId: id }, _sum: { amountCents: true, taxCents: true, refundedCents: true, refundedTaxCents: true } }),
  ])

  const targetIds = [id, ...subscriptions.map((s) => s.id), ...orderRows.map((o) => o.id)]
  const planIds = [...new Set(ledgerRows.flatMap((row) => (row.planId ? [row.planId] : [])))]
  const actorIds = [...new Set(orderRows.flatMap((o) => o.events.flatMap((e) => (e.actorId ? [e.actorId] : []))))]
  const [audit, plans, actors] = await Promise.all([
    db.auditLog.findMany({
      where: { OR: [{ targetId: { in: targetIds } }, { actorId: id }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: DETAIL_LIMITS.audit,
      select: { id: true, action: true, actorEmail: true, targetType: true, targetId: true, metadata: true, createdAt: true },
    }),
    planIds.length ? db.plan.findMany({ where: { id: { in: planIds } }, select: { id: true, name: true } }) : [],
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } }) : [],
  ])
  const planName = new Map(plans.map((p) => [p.id, p.name]))
  const actorEmail = new Map(actors.map((a) => [a.id, a.email]))

  // A change names the plan it moved to; older rows without one fall back to the subscription's plan.
  const ledger = ledgerRows.map(({ planId, subscription, ...row }) => ({ ...row, planName: (planId && planName.get(planId)) || subscription.plan.name }))
  const orders = orderRows.map(({ subscription, assignee, events, ...order }) => ({
    ...order,
    planName: subscription.plan.name,
    currency: subscription.plan.currency,
    assigneeEmail: assignee?.email ?? null,
    events: events.map((event) => ({ ...event, actorEmail: event.actorId ? (actorEmail.get(event.actorId) ?? null) : null })),
  }))

  const current = pickCurrentSubscription(subscriptions)
  // Lifetime value is what the business kept: net of sales tax (collected for the state) and of refunds.
  const paidCents = (totals._sum.amountCents ?? 0) - (totals._sum.taxCents ?? 0)
  const refundedCents = (totals._sum.refundedCents ?? 0) - (totals._sum.refundedTaxCents ?? 0)
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

/** Polar names the customer by our user id (external_id), its own customer id, or the email address. */
function webhookMatches(customer: { id: string; email: string; polarCustomerId: string | null }): Prisma.WebhookDeliveryWhereInput[] {
  const matches: Prisma.WebhookDeliveryWhereInput[] = [
    { payload: { path: ["data", "customer", "external_id"], equals: customer.id } },
    { payload: { path: ["data", "customer", "email"], equals: customer.email } },
  ]
  if (customer.polarCustomerId) {
    matches.push(
      { payload: { path: ["data", "customer_id"], equals: customer.polarCustomerId } },
      { payload: { path: ["data", "customer", "id"], equals: customer.polarCustomerId } },
    )
  }
  return matches
}
