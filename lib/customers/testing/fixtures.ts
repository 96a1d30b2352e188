import type { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"

// A small business written out by hand, for the customer queries' and routes' tests. Every figure
// the tests expect is derived in the comments here. Emails end in @customers.test so the tests can
// tell these customers from the users signedInAs creates.

export const SECRET = {
  credentials: "CREDENTIALS-SECRET",
  emailBody: "BODY-SECRET",
  payload: "PAYLOAD-SECRET",
} as const

const at = (iso: string) => new Date(`${iso}Z`)
const day = 86_400_000

async function user(
  email: string,
  name: string | null,
  createdAt: string,
  extra: Partial<Prisma.UserCreateInput> = {},
) {
  return db.user.create({
    data: { email, name, createdAt: at(createdAt), ...extra },
    select: { id: true, email: true },
  })
}

async function subscription(
  userId: string,
  planId: string,
  data: { status: Prisma.SubscriptionCreateInput["status"]; mrrCents: number; start: string; end?: string },
) {
  const start = at(data.start)
  return db.subscription.create({
    data: {
      userId,
      planId,
      status: data.status,
      mrrCents: data.mrrCents,
      createdAt: start,
      startedAt: start,
      currentPeriodStart: start,
      currentPeriodEnd: new Date(start.getTime() + 30 * day),
      endedAt: data.end ? at(data.end) : null,
      canceledAt: data.end ? at(data.end) : null,
    },
    select: { id: true },
  })
}

export async function seedCustomerStory() {
  const monthly = await db.plan.create({
    data: {
      slug: "monthly",
      name: "Monthly",
      description: "Monthly",
      interval: "MONTH",
      priceCents: 1999,
      features: [],
    },
    select: { id: true },
  })
  const team = await db.plan.create({
    data: {
      slug: "team",
      name: "Team",
      description: "Team",
      interval: "MONTH",
      priceCents: 4900,
      seats: 5,
      features: [],
    },
    select: { id: true },
  })
  const support = await user("support@staff.test", "Sam Support", "2025-12-01T00:00:00", { role: "SUPPORT" })

  // Five customers, signed up a day apart: eve (newest), dan, cara, bob, ada (oldest).
  const ada = await user("ada.lovelace@customers.test", "Ada Lovelace", "2026-01-01T09:00:00", {
    polarCustomerId: "polar_cus_ada",
  })
  const bob = await user("bob.builder@customers.test", "Bob Builder", "2026-01-02T09:00:00")
  const cara = await user("cara@customers.test", "Cara Lovelace", "2026-01-03T09:00:00")
  const dan = await user("dan@customers.test", "Dan Smith", "2026-01-04T09:00:00") // never subscribed
  const eve = await user("eve@customers.test", "Eve Staff", "2026-01-05T09:00:00", { role: "SUPPORT" }) // staff with a subscription
  await user("zed@staff.test", "Zed", "2026-01-06T09:00:00", { role: "ENGINEER" }) // staff, no subscription: not a customer

  // Ada: a monthly subscription she canceled, then a new one upgraded to Team.
  const adaOld = await subscription(ada.id, monthly.id, {
    status: "CANCELED",
    mrrCents: 0,
    start: "2026-01-01T10:00:00",
    end: "2026-02-01T10:00:00",
  })
  const adaNow = await subscription(ada.id, team.id, { status: "ACTIVE", mrrCents: 4900, start: "2026-03-01T10:00:00" })
  await subscription(bob.id, monthly.id, { status: "PAST_DUE", mrrCents: 1999, start: "2026-01-02T10:00:00" })
  await subscription(cara.id, monthly.id, {
    status: "CANCELED",
    mrrCents: 0,
    start: "2026-01-03T10:00:00",
    end: "2026-02-03T10:00:00",
  })
  await subscription(eve.id, team.id, { status: "ACTIVE", mrrCents: 4900, start: "2026-01-05T10:00:00" })

  await db.subscriptionChange.createMany({
    data: [
      {
        subscriptionId: adaOld.id,
        kind: "NEW",
        mrrDeltaCents: 1999,
        mrrAfterCents: 1999,
        planId: monthly.id,
        effectiveAt: at("2026-01-01T10:00:00"),
      },
      // No planId: the row falls back to its subscription's plan (Monthly).
      {
        subscriptionId: adaOld.id,
        kind: "CHURN",
        mrrDeltaCents: -1999,
        mrrAfterCents: 0,
        effectiveAt: at("2026-02-01T10:00:00"),
        reason: "canceled by subscriber",
      },
      // Started on Monthly, then moved to Team: the NEW row names Monthly although the subscription is Team now.
      {
        subscriptionId: adaNow.id,
        kind: "NEW",
        mrrDeltaCents: 1999,
        mrrAfterCents: 1999,
        planId: monthly.id,
        effectiveAt: at("2026-03-01T10:00:00"),
      },
      {
        subscriptionId: adaNow.id,
        kind: "EXPANSION",
        mrrDeltaCents: 2901,
        mrrAfterCents: 4900,
        planId: team.id,
        effectiveAt: at("2026-03-15T10:00:00"),
        reason: "upgrade to Team",
      },
    ],
  })

  // Ada paid 1999 + 1999 + 4900 = 8898 and was refunded 1000: lifetime value 7898. Bob paid 1999 once.
  const payment = (
    userId: string,
    subscriptionId: string,
    polarOrderId: string,
    amountCents: number,
    paidAt: string,
    extra: Partial<Prisma.PaymentUncheckedCreateInput> = {},
  ) =>
    db.payment.create({
      data: {
        userId,
        subscriptionId,
        polarOrderId,
        amountCents,
        paidAt: at(paidAt),
        billingReason: "subscription_create",
        ...extra,
      },
      select: { id: true },
    })
  const p1 = await payment(ada.id, adaOld.id, "polar_ord_1", 1999, "2026-01-01T10:00:00")
  const p2 = await payment(ada.id, adaNow.id, "polar_ord_2", 1999, "2026-03-01T10:00:00")
  const p3 = await payment(ada.id, adaNow.id, "polar_ord_3", 4900, "2026-04-01T10:00:00", {
    billingReason: "subscription_cycle",
    status: "PARTIALLY_REFUNDED",
    refundedCents: 1000,
  })
  const bobSub = await db.subscription.findFirstOrThrow({ where: { userId: bob.id }, select: { id: true } })
  await payment(bob.id, bobSub.id, "polar_ord_4", 1999, "2026-01-02T10:00:00")

  const order = (
    subscriptionId: string,
    paymentId: string,
    status: "FULFILLED" | "PENDING",
    paidAt: string,
    n: number,
    extra: Partial<Prisma.OrderUncheckedCreateInput> = {},
  ) =>
    db.order.create({
      data: {
        userId: ada.id,
        subscriptionId,
        paymentId,
        status,
        amountCents: 1999,
        paidAt: at(paidAt),
        dueAt: new Date(at(paidAt).getTime() + day),
        credentialsEnc: `${SECRET.credentials}-${n}`,
        ...extra,
      },
      select: { id: true },
    })
  const o1 = await order(adaOld.id, p1.id, "FULFILLED", "2026-01-01T10:00:00", 1, {
    assigneeId: support.id,
    assignedAt: at("2026-01-01T11:00:00"),
    fulfilledAt: at("2026-01-01T12:00:00"),
  })
  const o2 = await order(adaNow.id, p2.id, "PENDING", "2026-03-01T10:00:00", 2)
  await db.orderEvent.createMany({
    data: [
      { orderId: o1.id, type: "PAID", at: at("2026-01-01T10:00:00") },
      { orderId: o1.id, type: "ASSIGNED", actorId: support.id, at: at("2026-01-01T11:00:00") },
      { orderId: o1.id, type: "FULFILLED", actorId: support.id, note: "seat delivered", at: at("2026-01-01T12:00:00") },
      { orderId: o2.id, type: "PAID", at: at("2026-03-01T10:00:00") },
    ],
  })

  // The address differs in case from the account's: still hers. Bob's email is not.
  const email = (to: string, key: string, subject: string, createdAt: string) =>
    db.emailMessage.create({
      data: {
        to,
        subject,
        template: "seat-ready",
        html: `<p>${SECRET.emailBody}</p>`,
        text: SECRET.emailBody,
        status: "OUTBOX",
        idempotencyKey: key,
        createdAt: at(createdAt),
      },
      select: { id: true },
    })
  const e1 = await email("ADA.Lovelace@customers.test", "e1", "Your seat is ready", "2026-01-01T12:00:00")
  await email(bob.email, "e2", "Bob's seat", "2026-01-02T12:00:00")

  // Three deliveries name Ada (by our id, by her Polar customer id, by email); two name others.
  const delivery = (
    eventId: string,
    eventType: string,
    data: Prisma.InputJsonObject,
    receivedAt: string,
    extra: Partial<Prisma.WebhookDeliveryCreateInput> = {},
  ) =>
    db.webhookDelivery.create({
      data: {
        provider: "polar",
        eventId,
        eventType,
        payload: { type: eventType, secret: SECRET.payload, data },
        receivedAt: at(receivedAt),
        status: "PROCESSED",
        ...extra,
      },
      select: { id: true },
    })
  const w1 = await delivery(
    "evt_1",
    "subscription.created",
    { customer: { external_id: ada.id, email: "someone-else@customers.test" } },
    "2026-03-01T10:00:01",
  )
  const w2 = await delivery("evt_2", "order.paid", { customer_id: "polar_cus_ada" }, "2026-04-01T10:00:01", {
    status: "FAILED",
    error: "boom",
  })
  const w3 = await delivery("evt_3", "customer.updated", { customer: { email: ada.email } }, "2026-04-02T10:00:00")
  await delivery(
    "evt_4",
    "subscription.created",
    { customer: { external_id: bob.id, email: bob.email } },
    "2026-04-03T10:00:00",
  )
  await delivery("evt_5", "order.paid", { customer_id: "polar_cus_someone" }, "2026-04-04T10:00:00")

  // Four entries concern Ada (her order, her subscription, her account, her own sign-in); one does not.
  const audit = (action: string, createdAt: string, data: Partial<Prisma.AuditLogUncheckedCreateInput>) =>
    db.auditLog.create({ data: { action, createdAt: at(createdAt), ...data }, select: { id: true } })
  const a1 = await audit("order.fulfilled", "2026-01-01T12:00:00", {
    actorId: support.id,
    actorEmail: support.email,
    targetType: "order",
    targetId: o1.id,
  })
  const a2 = await audit("subscription.canceled", "2026-02-01T10:00:00", {
    actorId: support.id,
    actorEmail: support.email,
    targetType: "subscription",
    targetId: adaOld.id,
  })
  const a3 = await audit("auth.sign_in", "2026-03-02T08:00:00", { actorId: ada.id, actorEmail: ada.email })
  const a4 = await audit("customer.viewed", "2026-03-03T08:00:00", {
    actorId: support.id,
    actorEmail: support.email,
    targetType: "user",
    targetId: ada.id,
  })
  await audit("customer.viewed", "2026-03-04T08:00:00", {
    actorId: support.id,
    actorEmail: support.email,
    targetType: "user",
    targetId: bob.id,
  })

  return {
    plans: { monthly, team },
    support,
    ada,
    bob,
    cara,
    dan,
    eve,
    adaOld,
    adaNow,
    payments: { p1, p2, p3 },
    orders: { o1, o2 },
    emails: { e1 },
    webhooks: { w1, w2, w3 },
    audit: { a1, a2, a3, a4 },
  }
}

export type CustomerStory = Awaited<ReturnType<typeof seedCustomerStory>>
