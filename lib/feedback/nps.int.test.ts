import { expect, test } from "vitest"
import { GET, POST } from "@/app/api/account/nps/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { daysAgo, subscribeFor } from "./testing/fixtures"

const answer = (cookie: string, body: unknown) => callRoute(POST, "POST", "/api/account/nps", { cookie, body })
const state = async (cookie: string) => (await callRoute(GET, "GET", "/api/account/nps", { cookie })).json()
const rowsOf = (userId: string) =>
  db.npsResponse.findMany({ where: { userId }, select: { score: true, comment: true, dismissed: true } })

test("a subscriber of 31 days answers once; a second answer this quarter is 409 and writes nothing", async () => {
  const me = await signedInAs("SUBSCRIBER")
  await subscribeFor(me.user.id, 31)
  expect(await state(me.cookie)).toEqual({ eligible: true })

  const first = await answer(me.cookie, { score: 9, comment: "  Fast seat delivery  " })
  expect(first.status).toBe(201)
  expect(await first.json()).toMatchObject({ score: 9, dismissed: false })
  expect(await rowsOf(me.user.id)).toEqual([{ score: 9, comment: "Fast seat delivery", dismissed: false }])

  const again = await answer(me.cookie, { score: 3 })
  expect(again.status).toBe(409)
  expect((await again.json()).error).toMatchObject({ code: "conflict", details: { reason: "asked_recently" } })
  expect(await rowsOf(me.user.id)).toHaveLength(1)
  expect(await state(me.cookie)).toMatchObject({ eligible: false, reason: "asked_recently" })
})

test("a double click (two posts at once) stores one answer", async () => {
  const me = await signedInAs("SUBSCRIBER")
  await subscribeFor(me.user.id, 45)
  const responses = await Promise.all([
    answer(me.cookie, { score: 10 }),
    answer(me.cookie, { score: 10 }),
    answer(me.cookie, { dismissed: true }),
  ])
  expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409])
  expect(await db.npsResponse.count({ where: { userId: me.user.id } })).toBe(1)
})

test("the survey opens 30 days after the first subscription started", async () => {
  const young = await signedInAs("SUBSCRIBER")
  await subscribeFor(young.user.id, 29)
  expect(await state(young.cookie)).toMatchObject({ eligible: false, reason: "too_new" })
  const refused = await answer(young.cookie, { score: 8 })
  expect(refused.status).toBe(409)
  expect((await refused.json()).error.details.reason).toBe("too_new")

  // A new subscription 5 days old, but the first one started 60 days ago (and ended): the first counts.
  const returning = await signedInAs("SUBSCRIBER")
  await subscribeFor(returning.user.id, 60, "CANCELED")
  await subscribeFor(returning.user.id, 5)
  expect(await state(returning.cookie)).toEqual({ eligible: true })

  // Never subscribed, or no live subscription now: not asked.
  const visitor = await signedInAs("SUBSCRIBER")
  expect((await answer(visitor.cookie, { score: 8 })).status).toBe(409)
  const churned = await signedInAs("SUBSCRIBER")
  await subscribeFor(churned.user.id, 200, "CANCELED")
  expect(await state(churned.cookie)).toMatchObject({ eligible: false, reason: "not_subscribed" })
  expect(
    await db.npsResponse.count({ where: { userId: { in: [young.user.id, visitor.user.id, churned.user.id] } } }),
  ).toBe(0)
})

test("a dismissal is recorded as a row and keeps the survey away for 90 days; after 90 days it comes back", async () => {
  const me = await signedInAs("SUBSCRIBER")
  await subscribeFor(me.user.id, 300)
  const dismissed = await answer(me.cookie, { dismissed: true })
  expect(dismissed.status).toBe(201)
  expect(await rowsOf(me.user.id)).toEqual([{ score: null, comment: null, dismissed: true }])
  expect((await answer(me.cookie, { score: 7 })).status).toBe(409)

  // Move that dismissal 89 days back: still quiet. 91 days back: asked again.
  await db.npsResponse.updateMany({ where: { userId: me.user.id }, data: { createdAt: daysAgo(89) } })
  expect(await state(me.cookie)).toMatchObject({ eligible: false, reason: "asked_recently" })
  await db.npsResponse.updateMany({ where: { userId: me.user.id }, data: { createdAt: daysAgo(91) } })
  expect(await state(me.cookie)).toEqual({ eligible: true })
  expect((await answer(me.cookie, { score: 7 })).status).toBe(201)
  expect(await db.npsResponse.count({ where: { userId: me.user.id } })).toBe(2)
})

test("invalid answers are 422 (or 400 for broken JSON) and write nothing", async () => {
  const me = await signedInAs("SUBSCRIBER")
  await subscribeFor(me.user.id, 40)
  for (const body of [
    { score: 11 },
    { score: -1 },
    { score: 7.5 },
    { score: "9" },
    {},
    { dismissed: false },
    { score: 5, comment: "x".repeat(1001) },
  ]) {
    const response = await answer(me.cookie, body)
    expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(422)
    expect((await response.json()).error.code).toBe("unprocessable_entity")
  }
  const broken = await callRoute(POST, "POST", "/api/account/nps", {
    cookie: me.cookie,
    rawBody: "{score: 9",
    headers: { "content-type": "application/json" },
  })
  expect(broken.status).toBe(400)
  expect(await db.npsResponse.count({ where: { userId: me.user.id } })).toBe(0)
  // Still eligible: the refusals did not use up the quarter.
  expect(await state(me.cookie)).toEqual({ eligible: true })
})

test("refuses anonymous callers", async () => {
  expect((await callRoute(POST, "POST", "/api/account/nps", { body: { score: 9 } })).status).toBe(401)
  expect((await callRoute(GET, "GET", "/api/account/nps")).status).toBe(401)
})
