import { expect, test } from "vitest"
import { POST as fulfil } from "@/app/api/admin/orders/[id]/fulfil/route"
import { POST as release } from "@/app/api/admin/orders/[id]/release/route"
import { GET as queue } from "@/app/api/admin/orders/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { createPaidOrder, timelineOf } from "./testing/fixtures"

const releaseAs = (id: string, cookie: string) =>
  callRoute(release, "POST", `/api/admin/orders/${id}/release`, { cookie, params: { id } })

test("a churned seat shows as release due; marking it released wipes the credentials and closes the task", async () => {
  const support = await signedInAs("SUPPORT")
  const order = await createPaidOrder()
  await callRoute(fulfil, "POST", `/api/admin/orders/${order.id}/fulfil`, {
    cookie: support.cookie,
    params: { id: order.id },
    body: { login: "l", password: "p" },
  })
  // Not due yet: nothing to release.
  expect((await releaseAs(order.id, support.cookie)).status).toBe(409)

  // The subscription churned (billing asks for the seat back: seat-orders.ts).
  const churnedAt = new Date()
  await db.order.update({
    where: { id: order.id },
    data: { releaseDueAt: churnedAt, events: { create: { type: "RELEASE_REQUESTED", at: churnedAt } } },
  })
  const dueIds = async () =>
    (
      await (await callRoute(queue, "GET", "/api/admin/orders?release=due", { cookie: support.cookie })).json()
    ).items.map((i: { id: string }) => i.id)
  expect(await dueIds()).toEqual([order.id])

  const response = await releaseAs(order.id, support.cookie)
  expect(response.status).toBe(200)
  const row = await db.order.findUniqueOrThrow({ where: { id: order.id } })
  expect(row.credentialsEnc).toBeNull()
  expect(row.releasedAt).not.toBeNull()
  expect(row.status).toBe("FULFILLED")
  expect((await timelineOf(order.id)).map((e) => [e.type, e.actorId])).toEqual([
    ["PAID", null],
    ["FULFILLED", support.user.id],
    ["RELEASE_REQUESTED", null],
    ["RELEASED", support.user.id],
  ])
  expect(
    await db.auditLog.count({ where: { targetId: order.id, action: "order.released", actorId: support.user.id } }),
  ).toBe(1)
  expect(await dueIds()).toEqual([])

  // Once only.
  expect((await releaseAs(order.id, support.cookie)).status).toBe(409)
  expect((await releaseAs("nope", support.cookie)).status).toBe(404)
})

test("only signed-in staff may release a seat", async () => {
  const subscriber = await signedInAs("SUBSCRIBER")
  const order = await createPaidOrder({ userId: subscriber.user.id, status: "FULFILLED" })
  const churnedAt = new Date()
  await db.order.update({
    where: { id: order.id },
    data: { releaseDueAt: churnedAt, events: { create: { type: "RELEASE_REQUESTED", at: churnedAt } } },
  })
  expect(
    (await callRoute(release, "POST", `/api/admin/orders/${order.id}/release`, { params: { id: order.id } })).status,
  ).toBe(401)
  expect((await releaseAs(order.id, subscriber.cookie)).status).toBe(403)
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).releasedAt).toBeNull()
})
