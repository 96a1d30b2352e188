import { expect, test } from "vitest"
import { POST as assignOne } from "@/app/api/admin/orders/[id]/assign/route"
import { POST as assignMany } from "@/app/api/admin/orders/assign/route"
import { db } from "@/lib/db"
import { createTestUser, signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { createPaidOrder, timelineOf } from "./testing/fixtures"

const assign = (id: string, cookie: string, body?: unknown) =>
  callRoute(assignOne, "POST", `/api/admin/orders/${id}/assign`, { cookie, params: { id }, body })

test("support assigns an open order to themselves: in progress, timeline and audit entry", async () => {
  const support = await signedInAs("SUPPORT")
  const order = await createPaidOrder()
  const response = await assign(order.id, support.cookie)
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ count: 1 })

  const row = await db.order.findUniqueOrThrow({ where: { id: order.id } })
  expect(row).toMatchObject({ status: "IN_PROGRESS", assigneeId: support.user.id })
  expect(row.assignedAt).not.toBeNull()
  expect(await timelineOf(order.id)).toEqual([
    { type: "PAID", actorId: null, note: null },
    { type: "ASSIGNED", actorId: support.user.id, note: null },
  ])
  const audit = await db.auditLog.findMany({
    where: { targetId: order.id },
    select: { action: true, actorEmail: true, metadata: true },
  })
  expect(audit).toEqual([
    {
      action: "order.assigned",
      actorEmail: support.user.email,
      metadata: { assigneeId: support.user.id, assigneeEmail: support.user.email, previousAssigneeId: null },
    },
  ])
  // The handler writes the specific entry; the wrapper's generic one is not added.
  expect(await db.auditLog.count({ where: { actorId: support.user.id, action: "staff.write" } })).toBe(0)

  // Again: already theirs, nothing changes.
  expect(await (await assign(order.id, support.cookie)).json()).toEqual({ count: 1 - 1 })
  expect(await timelineOf(order.id)).toHaveLength(2)
})

test("an admin hands an order to an engineer; the timeline names who assigned it and to whom", async () => {
  const admin = await signedInAs("ADMIN")
  const engineer = await createTestUser("ENGINEER")
  const order = await createPaidOrder()
  expect((await assign(order.id, admin.cookie, { assigneeId: engineer.id })).status).toBe(200)
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).assigneeId).toBe(engineer.id)
  expect((await timelineOf(order.id)).at(-1)).toEqual({
    type: "ASSIGNED",
    actorId: admin.user.id,
    note: `to ${engineer.email}`,
  })
})

test("single assign refuses closed and unknown orders, and assignees who are not staff, writing nothing", async () => {
  const support = await signedInAs("SUPPORT")
  const subscriber = await createTestUser()
  const fulfilled = await createPaidOrder({ status: "FULFILLED" })
  const canceled = await createPaidOrder({ status: "CANCELED" })
  const open = await createPaidOrder()

  for (const closed of [fulfilled, canceled]) {
    const response = await assign(closed.id, support.cookie)
    expect(response.status).toBe(409)
    expect((await response.json()).error.code).toBe("conflict")
  }
  expect((await assign("no-such-order", support.cookie)).status).toBe(404)

  const toSubscriber = await assign(open.id, support.cookie, { assigneeId: subscriber.id })
  expect(toSubscriber.status).toBe(422)
  expect((await toSubscriber.json()).error.details).toEqual([{ path: "assigneeId", message: "choose a staff member" }])
  expect((await assign(open.id, support.cookie, { assigneeId: "nobody" })).status).toBe(422)
  expect((await assign(open.id, support.cookie, { assigneeId: 42 })).status).toBe(422)

  const ids = [fulfilled.id, canceled.id, open.id]
  expect(await db.orderEvent.count({ where: { orderId: { in: ids }, type: "ASSIGNED" } })).toBe(0)
  expect(await db.auditLog.count({ where: { targetId: { in: ids } } })).toBe(0)
  expect((await db.order.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("PENDING")
})

test("bulk assign moves the open orders, skips closed and unknown ones, in one go", async () => {
  const support = await signedInAs("SUPPORT")
  const [a, b, closed] = [
    await createPaidOrder(),
    await createPaidOrder(),
    await createPaidOrder({ status: "REFUNDED" }),
  ]
  const response = await callRoute(assignMany, "POST", "/api/admin/orders/assign", {
    cookie: support.cookie,
    body: { orderIds: [a.id, b.id, closed.id, "missing", a.id] },
  })
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ count: 2 })
  const rows = await db.order.findMany({
    where: { id: { in: [a.id, b.id, closed.id] } },
    select: { id: true, status: true, assigneeId: true },
  })
  expect(rows.sort((x, y) => [a.id, b.id, closed.id].indexOf(x.id) - [a.id, b.id, closed.id].indexOf(y.id))).toEqual([
    { id: a.id, status: "IN_PROGRESS", assigneeId: support.user.id },
    { id: b.id, status: "IN_PROGRESS", assigneeId: support.user.id },
    { id: closed.id, status: "REFUNDED", assigneeId: null },
  ])
  expect(await db.auditLog.count({ where: { action: "order.assigned", actorId: support.user.id } })).toBe(2)
})

test("bulk assign refuses bad input with the failing fields, writing nothing", async () => {
  const support = await signedInAs("SUPPORT")
  const order = await createPaidOrder()
  const call = (body: unknown) =>
    callRoute(assignMany, "POST", "/api/admin/orders/assign", { cookie: support.cookie, body })
  const empty = await call({ orderIds: [] })
  expect(empty.status).toBe(422)
  expect((await empty.json()).error.details.map((d: { path: string }) => d.path)).toEqual(["orderIds"])
  expect((await call({ orderIds: Array.from({ length: 101 }, (_, i) => `o${i}`) })).status).toBe(422)
  expect((await call({})).status).toBe(422)
  expect((await call({ orderIds: [order.id], assigneeId: (await createTestUser()).id })).status).toBe(422)
  expect(await timelineOf(order.id)).toEqual([{ type: "PAID", actorId: null, note: null }])
  expect(await db.auditLog.count({ where: { actorId: support.user.id } })).toBe(0)
})

test("only signed-in staff may assign", async () => {
  const subscriber = await signedInAs("SUBSCRIBER")
  const order = await createPaidOrder({ userId: subscriber.user.id })
  expect(
    (await callRoute(assignOne, "POST", `/api/admin/orders/${order.id}/assign`, { params: { id: order.id } })).status,
  ).toBe(401)
  expect((await assign(order.id, subscriber.cookie)).status).toBe(403)
  expect(
    (
      await callRoute(assignMany, "POST", "/api/admin/orders/assign", {
        cookie: subscriber.cookie,
        body: { orderIds: [order.id] },
      })
    ).status,
  ).toBe(403)
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING")
})
