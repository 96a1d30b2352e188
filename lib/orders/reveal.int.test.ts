import { expect, test } from "vitest"
import { POST as fulfil } from "@/app/api/admin/orders/[id]/fulfil/route"
import { POST as reveal } from "@/app/api/account/orders/[id]/reveal/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { createPaidOrder, timelineOf } from "./testing/fixtures"

const seat = { login: "seat-5d2c@copilot.example", password: "r3veal-Me-8b4f", notes: "Region: EU" }

async function deliveredOrderFor(userId: string) {
  const support = await signedInAs("SUPPORT")
  const order = await createPaidOrder({ userId })
  const response = await callRoute(fulfil, "POST", `/api/admin/orders/${order.id}/fulfil`, {
    cookie: support.cookie,
    params: { id: order.id },
    body: seat,
  })
  expect(response.status).toBe(200)
  return order
}

const revealAs = (id: string, cookie?: string) =>
  callRoute(reveal, "POST", `/api/account/orders/${id}/reveal`, { cookie, params: { id } })

test("the subscriber reveals their own seat: never cached, a timeline entry and an audit entry each time", async () => {
  const subscriber = await signedInAs("SUBSCRIBER")
  const order = await deliveredOrderFor(subscriber.user.id)
  for (let i = 0; i < 2; i += 1) {
    const response = await revealAs(order.id, subscriber.cookie)
    expect(response.status).toBe(200)
    expect(response.headers.get("cache-control")).toBe("no-store")
    expect(await response.json()).toEqual(seat)
  }
  expect((await timelineOf(order.id)).map((e) => [e.type, e.actorId])).toEqual([
    ["PAID", null],
    ["FULFILLED", expect.any(String)],
    ["CREDENTIALS_REVEALED", subscriber.user.id],
    ["CREDENTIALS_REVEALED", subscriber.user.id],
  ])
  const audit = await db.auditLog.findMany({
    where: { targetId: order.id, action: "order.credentials_revealed" },
    select: { actorId: true, actorEmail: true, metadata: true },
  })
  expect(audit).toEqual([
    { actorId: subscriber.user.id, actorEmail: subscriber.user.email, metadata: null },
    { actorId: subscriber.user.id, actorEmail: subscriber.user.email, metadata: null },
  ])
  expect(JSON.stringify(await db.auditLog.findMany())).not.toContain(seat.password)
})

test("someone else's order answers 404 like a missing one, for subscribers and staff alike", async () => {
  const owner = await signedInAs("SUBSCRIBER")
  const order = await deliveredOrderFor(owner.user.id)
  const other = await signedInAs("SUBSCRIBER")
  const admin = await signedInAs("ADMIN")
  for (const cookie of [other.cookie, admin.cookie]) {
    const response = await revealAs(order.id, cookie)
    expect(response.status).toBe(404)
    const text = await response.text()
    expect(text).not.toContain(seat.login)
    expect(JSON.parse(text)).toEqual(await (await revealAs("missing-order", cookie)).json())
  }
  expect((await revealAs(order.id)).status).toBe(401)
  expect((await timelineOf(order.id)).filter((e) => e.type === "CREDENTIALS_REVEALED")).toHaveLength(0)
  expect(await db.auditLog.count({ where: { targetId: order.id, action: "order.credentials_revealed" } })).toBe(0)
})

test("there is nothing to reveal before delivery or after the seat was released or refunded", async () => {
  const subscriber = await signedInAs("SUBSCRIBER")
  const pending = await createPaidOrder({ userId: subscriber.user.id })
  expect((await revealAs(pending.id, subscriber.cookie)).status).toBe(409)
  const released = await deliveredOrderFor(subscriber.user.id)
  await db.order.update({ where: { id: released.id }, data: { releaseDueAt: new Date(), releasedAt: new Date() } })
  expect((await revealAs(released.id, subscriber.cookie)).status).toBe(409)
  const refunded = await deliveredOrderFor(subscriber.user.id)
  await db.order.update({ where: { id: refunded.id }, data: { status: "REFUNDED", refundedAt: new Date() } })
  expect((await revealAs(refunded.id, subscriber.cookie)).status).toBe(409)
})

test("the eleventh reveal within the hour is refused with 429 and writes nothing", async () => {
  const subscriber = await signedInAs("SUBSCRIBER")
  const order = await deliveredOrderFor(subscriber.user.id)
  for (let i = 1; i <= 10; i += 1) expect((await revealAs(order.id, subscriber.cookie)).status, `reveal ${i}`).toBe(200)
  const refused = await revealAs(order.id, subscriber.cookie)
  expect(refused.status).toBe(429)
  expect((await refused.json()).error.code).toBe("rate_limited")
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3500) // the window is an hour
  expect(await db.auditLog.count({ where: { targetId: order.id, action: "order.credentials_revealed" } })).toBe(10)
  expect((await timelineOf(order.id)).filter((e) => e.type === "CREDENTIALS_REVEALED")).toHaveLength(10)
})
