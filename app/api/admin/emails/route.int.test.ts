import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { GET } from "./route"

async function message(
  key: string,
  data: { to: string; template: string; status: "QUEUED" | "SENT" | "OUTBOX" | "FAILED"; createdAt: Date },
) {
  await db.emailMessage.create({
    data: { ...data, subject: `About ${key}`, html: "<p>secret body</p>", text: "secret body", idempotencyKey: key },
  })
}

test("refuses anonymous callers and subscribers", async () => {
  const subscriber = await signedInAs("SUBSCRIBER")
  expect((await callRoute(GET, "GET", "/api/admin/emails")).status).toBe(401)
  expect((await callRoute(GET, "GET", "/api/admin/emails", { cookie: subscriber.cookie })).status).toBe(403)
})

test("staff list every message newest first, filtered by status, template and recipient, without bodies", async () => {
  const support = await signedInAs("SUPPORT")
  await message("a", {
    to: "ada@test.example",
    template: "welcome",
    status: "OUTBOX",
    createdAt: new Date("2026-03-01T10:00:00Z"),
  })
  await message("b", {
    to: "bob@test.example",
    template: "seat-ready",
    status: "FAILED",
    createdAt: new Date("2026-03-01T11:00:00Z"),
  })
  await message("c", {
    to: "ADA@test.example",
    template: "seat-ready",
    status: "SENT",
    createdAt: new Date("2026-03-01T12:00:00Z"),
  })
  const list = async (query: string) => {
    const response = await callRoute(GET, "GET", `/api/admin/emails${query}`, { cookie: support.cookie })
    expect(response.status).toBe(200)
    return response.json()
  }

  const all = await list("")
  expect(all).toMatchObject({ total: 3, page: 1, pageSize: 50, pageCount: 1 })
  expect(all.items.map((i: { subject: string }) => i.subject)).toEqual(["About c", "About b", "About a"])
  expect(all.items[0]).toMatchObject({
    to: "ADA@test.example",
    template: "seat-ready",
    status: "SENT",
    attempts: 0,
    nextAttemptAt: null,
    deliveryStatus: null,
    createdAt: "2026-03-01T12:00:00.000Z",
  })
  expect(JSON.stringify(all)).not.toContain("secret body")

  expect((await list("?status=FAILED")).items.map((i: { subject: string }) => i.subject)).toEqual(["About b"])
  expect((await list("?template=seat-ready&to=ada")).items.map((i: { subject: string }) => i.subject)).toEqual([
    "About c",
  ])
  expect((await list("?to=ada")).total).toBe(2)
  expect(await list("?pageSize=1&page=2")).toMatchObject({
    total: 3,
    page: 2,
    pageCount: 3,
    items: [{ subject: "About b" }],
  })

  const invalid = await callRoute(GET, "GET", "/api/admin/emails?status=LOST&template=nope", { cookie: support.cookie })
  expect(invalid.status).toBe(422)
  expect((await invalid.json()).error.details.map((d: { path: string }) => d.path).sort()).toEqual([
    "status",
    "template",
  ])
})
