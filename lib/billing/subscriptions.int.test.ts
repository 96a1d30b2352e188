import { beforeAll, expect, test } from "vitest"
import { GET as portalGet } from "@/app/api/account/billing-portal/route"
import { POST as cancelPost } from "@/app/api/account/subscription/cancel/route"
import { POST as changePlanPost } from "@/app/api/account/subscription/change-plan/route"
import { POST as resumePost } from "@/app/api/account/subscription/resume/route"
import { POST as checkoutPost } from "@/app/api/checkout/route"
import { POST as completePost } from "@/app/api/checkout/test/complete/route"
import { db } from "@/lib/db"
import { recordSubscriptionChange } from "@/lib/revenue/ledger"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { ensurePlans } from "./testing/polar-events"
import { serveWebhooksForTestMode } from "./testing/test-mode-server"

// Test mode: each action sends the webhook Polar would send, and only the handler changes data.
serveWebhooksForTestMode()

let plans: Awaited<ReturnType<typeof ensurePlans>>
beforeAll(async () => {
  plans = await ensurePlans()
})

async function subscribed(planId: string) {
  const session = await signedInAs("SUBSCRIBER")
  const { url } = await (
    await callRoute(checkoutPost, "POST", "/api/checkout", { cookie: session.cookie, body: { planId } })
  ).json()
  const token = new URL(url, "http://x").searchParams.get("token")!
  expect(
    (
      await callRoute(completePost, "POST", "/api/checkout/test/complete", {
        cookie: session.cookie,
        body: { token, outcome: "paid" },
      })
    ).status,
  ).toBe(200)
  return session
}

const action = (verb: typeof cancelPost, path: string, cookie: string | undefined, body: unknown = {}) =>
  callRoute(verb, "POST", path, { cookie, body })
const mine = (userId: string) =>
  db.subscription.findFirstOrThrow({ where: { userId }, include: { changes: { orderBy: { createdAt: "asc" } } } })

test("cancel at period end keeps the seat and the MRR; resume withdraws it", async () => {
  const { user, cookie } = await subscribed(plans.monthly.id)
  const canceled = await action(cancelPost, "/api/account/subscription/cancel", cookie)
  expect(canceled.status).toBe(200)
  expect(await canceled.json()).toMatchObject({
    mode: "test",
    subscription: { status: "ACTIVE", cancelAtPeriodEnd: true, endedAt: null, plan: { id: plans.monthly.id } },
  })
  expect(await mine(user.id)).toMatchObject({ cancelAtPeriodEnd: true, mrrCents: 1999 })
  expect((await mine(user.id)).canceledAt).not.toBeNull()

  expect((await action(cancelPost, "/api/account/subscription/cancel", cookie)).status).toBe(200) // already canceling: a no-op
  const resumed = await action(resumePost, "/api/account/subscription/resume", cookie)
  expect(await resumed.json()).toMatchObject({ subscription: { cancelAtPeriodEnd: false } })
  expect(await mine(user.id)).toMatchObject({ cancelAtPeriodEnd: false, canceledAt: null, mrrCents: 1999 })
  expect((await mine(user.id)).changes.map((c) => c.kind)).toEqual(["NEW"])
})

test("change plan, monthly → team, is an EXPANSION of 2901 once the webhook lands", async () => {
  const { user, cookie } = await subscribed(plans.monthly.id)
  const response = await action(changePlanPost, "/api/account/subscription/change-plan", cookie, {
    planId: plans.team.id,
  })
  expect(response.status).toBe(200)
  expect(await response.json()).toMatchObject({ subscription: { plan: { id: plans.team.id } } })
  const sub = await mine(user.id)
  expect(sub.changes.map((c) => [c.kind, c.mrrDeltaCents])).toEqual([
    ["NEW", 1999],
    ["EXPANSION", 2901],
  ])
  expect(
    (await action(changePlanPost, "/api/account/subscription/change-plan", cookie, { planId: "nope" })).status,
  ).toBe(404)
  expect((await action(changePlanPost, "/api/account/subscription/change-plan", cookie, {})).status).toBe(422)
})

test("refuses the wrong caller: anonymous 401, someone else's subscription 404, nothing to act on 404", async () => {
  const owner = await subscribed(plans.monthly.id)
  const stranger = await signedInAs("SUBSCRIBER")
  const theirs = await mine(owner.user.id)
  expect((await action(cancelPost, "/api/account/subscription/cancel", undefined)).status).toBe(401)
  expect(
    (await action(cancelPost, "/api/account/subscription/cancel", stranger.cookie, { subscriptionId: theirs.id }))
      .status,
  ).toBe(404)
  expect(
    (
      await action(changePlanPost, "/api/account/subscription/change-plan", stranger.cookie, {
        subscriptionId: theirs.id,
        planId: plans.team.id,
      })
    ).status,
  ).toBe(404)
  expect((await action(resumePost, "/api/account/subscription/resume", stranger.cookie)).status).toBe(404)
  expect((await mine(owner.user.id)).cancelAtPeriodEnd).toBe(false)
  expect((await callRoute(portalGet, "GET", "/api/account/billing-portal")).status).toBe(401)
})

test("a subscription from before Polar (the demo data) is linked by its first event, then acted on", async () => {
  const { user, cookie } = await signedInAs("SUBSCRIBER")
  const start = new Date(Date.now() - 10 * 86_400_000)
  const legacy = await db.subscription.create({
    data: {
      userId: user.id,
      planId: plans.team.id,
      status: "ACTIVE",
      startedAt: start,
      currentPeriodStart: start,
      currentPeriodEnd: new Date(start.getTime() + 30 * 86_400_000),
    },
  })
  await db.$transaction((tx) =>
    recordSubscriptionChange(tx, {
      subscriptionId: legacy.id,
      nextMrrCents: 4900,
      planId: plans.team.id,
      effectiveAt: start,
    }),
  )
  expect(
    (await action(changePlanPost, "/api/account/subscription/change-plan", cookie, { planId: plans.monthly.id }))
      .status,
  ).toBe(200)
  const sub = await mine(user.id)
  expect(sub).toMatchObject({
    id: legacy.id,
    polarSubscriptionId: `sub_test_${legacy.id}`,
    planId: plans.monthly.id,
    mrrCents: 1999,
  })
  expect(sub.changes.map((c) => [c.kind, c.mrrDeltaCents])).toEqual([
    ["NEW", 4900],
    ["CONTRACTION", -2901],
  ])
})

test("the billing portal in test mode is the account's billing page", async () => {
  const { cookie } = await signedInAs("SUBSCRIBER")
  const response = await callRoute(portalGet, "GET", "/api/account/billing-portal", { cookie })
  expect(await response.json()).toEqual({ url: "/account/billing" })
})
