import { afterAll, beforeAll, beforeEach, expect, test, vi } from "vitest"
import { GET as portalGet } from "@/app/api/account/billing-portal/route"
import { POST as cancelPost } from "@/app/api/account/subscription/cancel/route"
import { POST as changePlanPost } from "@/app/api/account/subscription/change-plan/route"
import { POST as checkoutPost } from "@/app/api/checkout/route"
import { POST as completePost } from "@/app/api/checkout/test/complete/route"
import { db } from "@/lib/db"
import { resetEnvCache } from "@/lib/env"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { polarClient } from "./polar"
import { delivery, nextId, post, story } from "./testing/polar-events"
import { type PolarStandIn, startPolarStandIn } from "./testing/polar-stand-in"

// The live path, against a small local server standing in for Polar's API: we assert the requests
// the SDK sends (method, path, auth, body) and that our routes use what it answers.

type Seen = {
  method: string
  path: string
  authorization: string | undefined
  version: string | undefined
  body: Record<string, unknown> | null
}
const seen: Seen[] = []
let reply: { status: number; body: unknown } | null = null
let standIn: PolarStandIn
let standInUrl = ""

beforeAll(async () => {
  standIn = await startPolarStandIn(
    ({ method, path, headers, body }) => {
      seen.push({
        method,
        path,
        authorization: headers.authorization as string | undefined,
        version: headers["polar-version"] as string | undefined,
        body,
      })
      return reply ?? defaultAnswer(method, path)
    },
    // http: the test session cookie is the non-secure one
    { POLAR_WEBHOOK_SECRET: "polar_whs_live_secret", NEXTAUTH_URL: "http://copilot.example" },
  )
  standInUrl = standIn.url
})

afterAll(() => standIn.stop())

beforeEach(() => {
  seen.length = 0
  reply = null
})

function defaultAnswer(method: string, path: string): { status: number; body: unknown } {
  if (method === "POST" && path === "/v1/checkouts/")
    return {
      status: 201,
      body: { id: "chk_live_1", url: "https://sandbox.polar.test/checkout/polar_c_abc", status: "open" },
    }
  if (method === "POST" && path === "/v1/customer-sessions/")
    return {
      status: 201,
      body: { id: "cs_1", token: "t", customer_portal_url: "https://sandbox.polar.test/portal/xyz" },
    }
  if (method === "PATCH" && path.startsWith("/v1/subscriptions/"))
    return { status: 200, body: { id: path.split("/")[3] } }
  return { status: 404, body: { detail: "not found" } }
}

async function linkedPlan(slug: string, priceCents: number) {
  return db.plan.create({
    data: {
      slug,
      name: slug,
      description: slug,
      interval: "MONTH",
      priceCents,
      features: [],
      polarProductId: `prod_${slug}`,
    },
  })
}

test("POST /api/checkout creates a Polar checkout through the SDK and answers its url", async () => {
  const plan = await linkedPlan("live-monthly", 1999)
  const { user, cookie } = await signedInAs("SUBSCRIBER")
  const response = await callRoute(checkoutPost, "POST", "/api/checkout", { cookie, body: { planId: plan.id } })
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ url: "https://sandbox.polar.test/checkout/polar_c_abc" })
  expect(seen).toEqual([
    {
      method: "POST",
      path: "/v1/checkouts/",
      authorization: "Bearer test",
      version: "2026-10",
      body: {
        products: ["prod_live-monthly"],
        success_url: "http://copilot.example/account?checkout=success&checkout_id={CHECKOUT_ID}",
        return_url: "http://copilot.example/pricing",
        external_customer_id: user.id,
        customer_email: user.email,
        metadata: { plan_id: plan.id },
      },
    },
  ])
})

test("Polar failing (5xx) is our 503; an unlinked plan is 503 before any request", async () => {
  const plan = await linkedPlan("live-down", 1999)
  const { cookie } = await signedInAs("SUBSCRIBER")
  reply = { status: 500, body: { detail: "boom" } }
  const failed = await callRoute(checkoutPost, "POST", "/api/checkout", { cookie, body: { planId: plan.id } })
  expect(failed.status).toBe(503)
  expect((await failed.json()).error.code).toBe("service_unavailable")
  const unlinked = await db.plan.create({
    data: {
      slug: "live-unlinked",
      name: "Unlinked",
      description: "",
      interval: "MONTH",
      priceCents: 100,
      features: [],
    },
  })
  seen.length = 0
  expect(
    (await callRoute(checkoutPost, "POST", "/api/checkout", { cookie, body: { planId: unlinked.id } })).status,
  ).toBe(503)
  expect(seen).toEqual([])
})

test("subscriber actions ask Polar (PATCH /v1/subscriptions/:id) and leave our data to the webhook", async () => {
  const monthly = await linkedPlan("live-m2", 1999)
  const team = await linkedPlan("live-t2", 4900)
  const { user, cookie } = await signedInAs("SUBSCRIBER")
  const start = new Date()
  await db.subscription.create({
    data: {
      userId: user.id,
      planId: monthly.id,
      status: "ACTIVE",
      polarSubscriptionId: "sub_live_42",
      startedAt: start,
      currentPeriodStart: start,
      currentPeriodEnd: new Date(start.getTime() + 30 * 86_400_000),
    },
  })
  const canceled = await callRoute(cancelPost, "POST", "/api/account/subscription/cancel", { cookie, body: {} })
  expect(canceled.status).toBe(200)
  expect(await canceled.json()).toMatchObject({ mode: "live", subscription: { cancelAtPeriodEnd: false } })
  expect(
    (
      await callRoute(changePlanPost, "POST", "/api/account/subscription/change-plan", {
        cookie,
        body: { planId: team.id },
      })
    ).status,
  ).toBe(200)
  expect(seen.map(({ method, path, authorization, body }) => ({ method, path, authorization, body }))).toEqual([
    {
      method: "PATCH",
      path: "/v1/subscriptions/sub_live_42",
      authorization: "Bearer test",
      body: { cancel_at_period_end: true },
    },
    {
      method: "PATCH",
      path: "/v1/subscriptions/sub_live_42",
      authorization: "Bearer test",
      body: { product_id: "prod_live-t2" },
    },
  ])
})

test("the billing portal is a Polar customer session for our user id", async () => {
  const { user, cookie } = await signedInAs("SUBSCRIBER")
  const response = await callRoute(portalGet, "GET", "/api/account/billing-portal", { cookie })
  expect(await response.json()).toEqual({ url: "https://sandbox.polar.test/portal/xyz" })
  expect(seen).toEqual([
    {
      method: "POST",
      path: "/v1/customer-sessions/",
      authorization: "Bearer test",
      version: "2026-10",
      body: { external_customer_id: user.id, return_url: "http://copilot.example/account" },
    },
  ])
})

test("live webhooks verify with POLAR_WEBHOOK_SECRET only, and refuse to run without it (503)", async () => {
  const plan = await linkedPlan("live-hook", 1999)
  const { user } = await signedInAs("SUBSCRIBER")
  const s = story({ userId: user.id, email: user.email, name: null }, new Date("2026-09-01T00:00:00Z"))
  const event = s.subscription(
    "subscription.created",
    { productId: "prod_live-hook", name: plan.name, interval: "MONTH", priceCents: 1999, currency: "usd" },
    null,
  )
  expect((await post(delivery(event))).status).toBe(403) // the test-mode secret is not accepted live
  expect((await post(delivery(event), { secret: "polar_whs_live_secret" })).status).toBe(200)
  expect(await db.subscription.findUniqueOrThrow({ where: { polarSubscriptionId: s.id } })).toMatchObject({
    planId: plan.id,
    mrrCents: 1999,
  })

  delete process.env.POLAR_WEBHOOK_SECRET
  resetEnvCache()
  const response = await post(delivery(event, nextId("msg")), { secret: "polar_whs_live_secret" })
  expect(response.status).toBe(503)
  process.env.POLAR_WEBHOOK_SECRET = "polar_whs_live_secret"
  resetEnvCache()
})

test("live mode has no test checkout", async () => {
  const { cookie } = await signedInAs("SUBSCRIBER")
  expect(
    (
      await callRoute(completePost, "POST", "/api/checkout/test/complete", {
        cookie,
        body: { token: "a.b", outcome: "paid" },
      })
    ).status,
  ).toBe(404)
})

test("POLAR_SERVER picks sandbox or production when no POLAR_API_URL overrides it", async () => {
  const fetchSpy = vi
    .spyOn(globalThis, "fetch")
    .mockImplementation(async () => Response.json({ id: "chk", url: "u" }, { status: 201 }))
  try {
    for (const [server, host] of [
      ["sandbox", "https://sandbox-api.polar.sh"],
      ["production", "https://api.polar.sh"],
    ] as const) {
      Object.assign(process.env, { POLAR_SERVER: server, POLAR_API_URL: "" })
      resetEnvCache()
      await polarClient()!.checkouts.create({ products: ["p"] })
      expect(String(fetchSpy.mock.lastCall![0])).toBe(`${host}/v1/checkouts/`)
    }
  } finally {
    fetchSpy.mockRestore()
    Object.assign(process.env, { POLAR_API_URL: standInUrl })
    delete process.env.POLAR_SERVER
    resetEnvCache()
  }
})
