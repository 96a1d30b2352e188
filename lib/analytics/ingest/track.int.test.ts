import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { POST as checkoutPost } from "@/app/api/checkout/route"
import { POST as eventsPost } from "@/app/api/events/route"
import { authOptions } from "@/lib/auth/options"
import { delivery, ensurePlans, nextId, post, story } from "@/lib/billing/testing/polar-events"
import { db } from "@/lib/db"
import { resetEnvCache } from "@/lib/env"
import { requestOrigin } from "@/lib/http/request-origin"
import { fulfilOrder } from "@/lib/orders/fulfil"
import { createPaidOrder } from "@/lib/orders/testing/fixtures"
import { createTestUser, signedInAs } from "@/lib/testing/fixtures"
import { callRoute, withTestOrigin } from "@/lib/testing/http"
import { track } from "./track"

withTestOrigin()

const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
const browser = { "user-agent": CHROME, "x-forwarded-for": "203.0.113.77", "cf-ipcountry": "NL" }

/** Business events are recorded after the response, in the background: wait for them. */
async function eventsOf(userId: string, name: string, count = 1) {
  const deadline = Date.now() + 10_000
  for (;;) {
    const rows = await db.analyticsEvent.findMany({ where: { userId, name }, orderBy: { id: "asc" } })
    if (rows.length >= count || Date.now() > deadline) return rows
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

let plans: Awaited<ReturnType<typeof ensurePlans>>
beforeAll(async () => {
  process.env.ANALYTICS_COUNTRY_HEADER = "cf-ipcountry"
  resetEnvCache()
  plans = await ensurePlans()
})
afterAll(() => {
  delete process.env.ANALYTICS_COUNTRY_HEADER
  resetEnvCache()
})

describe("track() on the server", () => {
  test("without a browser the visitor is the user; the promise says it was stored", async () => {
    const user = await createTestUser()
    expect(await track("feature_used", { userId: user.id, path: "/account?tab=1", props: { feature: "export" } })).toBe(
      true,
    )
    const [row] = await eventsOf(user.id, "feature_used")
    expect(row).toMatchObject({
      visitorId: `u:${user.id}`,
      consented: false,
      path: "/account",
      props: { feature: "export" },
      browser: null,
      country: null,
    })
  })

  test("in a browser's request the event joins that browser's visitor", async () => {
    const { user, cookie } = await signedInAs("SUBSCRIBER")
    const origin = (extra: string) =>
      requestOrigin(
        new Request("http://localhost:3000/api/x", { headers: { ...browser, cookie: `${cookie}${extra}` } }),
      )
    await callRoute(eventsPost, "POST", "/api/events", {
      cookie,
      headers: browser,
      body: { events: [{ name: "page_view", path: "/pricing" }] },
    })
    await track("server_side", { userId: user.id, browser: origin("") })
    await track("server_side", {
      userId: user.id,
      browser: origin("; acv_consent=granted; acv_vid=AbCdEfGhIjKlMnOpQrStUv"),
    })
    const [view] = await eventsOf(user.id, "page_view")
    const [anonymous, consented] = await eventsOf(user.id, "server_side", 2)
    expect(anonymous).toMatchObject({ consented: false, browser: "Chrome", device: "desktop", country: "NL" })
    // The same anonymous visitor, unless midnight (UTC) fell between the two and rotated the salt.
    const sameUtcDay = view!.at.toISOString().slice(0, 10) === anonymous!.at.toISOString().slice(0, 10)
    expect(anonymous!.visitorId === view!.visitorId).toBe(sameUtcDay)
    expect(consented).toMatchObject({ visitorId: "AbCdEfGhIjKlMnOpQrStUv", consented: true })
  })

  test("never throws: a bad name or a failing database answers false", async () => {
    expect(await track("Not Valid", {})).toBe(false)
    expect(await track("ok_name", { props: { nested: { a: 1 } } as never })).toBe(false)
    await db.$executeRawUnsafe("ALTER TABLE analytics_events RENAME TO analytics_events_away")
    try {
      expect(await track("during_outage", { userId: "nobody" })).toBe(false)
    } finally {
      await db.$executeRawUnsafe("ALTER TABLE analytics_events_away RENAME TO analytics_events")
    }
  })
})

describe("business events", () => {
  test("signed_up when next-auth creates a user", async () => {
    const user = await createTestUser()
    await authOptions().events!.createUser!({ user: { id: user.id, email: user.email } })
    expect(await eventsOf(user.id, "signed_up")).toHaveLength(1)
  })

  test("checkout_started from POST /api/checkout, as the visitor who browsed", async () => {
    const { user, cookie } = await signedInAs("SUBSCRIBER")
    await callRoute(eventsPost, "POST", "/api/events", {
      cookie,
      headers: browser,
      body: { events: [{ name: "page_view", path: "/pricing" }] },
    })
    const response = await callRoute(checkoutPost, "POST", "/api/checkout", {
      cookie,
      headers: browser,
      body: { planId: plans.annual.id },
    })
    expect(response.status).toBe(200)
    const [started] = await eventsOf(user.id, "checkout_started")
    const [view] = await eventsOf(user.id, "page_view")
    expect(started).toMatchObject({
      visitorId: view!.visitorId,
      props: { planId: plans.annual.id, mode: "test" },
      country: "NL",
    })
  })

  test("order_paid, subscription_canceled and subscription_ended after the webhooks commit, once per change", async () => {
    const user = await createTestUser()
    const s = story({ userId: user.id, email: user.email, name: null }, new Date("2026-03-01T09:00:00Z"))
    const day = (n: number) => new Date(Date.parse("2026-03-01T09:00:00Z") + n * 86_400_000)
    const paid = delivery(
      s.order("order.paid", plans.monthly, { id: nextId("ord"), at: day(0), billingReason: "subscription_create" }),
    )
    for (const d of [paid, paid]) expect((await post(d)).status).toBe(200)
    const canceled = delivery(
      s.subscription("subscription.canceled", plans.monthly, day(5), { cancelAtPeriodEnd: true, canceledAt: day(5) }),
    )
    expect((await post(canceled)).status).toBe(200)
    expect(
      (
        await post(
          delivery(
            s.subscription("subscription.revoked", plans.monthly, day(30), {
              status: "canceled",
              canceledAt: day(5),
              endedAt: day(30),
            }),
          ),
        )
      ).status,
    ).toBe(200)
    const order = await db.order.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } })
    const [orderPaid] = await eventsOf(user.id, "order_paid")
    expect(orderPaid).toMatchObject({ visitorId: `u:${user.id}`, props: { orderId: order.id } })
    expect(await eventsOf(user.id, "subscription_canceled")).toHaveLength(1)
    expect(await eventsOf(user.id, "subscription_ended")).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await db.analyticsEvent.count({ where: { userId: user.id, name: "order_paid" } })).toBe(1)
  })

  test("seat_delivered when staff fulfil the order", async () => {
    const order = await createPaidOrder()
    const staff = await createTestUser("SUPPORT")
    await fulfilOrder({ orderId: order.id, actor: staff, login: "seat@example.com", password: "pw-123456" })
    const [delivered] = await eventsOf(order.userId, "seat_delivered")
    expect(delivered).toMatchObject({ props: { orderId: order.id } })
  })
})
