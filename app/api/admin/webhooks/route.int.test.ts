import { beforeAll, expect, test } from "vitest"
import { delivery, ensurePlans, post, story } from "@/lib/billing/testing/polar-events"
import { createTestUser, signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { GET } from "./route"

let subscriptionId: string

beforeAll(async () => {
  const plans = await ensurePlans()
  const user = await createTestUser()
  const s = story({ userId: user.id, email: user.email, name: null }, new Date("2026-10-01T00:00:00Z"))
  for (const event of [
    s.subscription("subscription.created", plans.monthly, null),
    s.subscription("subscription.updated", plans.team, new Date("2026-10-05T00:00:00Z")),
    s.subscription("subscription.canceled", plans.team, new Date("2026-10-06T00:00:00Z"), { cancelAtPeriodEnd: true }),
    { type: "benefit.created", timestamp: new Date().toISOString(), data: { id: "ben_1" } },
  ]) {
    expect((await post(delivery(event))).status).toBeLessThan(300)
  }
  subscriptionId = s.id
})

test("GET /api/admin/webhooks lists deliveries newest first, by status, type (or type family) and subscription, paginated", async () => {
  const { cookie } = await signedInAs("SUPPORT")
  const list = async (qs: string) => {
    const response = await callRoute(GET, "GET", `/api/admin/webhooks${qs}`, { cookie })
    expect(response.status).toBe(200)
    return response.json()
  }
  const all = await list("")
  expect(all).toMatchObject({ total: 4, page: 1, pageSize: 50, pageCount: 1 })
  expect(all.items[0].eventType).toBe("benefit.created") // the last one received
  expect(Object.keys(all.items[0]).sort()).toEqual([
    "attempts",
    "error",
    "eventId",
    "eventType",
    "id",
    "processedAt",
    "provider",
    "receivedAt",
    "status",
    "subjectAt",
    "subjectId",
  ])

  expect(await list("?status=IGNORED")).toMatchObject({
    total: 1,
    items: [{ eventType: "benefit.created", status: "IGNORED" }],
  })
  expect((await list("?type=subscription.")).total).toBe(3)
  expect((await list("?type=subscription.updated")).items.map((i: { eventType: string }) => i.eventType)).toEqual([
    "subscription.updated",
  ])
  const ofSubscription = await list(`?subscription=${subscriptionId}`)
  expect(
    ofSubscription.items.map((i: { eventType: string; subjectId: string; subjectAt: string }) => [
      i.eventType,
      i.subjectId,
      i.subjectAt,
    ]),
  ).toEqual([
    ["subscription.canceled", subscriptionId, "2026-10-06T00:00:00.000Z"],
    ["subscription.updated", subscriptionId, "2026-10-05T00:00:00.000Z"],
    ["subscription.created", subscriptionId, "2026-10-01T00:00:00.000Z"],
  ])
  expect((await list("?subscription=sub_never_seen")).total).toBe(0)
  const second = await list("?pageSize=3&page=2")
  expect(second).toMatchObject({ total: 4, page: 2, pageCount: 2 })
  expect(second.items.map((i: { eventType: string }) => i.eventType)).toEqual(["subscription.created"])
  expect((await callRoute(GET, "GET", "/api/admin/webhooks?status=EXPLODED", { cookie })).status).toBe(422)
})
