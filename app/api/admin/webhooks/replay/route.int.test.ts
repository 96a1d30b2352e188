import { beforeAll, expect, test } from "vitest"
import { db } from "@/lib/db"
import { at, type Delivery, delivery, ensurePlans, nextId, post, story } from "@/lib/billing/testing/polar-events"
import { createTestUser, signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { POST } from "./route"

let plans: Awaited<ReturnType<typeof ensurePlans>>
beforeAll(async () => {
  plans = await ensurePlans()
})

const replay = (cookie: string | undefined, body: unknown) =>
  callRoute(POST, "POST", "/api/admin/webhooks/replay", { cookie, body })

/** An order.paid that names its subscription only by id (no snapshot inside), as Polar may send it. */
function orderWithoutSubscription(d: Delivery, subscriptionId: string): Delivery {
  const event = JSON.parse(d.body) as { data: Record<string, unknown> }
  return {
    id: d.id,
    body: JSON.stringify({ ...event, data: { ...event.data, subscription: null, subscription_id: subscriptionId } }),
  }
}

const stored = (d: Delivery) =>
  db.webhookDelivery.findUniqueOrThrow({
    where: { provider_eventId: { provider: "polar", eventId: d.id } },
    select: { id: true, status: true, attempts: true, error: true },
  })

test("POST /api/admin/webhooks/replay refuses the wrong caller, a malformed body and a subscription with nothing failed", async () => {
  expect((await replay(undefined, { subscription: "sub_x" })).status).toBe(401)
  expect((await replay((await signedInAs("SUBSCRIBER")).cookie, { subscription: "sub_x" })).status).toBe(403)
  expect((await replay((await signedInAs("SUPPORT")).cookie, { subscription: "sub_x" })).status).toBe(403) // support may only look
  expect((await replay((await signedInAs("ENGINEER", { mfa: false })).cookie, { subscription: "sub_x" })).status).toBe(
    401,
  )

  const { cookie } = await signedInAs("ENGINEER")
  for (const body of [{}, { subscription: "" }, { subscription: 42 }]) {
    const response = await replay(cookie, body)
    expect(response.status).toBe(422)
    expect((await response.json()).error.code).toBe("unprocessable_entity")
  }
  const none = await replay(cookie, { subscription: "sub_never_seen" })
  expect(none.status).toBe(404)
  expect((await none.json()).error).toEqual({
    code: "not_found",
    message: "this subscription has no failed deliveries",
  })
})

test("replays a subscription's failed orders once it has arrived, in Polar's order; a second replay changes nothing", async () => {
  const user = await createTestUser()
  const s = story({ userId: user.id, email: user.email, name: null }, at("2026-05-01T10:00:00Z"))
  const first = orderWithoutSubscription(
    delivery(
      s.order("order.paid", plans.monthly, {
        id: nextId("ord"),
        at: at("2026-05-01T10:00:00Z"),
        billingReason: "subscription_create",
        sub: null,
      }),
    ),
    s.id,
  )
  const renewal = orderWithoutSubscription(
    delivery(
      s.order("order.paid", plans.monthly, {
        id: nextId("ord"),
        at: at("2026-05-31T10:00:00Z"),
        billingReason: "subscription_cycle",
        sub: null,
      }),
    ),
    s.id,
  )

  // Both orders arrive before their subscription, the renewal first: each fails (500) and is stored FAILED.
  for (const d of [renewal, first]) {
    expect((await post(d)).status).toBe(500)
    expect(await stored(d)).toMatchObject({
      status: "FAILED",
      attempts: 1,
      error: expect.stringMatching(/has not arrived yet/),
    })
  }
  expect((await post(delivery(s.subscription("subscription.created", plans.monthly, null)))).status).toBe(200)
  expect(await db.order.count({ where: { userId: user.id } })).toBe(0)

  const engineer = await signedInAs("ENGINEER")
  const response = await replay(engineer.cookie, { subscription: s.id })
  expect(response.status).toBe(200)
  const { items } = (await response.json()) as {
    items: {
      id: string
      eventType: string
      status: string
      attempts: number
      error: string | null
      subjectId: string
      subjectAt: string
    }[]
  }
  // Oldest state first: the first payment (1 May), then the renewal (31 May), though the renewal arrived first.
  expect(items.map((i) => [i.id, i.status, i.attempts, i.error, i.subjectId, i.subjectAt])).toEqual([
    [(await stored(first)).id, "PROCESSED", 2, null, s.id, "2026-05-01T10:00:00.000Z"],
    [(await stored(renewal)).id, "PROCESSED", 2, null, s.id, "2026-05-31T10:00:00.000Z"],
  ])
  // Two payments; only the first one opens a fulfilment order.
  expect(await db.payment.count({ where: { userId: user.id } })).toBe(2)
  expect(await db.order.count({ where: { userId: user.id } })).toBe(1)
  expect(
    await db.auditLog.count({
      where: { actorId: engineer.user.id, action: "staff.write", targetId: "/api/admin/webhooks/replay" },
    }),
  ).toBe(1)

  // Nothing is failed any more: a second replay is refused and writes nothing.
  expect((await replay(engineer.cookie, { subscription: s.id })).status).toBe(404)
  expect(await db.payment.count({ where: { userId: user.id } })).toBe(2)
  expect(await db.order.count({ where: { userId: user.id } })).toBe(1)
  expect((await stored(first)).attempts).toBe(2)
})
