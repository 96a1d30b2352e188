import { beforeAll, expect, test } from "vitest"
import { getCustomerDetailOrThrow } from "@/lib/customers/queries"
import { type CustomerStory, SECRET, seedCustomerStory } from "@/lib/customers/testing/fixtures"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { GET as getDetail } from "./[id]/route"
import { GET as getList } from "./route"

let story: CustomerStory
let staff: { cookie: string }

beforeAll(async () => {
  story = await seedCustomerStory()
  staff = await signedInAs("SUPPORT")
})

test("both routes refuse anonymous callers (401) and subscribers (403)", async () => {
  const subscriber = await signedInAs("SUBSCRIBER")
  const params = { id: story.ada.id }
  expect((await callRoute(getList, "GET", "/api/admin/customers")).status).toBe(401)
  expect((await callRoute(getList, "GET", "/api/admin/customers", { cookie: subscriber.cookie })).status).toBe(403)
  expect((await callRoute(getDetail, "GET", `/api/admin/customers/${story.ada.id}`, { params })).status).toBe(401)
  const refused = await callRoute(getDetail, "GET", `/api/admin/customers/${story.ada.id}`, {
    params,
    cookie: subscriber.cookie,
  })
  expect(refused.status).toBe(403)
  expect(JSON.stringify(await refused.json())).not.toContain("ada.lovelace")
})

test("GET /api/admin/customers searches and paginates", async () => {
  const get = async (query: string) => {
    const response = await callRoute(getList, "GET", `/api/admin/customers?${query}`, { cookie: staff.cookie })
    expect(response.status).toBe(200)
    return response.json()
  }
  // The five customers of the story, newest first; pages of two hold 2, 2 and 1.
  const page2 = await get("q=customers.test&pageSize=2&page=2")
  expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2, pageCount: 3 })
  expect(page2.items.map((c: { email: string }) => c.email)).toEqual([
    "cara@customers.test",
    "bob.builder@customers.test",
  ])
  expect((await get("q=customers.test&pageSize=2&page=3")).items).toHaveLength(1)

  const ada = await get("email=ADA.LOVELACE@customers.test")
  expect(ada.items).toEqual([
    {
      id: story.ada.id,
      email: "ada.lovelace@customers.test",
      name: "Ada Lovelace",
      createdAt: "2026-01-01T09:00:00.000Z",
      planName: "Team",
      status: "ACTIVE",
      cancelAtPeriodEnd: false,
      mrrCents: 4900,
      currency: "usd",
      ordersCount: 2,
      lastPaymentAt: "2026-04-01T10:00:00.000Z",
    },
  ])
  expect((await get("q=smith")).items.map((c: { email: string }) => c.email)).toEqual(["dan@customers.test"])

  const invalid = await callRoute(getList, "GET", "/api/admin/customers?status=LOST&pageSize=101", {
    cookie: staff.cookie,
  })
  expect(invalid.status).toBe(422)
  expect((await invalid.json()).error.code).toBe("unprocessable_entity")
})

test("GET /api/admin/customers/:id answers the page's data from the same function, with nothing secret", async () => {
  const response = await callRoute(getDetail, "GET", `/api/admin/customers/${story.ada.id}`, {
    cookie: staff.cookie,
    params: { id: story.ada.id },
  })
  expect(response.status).toBe(200)
  const text = await response.text()
  const body = JSON.parse(text)
  expect(body).toEqual(JSON.parse(JSON.stringify(await getCustomerDetailOrThrow(story.ada.id))))
  expect(Object.keys(body).sort()).toEqual([
    "audit",
    "customer",
    "emails",
    "ledger",
    "orders",
    "payments",
    "subscriptions",
    "summary",
    "webhooks",
  ])
  // 1999 + 1999 + 4900 paid − 1000 refunded.
  expect(body.summary).toMatchObject({ currentMrrCents: 4900, lifetimeValueCents: 7898 })
  expect(body.ledger.map((row: { kind: string; mrrDeltaCents: number }) => [row.kind, row.mrrDeltaCents])).toEqual([
    ["EXPANSION", 2901],
    ["NEW", 1999],
    ["CHURN", -1999],
    ["NEW", 1999],
  ])
  expect(body.orders.map((o: { id: string; events: unknown[] }) => [o.id, o.events.length])).toEqual([
    [story.orders.o2.id, 1],
    [story.orders.o1.id, 3],
  ])
  expect(body.webhooks.map((w: { id: string }) => w.id)).toEqual([
    story.webhooks.w3.id,
    story.webhooks.w2.id,
    story.webhooks.w1.id,
  ])
  for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret)
  expect(text).not.toContain("credentialsEnc")
})

test("an unknown customer is a 404 in the error shape", async () => {
  const response = await callRoute(getDetail, "GET", "/api/admin/customers/nope", {
    cookie: staff.cookie,
    params: { id: "nope" },
  })
  expect(response.status).toBe(404)
  expect(await response.json()).toEqual({ error: { code: "not_found", message: "no customer with this id" } })
})
