import { expect, test } from "vitest"
import { GET as accountOrders } from "@/app/api/account/orders/route"
import { POST as reveal } from "@/app/api/account/orders/[id]/reveal/route"
import { POST as assign } from "@/app/api/admin/orders/[id]/assign/route"
import { POST as fulfil } from "@/app/api/admin/orders/[id]/fulfil/route"
import { GET as detail } from "@/app/api/admin/orders/[id]/route"
import { GET as queue } from "@/app/api/admin/orders/route"
import { db } from "@/lib/db"
import { createTestUser, signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { listOrderQueue } from "./queries"
import { orderListFilterSchema } from "./schemas"
import { createPaidOrder } from "./testing/fixtures"

const HOUR = 3_600_000
const now = new Date("2026-03-10T12:00:00Z")
const hoursAgo = (h: number) => new Date(now.getTime() - h * HOUR)

test("the queue lists open orders by deadline, then closed ones newest first; filters and pages", async () => {
  // This file has its own database: these seven orders are all there is.
  const [staff1, staff2] = [await createTestUser("SUPPORT"), await createTestUser("ENGINEER")]
  const A = await createPaidOrder({ paidAt: hoursAgo(30) }) // due 6 h ago: overdue
  const B = await createPaidOrder({ paidAt: hoursAgo(25), status: "IN_PROGRESS", assigneeId: staff1.id }) // due 1 h ago: overdue
  const C = await createPaidOrder({ paidAt: hoursAgo(24) }) // due exactly now: not overdue
  const D = await createPaidOrder({ paidAt: hoursAgo(2), status: "IN_PROGRESS", assigneeId: staff2.id }) // due in 22 h
  const E = await createPaidOrder({ paidAt: hoursAgo(48), status: "FULFILLED", assigneeId: staff1.id })
  const F = await createPaidOrder({ paidAt: hoursAgo(72), status: "FULFILLED" })
  await db.order.update({ where: { id: F.id }, data: { releaseDueAt: hoursAgo(3) } })
  const G = await createPaidOrder({ paidAt: hoursAgo(10), status: "CANCELED" })

  const ids = async (query: Record<string, string>) =>
    (await listOrderQueue(orderListFilterSchema.parse(query), { now, viewerId: staff1.id })).items.map(
      (item) => item.id,
    )

  expect(await ids({})).toEqual([A.id, B.id, C.id, D.id, G.id, E.id, F.id])
  expect(await ids({ status: "open" })).toEqual([A.id, B.id, C.id, D.id])
  expect(await ids({ overdue: "true" })).toEqual([A.id, B.id])
  expect(await ids({ overdue: "false" })).toEqual([C.id, D.id, G.id, E.id, F.id])
  expect(await ids({ assignee: "me" })).toEqual([B.id, E.id])
  expect(await ids({ status: "open", assignee: "me" })).toEqual([B.id])
  expect(await ids({ status: "open", assignee: "unassigned" })).toEqual([A.id, C.id])
  expect(await ids({ assignee: staff2.id })).toEqual([D.id])
  expect(await ids({ release: "due" })).toEqual([F.id])
  expect(await ids({ status: "FULFILLED" })).toEqual([E.id, F.id])
  expect(await ids({ status: "PENDING", overdue: "true" })).toEqual([A.id])

  // Seven orders, three a page: the second page spans the open/closed boundary.
  const page = (n: number) =>
    listOrderQueue(orderListFilterSchema.parse({ page: n, pageSize: 3 }), { now, viewerId: staff1.id })
  const [p1, p2, p3, p4] = [await page(1), await page(2), await page(3), await page(4)]
  expect(p1.items.map((i) => i.id)).toEqual([A.id, B.id, C.id])
  expect(p2.items.map((i) => i.id)).toEqual([D.id, G.id, E.id])
  expect(p3.items.map((i) => i.id)).toEqual([F.id])
  expect(p4.items).toEqual([])
  expect({ total: p2.total, page: p2.page, pageSize: p2.pageSize, pageCount: p2.pageCount }).toEqual({
    total: 7,
    page: 2,
    pageSize: 3,
    pageCount: 3,
  })

  const [a, b] = p1.items
  const customerA = await db.user.findUniqueOrThrow({ where: { id: A.userId } })
  expect(a).toMatchObject({
    customerEmail: customerA.email,
    planName: "Copilot Pro",
    status: "PENDING",
    assigneeEmail: null,
    overdue: true,
    releaseDue: false,
  })
  expect(a!.dueAt.toISOString()).toBe("2026-03-10T06:00:00.000Z") // paid 30 h before 12:00, due 24 h later
  expect(b).toMatchObject({ assigneeEmail: staff1.email, overdue: true })
  expect(p1.items[2]!.overdue).toBe(false)
  expect(p3.items[0]).toMatchObject({ releaseDue: true, overdue: false })

  const byCustomer = await ids({ customer: customerA.email.toUpperCase() })
  expect(byCustomer).toEqual([A.id])
})

test("GET /api/admin/orders answers the same page, and refuses bad filters with 422", async () => {
  const support = await signedInAs("SUPPORT")
  const response = await callRoute(queue, "GET", "/api/admin/orders?status=open&pageSize=2", { cookie: support.cookie })
  expect(response.status).toBe(200)
  const body = await response.json()
  expect(body).toMatchObject({ page: 1, pageSize: 2 })
  expect(body.items).toHaveLength(2)
  expect(body.items[0]).not.toHaveProperty("credentialsEnc")

  for (const query of ["status=SHIPPED", "overdue=yes", "pageSize=101", "page=0", "release=soon"]) {
    const refused = await callRoute(queue, "GET", `/api/admin/orders?${query}`, { cookie: support.cookie })
    expect(refused.status, query).toBe(422)
  }
  expect((await callRoute(queue, "GET", "/api/admin/orders")).status).toBe(401)
  expect(
    (await callRoute(queue, "GET", "/api/admin/orders", { cookie: (await signedInAs("SUBSCRIBER")).cookie })).status,
  ).toBe(403)
})

test("an order's detail has its timeline with actors, and never its credentials", async () => {
  const subscriber = await signedInAs("SUBSCRIBER")
  const support = await signedInAs("SUPPORT")
  const order = await createPaidOrder({ userId: subscriber.user.id })
  await callRoute(assign, "POST", `/api/admin/orders/${order.id}/assign`, {
    cookie: support.cookie,
    params: { id: order.id },
  })
  await callRoute(fulfil, "POST", `/api/admin/orders/${order.id}/fulfil`, {
    cookie: support.cookie,
    params: { id: order.id },
    body: { login: "detail-login-91", password: "detail-pass-37" },
  })
  await callRoute(reveal, "POST", `/api/account/orders/${order.id}/reveal`, {
    cookie: subscriber.cookie,
    params: { id: order.id },
  })

  const response = await callRoute(detail, "GET", `/api/admin/orders/${order.id}`, {
    cookie: support.cookie,
    params: { id: order.id },
  })
  expect(response.status).toBe(200)
  const text = await response.text()
  expect(text).not.toContain("detail-login-91")
  expect(text).not.toContain("detail-pass-37")
  expect(text).not.toContain("credentialsEnc")
  const body = JSON.parse(text)
  expect(body).toMatchObject({
    id: order.id,
    status: "FULFILLED",
    hasCredentials: true,
    customer: { email: subscriber.user.email },
    assigneeEmail: support.user.email,
  })
  expect(body.events.map((e: { type: string; actorEmail: string | null }) => [e.type, e.actorEmail])).toEqual([
    ["PAID", null],
    ["ASSIGNED", support.user.email],
    ["FULFILLED", support.user.email],
    ["CREDENTIALS_REVEALED", subscriber.user.email],
  ])
  expect(
    (await callRoute(detail, "GET", "/api/admin/orders/nope", { cookie: support.cookie, params: { id: "nope" } }))
      .status,
  ).toBe(404)
  expect(
    (
      await callRoute(detail, "GET", `/api/admin/orders/${order.id}`, {
        cookie: subscriber.cookie,
        params: { id: order.id },
      })
    ).status,
  ).toBe(403)
})

test("GET /api/account/orders lists only the caller's orders, with timelines and no credentials", async () => {
  const subscriber = await signedInAs("SUBSCRIBER")
  const support = await signedInAs("SUPPORT")
  const delivered = await createPaidOrder({ userId: subscriber.user.id, paidAt: hoursAgo(100) })
  await callRoute(fulfil, "POST", `/api/admin/orders/${delivered.id}/fulfil`, {
    cookie: support.cookie,
    params: { id: delivered.id },
    body: { login: "acct-login-55", password: "acct-pass-66" },
  })
  const waiting = await createPaidOrder({ userId: subscriber.user.id, paidAt: hoursAgo(1) })
  await createPaidOrder() // someone else's

  const response = await callRoute(accountOrders, "GET", "/api/account/orders", { cookie: subscriber.cookie })
  expect(response.status).toBe(200)
  expect(response.headers.get("cache-control")).toContain("no-store")
  const text = await response.text()
  expect(text).not.toContain("acct-pass-66")
  expect(text).not.toContain("acct-login-55")
  expect(text).not.toContain(support.user.email)
  const { items } = JSON.parse(text)
  expect(items.map((o: { id: string; status: string; canReveal: boolean }) => [o.id, o.status, o.canReveal])).toEqual([
    [waiting.id, "PENDING", false],
    [delivered.id, "FULFILLED", true],
  ])
  expect(items[1].events.map((e: { type: string }) => e.type)).toEqual(["PAID", "FULFILLED"])
  expect((await callRoute(accountOrders, "GET", "/api/account/orders")).status).toBe(401)
})
