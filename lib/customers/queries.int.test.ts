import { beforeAll, expect, test } from "vitest"
import { AppError } from "@/lib/errors"
import { getCustomerDetail, getCustomerDetailOrThrow, listCustomers } from "./queries"
import { customerListSchema } from "./schemas"
import { type CustomerStory, SECRET, seedCustomerStory } from "./testing/fixtures"

let story: CustomerStory
const at = (iso: string) => new Date(`${iso}Z`)
const list = (query: Record<string, string | number> = {}) => listCustomers(customerListSchema.parse(query))
const emails = (page: { items: { email: string }[] }) => page.items.map((item) => item.email)
const anyId = expect.any(String)

beforeAll(async () => {
  story = await seedCustomerStory()
})

test("customers are subscribers and anyone with a subscription, newest sign-up first, with their current subscription", async () => {
  const page = await list()
  // zed (staff, never subscribed) and support are not customers; eve (staff with a subscription) is.
  expect(emails(page)).toEqual([
    "eve@customers.test",
    "dan@customers.test",
    "cara@customers.test",
    "bob.builder@customers.test",
    "ada.lovelace@customers.test",
  ])
  expect(page).toMatchObject({ total: 5, page: 1, pageSize: 25, pageCount: 1 })
  const byEmail = Object.fromEntries(page.items.map((item) => [item.email, item]))
  // Ada's current subscription is the live Team one, not the canceled Monthly one.
  expect(byEmail["ada.lovelace@customers.test"]).toEqual({
    id: story.ada.id,
    email: "ada.lovelace@customers.test",
    name: "Ada Lovelace",
    createdAt: at("2026-01-01T09:00:00"),
    planName: "Team",
    status: "ACTIVE",
    cancelAtPeriodEnd: false,
    mrrCents: 4900,
    currency: "usd",
    ordersCount: 2,
    lastPaymentAt: at("2026-04-01T10:00:00"),
  })
  expect(byEmail["dan@customers.test"]).toMatchObject({
    planName: null,
    status: null,
    mrrCents: 0,
    ordersCount: 0,
    lastPaymentAt: null,
  })
  expect(byEmail["cara@customers.test"]).toMatchObject({
    planName: "Monthly",
    status: "CANCELED",
    mrrCents: 0,
    lastPaymentAt: null,
  })
  expect(byEmail["bob.builder@customers.test"]).toMatchObject({
    planName: "Monthly",
    status: "PAST_DUE",
    mrrCents: 1999,
    lastPaymentAt: at("2026-01-02T10:00:00"),
  })
})

test("search matches part of the email or the name in any case; email matches the whole address", async () => {
  expect(emails(await list({ q: "BUILDER@cust" }))).toEqual(["bob.builder@customers.test"])
  // "lovelace" is in Ada's address and in Cara's name.
  expect(emails(await list({ q: "lovelace" }))).toEqual(["cara@customers.test", "ada.lovelace@customers.test"])
  expect(emails(await list({ q: "dan smith" }))).toEqual(["dan@customers.test"])
  expect(emails(await list({ email: "BOB.Builder@customers.test" }))).toEqual(["bob.builder@customers.test"])
  expect((await list({ email: "bob.builder@customers" })).total).toBe(0)
  expect((await list({ q: "zed" })).total).toBe(0)
})

test("the status filter reads live subscriptions; CANCELED means every subscription ended; none means never subscribed", async () => {
  expect(emails(await list({ status: "ACTIVE" }))).toEqual(["eve@customers.test", "ada.lovelace@customers.test"])
  expect(emails(await list({ status: "CANCELED" }))).toEqual(["cara@customers.test"])
  expect(emails(await list({ status: "PAST_DUE" }))).toEqual(["bob.builder@customers.test"])
  expect(emails(await list({ status: "none" }))).toEqual(["dan@customers.test"])
  expect((await list({ status: "TRIALING" })).total).toBe(0)
})

test("pages of two over five customers hold 2, 2 and 1", async () => {
  const pages = await Promise.all([1, 2, 3, 4].map((page) => list({ pageSize: 2, page })))
  expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1, 0])
  expect(pages.map(emails).flat()).toEqual([
    "eve@customers.test",
    "dan@customers.test",
    "cara@customers.test",
    "bob.builder@customers.test",
    "ada.lovelace@customers.test",
  ])
  expect(pages[0]).toMatchObject({ total: 5, pageSize: 2, pageCount: 3 })
})

test("the customer detail holds exactly their subscriptions, ledger, payments, orders, emails, webhooks and audit", async () => {
  const detail = await getCustomerDetailOrThrow(story.ada.id)
  expect(detail.customer).toEqual({
    id: story.ada.id,
    email: "ada.lovelace@customers.test",
    name: "Ada Lovelace",
    role: "SUBSCRIBER",
    emailVerified: null,
    polarCustomerId: "polar_cus_ada",
    createdAt: at("2026-01-01T09:00:00"),
  })
  // MRR: 0 (canceled) + 4900 (Team). Lifetime value: 1999 + 1999 + 4900 − 1000 = 7898.
  expect(detail.summary).toEqual({
    currentSubscriptionId: story.adaNow.id,
    currentMrrCents: 4900,
    paidCents: 8898,
    refundedCents: 1000,
    lifetimeValueCents: 7898,
    currency: "usd",
  })
  expect(detail.subscriptions.map((s) => [s.id, s.status, s.plan.name, s.mrrCents, s.endedAt])).toEqual([
    [story.adaNow.id, "ACTIVE", "Team", 4900, null],
    [story.adaOld.id, "CANCELED", "Monthly", 0, at("2026-02-01T10:00:00")],
  ])
  expect(detail.ledger).toEqual([
    {
      id: anyId,
      subscriptionId: story.adaNow.id,
      kind: "EXPANSION",
      mrrDeltaCents: 2901,
      mrrAfterCents: 4900,
      effectiveAt: at("2026-03-15T10:00:00"),
      reason: "upgrade to Team",
      planName: "Team",
    },
    {
      id: anyId,
      subscriptionId: story.adaNow.id,
      kind: "NEW",
      mrrDeltaCents: 1999,
      mrrAfterCents: 1999,
      effectiveAt: at("2026-03-01T10:00:00"),
      reason: null,
      planName: "Monthly",
    },
    {
      id: anyId,
      subscriptionId: story.adaOld.id,
      kind: "CHURN",
      mrrDeltaCents: -1999,
      mrrAfterCents: 0,
      effectiveAt: at("2026-02-01T10:00:00"),
      reason: "canceled by subscriber",
      planName: "Monthly",
    },
    {
      id: anyId,
      subscriptionId: story.adaOld.id,
      kind: "NEW",
      mrrDeltaCents: 1999,
      mrrAfterCents: 1999,
      effectiveAt: at("2026-01-01T10:00:00"),
      reason: null,
      planName: "Monthly",
    },
  ])
  expect(detail.payments.map((p) => [p.id, p.amountCents, p.refundedCents, p.status])).toEqual([
    [story.payments.p3.id, 4900, 1000, "PARTIALLY_REFUNDED"],
    [story.payments.p2.id, 1999, 0, "PAID"],
    [story.payments.p1.id, 1999, 0, "PAID"],
  ])
  expect(detail.orders.map((o) => [o.id, o.status, o.planName, o.assigneeEmail])).toEqual([
    [story.orders.o2.id, "PENDING", "Team", null],
    [story.orders.o1.id, "FULFILLED", "Monthly", "support@staff.test"],
  ])
  expect(detail.orders[1]!.events).toEqual([
    { id: anyId, type: "PAID", actorId: null, actorEmail: null, note: null, at: at("2026-01-01T10:00:00") },
    {
      id: anyId,
      type: "ASSIGNED",
      actorId: story.support.id,
      actorEmail: "support@staff.test",
      note: null,
      at: at("2026-01-01T11:00:00"),
    },
    {
      id: anyId,
      type: "FULFILLED",
      actorId: story.support.id,
      actorEmail: "support@staff.test",
      note: "seat delivered",
      at: at("2026-01-01T12:00:00"),
    },
  ])
  expect(detail.emails).toEqual([
    {
      id: story.emails.e1.id,
      to: "ADA.Lovelace@customers.test",
      subject: "Your seat is ready",
      template: "seat-ready",
      status: "OUTBOX",
      deliveryStatus: null,
      error: null,
      createdAt: at("2026-01-01T12:00:00"),
      sentAt: null,
    },
  ])
  expect(detail.webhooks).toEqual([
    {
      id: story.webhooks.w3.id,
      provider: "polar",
      eventType: "customer.updated",
      status: "PROCESSED",
      error: null,
      receivedAt: at("2026-04-02T10:00:00"),
    },
    {
      id: story.webhooks.w2.id,
      provider: "polar",
      eventType: "order.paid",
      status: "FAILED",
      error: "boom",
      receivedAt: at("2026-04-01T10:00:01"),
    },
    {
      id: story.webhooks.w1.id,
      provider: "polar",
      eventType: "subscription.created",
      status: "PROCESSED",
      error: null,
      receivedAt: at("2026-03-01T10:00:01"),
    },
  ])
  expect(detail.audit.map((entry) => [entry.id, entry.action])).toEqual([
    [story.audit.a4.id, "customer.viewed"],
    [story.audit.a3.id, "auth.sign_in"],
    [story.audit.a2.id, "subscription.canceled"],
    [story.audit.a1.id, "order.fulfilled"],
  ])
})

test("nothing secret leaves: no credentials, email bodies or webhook payloads", async () => {
  const json = JSON.stringify(await getCustomerDetailOrThrow(story.ada.id))
  for (const secret of Object.values(SECRET)) expect(json).not.toContain(secret)
  expect(json).not.toContain("credentialsEnc")
  expect(json).not.toContain("payload")
})

test("a customer with nothing yet has empty sections and zero figures", async () => {
  const detail = await getCustomerDetailOrThrow(story.dan.id)
  expect(detail.summary).toEqual({
    currentSubscriptionId: null,
    currentMrrCents: 0,
    paidCents: 0,
    refundedCents: 0,
    lifetimeValueCents: 0,
    currency: "usd",
  })
  expect(
    [
      detail.subscriptions,
      detail.ledger,
      detail.payments,
      detail.orders,
      detail.emails,
      detail.webhooks,
      detail.audit,
    ].map((rows) => rows.length),
  ).toEqual([0, 0, 0, 0, 0, 0, 0])
})

test("an unknown id, or staff who never subscribed, is not found", async () => {
  expect(await getCustomerDetail("nope")).toBeNull()
  expect(await getCustomerDetail(story.support.id)).toBeNull()
  await expect(getCustomerDetailOrThrow("nope")).rejects.toThrow(AppError)
  await expect(getCustomerDetailOrThrow("nope")).rejects.toMatchObject({ code: "not_found" })
})
