import { afterEach, expect, test, vi } from "vitest"
import { POST as assignOne } from "@/app/api/admin/orders/[id]/assign/route"
import { POST as fulfil } from "@/app/api/admin/orders/[id]/fulfil/route"
import { db } from "@/lib/db"
import { messageText } from "@/lib/email/plain-text"
import { decryptSecret } from "@/lib/security/crypto"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { createPaidOrder, timelineOf } from "./testing/fixtures"

const seat = { login: "seat-login-7f3a@copilot.example", password: "Pa55-word-9c1e!", notes: "Use the EU region" }
const fulfilAs = (cookie: string, id: string, body: unknown) =>
  callRoute(fulfil, "POST", `/api/admin/orders/${id}/fulfil`, { cookie, params: { id }, body })

afterEach(() => vi.restoreAllMocks())

test("fulfilling stores the credentials encrypted under CREDENTIALS_KEY and closes the order", async () => {
  const console_ = (["log", "info", "warn", "error", "debug"] as const).map((method) => vi.spyOn(console, method))
  const support = await signedInAs("SUPPORT")
  const order = await createPaidOrder()
  await callRoute(assignOne, "POST", `/api/admin/orders/${order.id}/assign`, {
    cookie: support.cookie,
    params: { id: order.id },
  })

  const response = await fulfilAs(support.cookie, order.id, seat)
  expect(response.status).toBe(200)
  const text = await response.text()
  expect(text).not.toContain(seat.password)
  expect(text).not.toContain(seat.login)
  expect(JSON.parse(text)).toMatchObject({
    id: order.id,
    status: "FULFILLED",
    assigneeId: support.user.id,
    planName: "Copilot Pro",
  })

  const row = await db.order.findUniqueOrThrow({ where: { id: order.id } })
  expect(row.status).toBe("FULFILLED")
  expect(row.fulfilledAt).not.toBeNull()
  expect(row.credentialsEnc).toMatch(/^v1\./)
  expect(row.credentialsEnc).not.toContain(seat.login)
  expect(row.credentialsEnc).not.toContain(seat.password)
  expect(JSON.parse(decryptSecret(row.credentialsEnc!, process.env.CREDENTIALS_KEY!))).toEqual(seat)
  // Not under the other key: seat credentials and TOTP secrets are sealed separately.
  expect(() => decryptSecret(row.credentialsEnc!, process.env.ENCRYPTION_KEY!)).toThrow()

  expect((await timelineOf(order.id)).map((e) => [e.type, e.actorId])).toEqual([
    ["PAID", null],
    ["ASSIGNED", support.user.id],
    ["FULFILLED", support.user.id],
  ])
  const audit = await db.auditLog.findMany({
    where: { targetId: order.id },
    orderBy: { createdAt: "asc" },
    select: { action: true, metadata: true },
  })
  expect(audit.map((entry) => entry.action)).toEqual(["order.assigned", "order.fulfilled"])
  expect(audit[1]!.metadata).toEqual({ customerId: order.userId, assigneeId: support.user.id })
  const written = JSON.stringify(await db.auditLog.findMany())
  expect(written).not.toContain(seat.password)
  expect(written).not.toContain(seat.login)
  for (const spy of console_)
    for (const call of spy.mock.calls) expect(JSON.stringify(call)).not.toContain(seat.password)

  // The subscriber is told the seat is ready, once, and the email carries no credentials.
  const customer = await db.user.findUniqueOrThrow({ where: { id: order.userId } })
  const emails = await db.emailMessage.findMany({ where: { to: customer.email, template: "seat-ready" } })
  expect(emails).toHaveLength(1)
  expect(emails[0]!.idempotencyKey).toBe(`seat-ready/${order.id}`)
  for (const body of [emails[0]!.html, messageText(emails[0]!)]) {
    expect(body).not.toContain(seat.password)
    expect(body).not.toContain(seat.login)
  }
})

test("fulfilling an unassigned order makes the fulfiller its assignee; a closed order is refused", async () => {
  const engineer = await signedInAs("ENGINEER")
  const order = await createPaidOrder()
  expect((await fulfilAs(engineer.cookie, order.id, { login: "a", password: "b" })).status).toBe(200)
  const row = await db.order.findUniqueOrThrow({ where: { id: order.id } })
  expect(row.assigneeId).toBe(engineer.user.id)
  expect(row.assignedAt?.toISOString()).toBe(row.fulfilledAt?.toISOString())
  expect(JSON.parse(decryptSecret(row.credentialsEnc!, process.env.CREDENTIALS_KEY!))).toEqual({
    login: "a",
    password: "b",
    notes: null,
  })
  expect((await timelineOf(order.id)).map((e) => e.type)).toEqual(["PAID", "FULFILLED"])

  const again = await fulfilAs(engineer.cookie, order.id, { login: "other", password: "other" })
  expect(again.status).toBe(409)
  const canceled = await createPaidOrder({ status: "CANCELED" })
  expect((await fulfilAs(engineer.cookie, canceled.id, seat)).status).toBe(409)
  // The first credentials stand.
  expect(
    JSON.parse(
      decryptSecret(
        (await db.order.findUniqueOrThrow({ where: { id: order.id } })).credentialsEnc!,
        process.env.CREDENTIALS_KEY!,
      ),
    ).login,
  ).toBe("a")
  expect((await db.order.findUniqueOrThrow({ where: { id: canceled.id } })).credentialsEnc).toBeNull()
})

test("bad input is refused with the failing fields and nothing is written; an unknown order is 404", async () => {
  const support = await signedInAs("SUPPORT")
  const order = await createPaidOrder()
  const response = await fulfilAs(support.cookie, order.id, { login: "  ", password: "", notes: "x".repeat(2001) })
  expect(response.status).toBe(422)
  const body = await response.json()
  expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["login", "notes", "password"])
  expect((await fulfilAs(support.cookie, order.id, { login: "x".repeat(201), password: "p" })).status).toBe(422)
  expect((await fulfilAs(support.cookie, order.id, { login: "l", password: "x".repeat(201) })).status).toBe(422)
  expect((await fulfilAs(support.cookie, "nope", seat)).status).toBe(404)

  const row = await db.order.findUniqueOrThrow({ where: { id: order.id } })
  expect(row).toMatchObject({ status: "PENDING", credentialsEnc: null, fulfilledAt: null })
  expect(await timelineOf(order.id)).toHaveLength(1)
  expect(await db.auditLog.count({ where: { actorId: support.user.id } })).toBe(0)
})

test("only signed-in staff may fulfil", async () => {
  const subscriber = await signedInAs("SUBSCRIBER")
  const order = await createPaidOrder({ userId: subscriber.user.id })
  expect(
    (await callRoute(fulfil, "POST", `/api/admin/orders/${order.id}/fulfil`, { params: { id: order.id }, body: seat }))
      .status,
  ).toBe(401)
  expect((await fulfilAs(subscriber.cookie, order.id, seat)).status).toBe(403)
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).credentialsEnc).toBeNull()
})
