import { expect, test } from "vitest"
import type { EventRow } from "@/lib/analytics/ingest/store"
import { anonymousVisitor, type CustomerFacts, customerJourney } from "./events-journeys"
import { createRandom } from "./random"

const at = (iso: string) => new Date(iso)
const customer: CustomerFacts = {
  userId: "user1",
  createdAt: at("2026-03-10T12:00:00Z"),
  orders: [
    {
      id: "o1",
      subscriptionId: "s1",
      planId: "plan-monthly",
      paidAt: at("2026-03-10T12:00:00Z"),
      fulfilledAt: at("2026-03-10T18:00:00Z"),
      bought: true,
    },
    {
      id: "o2",
      subscriptionId: "s1",
      planId: "plan-monthly",
      paidAt: at("2026-08-01T09:00:00Z"),
      fulfilledAt: null,
      bought: true,
    },
  ],
  planChanges: [at("2026-04-20T10:00:00Z")],
  churns: [{ subscriptionId: "s1", at: at("2026-06-10T12:00:00Z"), requestedAt: at("2026-05-28T08:00:00Z") }],
  pendingCancel: null,
  active: [
    { from: at("2026-03-10T12:00:00Z"), to: at("2026-06-10T12:00:00Z") },
    { from: at("2026-08-01T09:00:00Z"), to: at("2026-11-25T21:00:00Z") },
  ],
}

function journey(seed = 1): EventRow[] {
  const rows: EventRow[] = []
  customerJourney(createRandom(seed), customer, (row) => rows.push(row))
  return rows
}

const named = (rows: EventRow[], name: string) => rows.filter((row) => row.name === name)

test("a customer's business events match their facts one for one, as the server records them", () => {
  const rows = journey()
  expect(named(rows, "signed_up").map((r) => [r.at.toISOString(), r.visitorId, r.userId])).toEqual([
    ["2026-03-10T12:00:00.000Z", "u:user1", "user1"],
  ])
  expect(named(rows, "order_paid").map((r) => [r.at.toISOString(), r.visitorId, r.props])).toEqual([
    ["2026-03-10T12:00:00.000Z", "u:user1", { orderId: "o1", subscriptionId: "s1" }],
    ["2026-08-01T09:00:00.000Z", "u:user1", { orderId: "o2", subscriptionId: "s1" }],
  ])
  // Only the fulfilled order has a delivery.
  expect(named(rows, "seat_delivered").map((r) => [r.at.toISOString(), r.props])).toEqual([
    ["2026-03-10T18:00:00.000Z", { orderId: "o1" }],
  ])
  expect(named(rows, "subscription_canceled").map((r) => [r.at.toISOString(), r.props])).toEqual([
    ["2026-05-28T08:00:00.000Z", { subscriptionId: "s1", endsAt: "2026-06-10T12:00:00.000Z" }],
  ])
  expect(named(rows, "subscription_ended").map((r) => r.at.toISOString())).toEqual(["2026-06-10T12:00:00.000Z"])
  // Both orders were bought: two checkouts, from the browser (its visitor, no session, no page).
  const checkouts = named(rows, "checkout_started")
  expect(checkouts.map((r) => [r.at.toISOString(), r.userId, r.sessionId, r.path, r.props])).toEqual([
    ["2026-03-10T12:00:00.000Z", "user1", null, null, { planId: "plan-monthly", mode: "test" }],
    ["2026-08-01T09:00:00.000Z", "user1", null, null, { planId: "plan-monthly", mode: "test" }],
  ])
  expect(checkouts.every((r) => !r.visitorId.startsWith("u:") && r.device !== null)).toBe(true)
  // The plan change is a feature used in the portal visit that made it (starting 1 to 5 minutes before the ledger's instant).
  const planChanged = named(rows, "feature_used").filter((r) => r.props?.feature === "plan_changed")
  expect(planChanged).toHaveLength(1)
  expect(Math.abs(planChanged[0]!.at.getTime() - at("2026-04-20T10:00:00Z").getTime())).toBeLessThan(10 * 60_000)
})

test("sign-up, checkout and payment of the first order come in funnel order: views before, then the same instant in order", () => {
  const rows = journey()
  const signup = rows.findIndex((r) => r.name === "signed_up")
  const buyingViews = rows.slice(0, signup).filter((r) => r.name === "page_view" && r.at > at("2026-03-10T11:30:00Z"))
  expect(buyingViews.length).toBeGreaterThanOrEqual(2)
  expect(buyingViews.at(-1)!.path).toBe("/signin")
  expect(
    buyingViews.every(
      (r) => r.at < customer.createdAt && r.userId === null && r.sessionId === buyingViews[0]!.sessionId,
    ),
  ).toBe(true)
  // Stored in this order, so a funnel that orders ties by id sees signed_up → checkout_started → order_paid.
  expect(rows.slice(signup, signup + 3).map((r) => r.name)).toEqual(["signed_up", "checkout_started", "order_paid"])
})

test("portal visits only while subscribed, signed in, with features on their pages", () => {
  const rows = journey()
  const portal = rows.filter((r) => r.path?.startsWith("/account"))
  expect(portal.length).toBeGreaterThan(0)
  expect(portal.every((r) => r.userId === "user1")).toBe(true)
  const inactive = portal.filter((r) => r.at > at("2026-06-11T00:00:00Z") && r.at < at("2026-08-01T09:00:00Z"))
  expect(inactive).toEqual([])
  for (const feature of named(rows, "feature_used")) expect(feature.sessionId).not.toBeNull()
  const vitals = named(rows, "web_vital")
  expect(
    vitals.every(
      (v) => v.sessionId === null && v.referrer === null && ["LCP", "INP", "CLS"].includes(String(v.props?.metric)),
    ),
  ).toBe(true)
})

test("the same seed makes the same events", () => {
  expect(journey(3)).toEqual(journey(3))
  expect(journey(3)).not.toEqual(journey(4))
})

test("an anonymous visitor: page views and vitals only, no user, the referrer on the first view of a visit", () => {
  for (let seed = 0; seed < 50; seed++) {
    const rows: EventRow[] = []
    anonymousVisitor(createRandom(seed), `anonymous:${seed}`, at("2026-05-01T10:00:00Z"), (row) => rows.push(row))
    expect(rows.every((r) => (r.name === "page_view" || r.name === "web_vital") && r.userId === null)).toBe(true)
    const views = rows.filter((r) => r.name === "page_view")
    expect(views[0]!.at).toEqual(at("2026-05-01T10:00:00Z"))
    // Within a session, only its first view carries the referrer.
    const seen = new Set<string | null>()
    for (const view of views) {
      if (seen.has(view.sessionId)) expect(view.referrer).toBeNull()
      seen.add(view.sessionId)
    }
    // A visitor without consent has a new id on every UTC day; with consent, one id.
    const ids = new Set(views.map((r) => r.visitorId))
    const days = new Set(views.map((r) => r.at.toISOString().slice(0, 10)))
    expect(ids.size).toBe(views[0]!.consented ? 1 : days.size)
  }
})
