import { expect, test } from "vitest"
import { POST } from "@/app/api/account/feedback/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"

const send = (cookie: string | undefined, body: unknown) =>
  callRoute(POST, "POST", "/api/account/feedback", { cookie, body })

test("a message with a CSAT rating and the page it came from; the rating is optional", async () => {
  const me = await signedInAs("SUBSCRIBER")
  const rated = await send(me.cookie, {
    rating: 4,
    message: "  The seat arrived in two hours.  ",
    page: "/account/orders?tab=1",
  })
  expect(rated.status).toBe(201)
  expect(await rated.json()).toMatchObject({ rating: 4 })
  expect((await send(me.cookie, { message: "No rating this time" })).status).toBe(201)
  const rows = await db.feedbackMessage.findMany({
    where: { userId: me.user.id },
    orderBy: { createdAt: "asc" },
    select: { rating: true, message: true, page: true },
  })
  // The query string of the page is cut off: it may carry tokens.
  expect(rows).toEqual([
    { rating: 4, message: "The seat arrived in two hours.", page: "/account/orders" },
    { rating: null, message: "No rating this time", page: null },
  ])
})

test("invalid messages are 422 and write nothing; anonymous callers 401", async () => {
  // Refused attempts count against the rate limit too, so each goes in as a new user.
  const users: string[] = []
  for (const body of [
    { message: "" },
    { message: "   " },
    { rating: 0, message: "hi" },
    { rating: 6, message: "hi" },
    { rating: 4.5, message: "hi" },
    { message: "x".repeat(2001) },
    { message: "hi", page: "https://evil.example/" },
    { message: "hi", page: "//evil.example" },
  ]) {
    const me = await signedInAs("SUBSCRIBER")
    users.push(me.user.id)
    expect((await send(me.cookie, body)).status, JSON.stringify(body).slice(0, 50)).toBe(422)
  }
  expect(await db.feedbackMessage.count({ where: { userId: { in: users } } })).toBe(0)
  expect((await send(undefined, { message: "hello" })).status).toBe(401)
})

test("rate limited: 5 messages per 10 minutes per user", async () => {
  const me = await signedInAs("SUBSCRIBER")
  for (let n = 1; n <= 5; n++) expect((await send(me.cookie, { message: `Message ${n}` })).status).toBe(201)
  const sixth = await send(me.cookie, { message: "Message 6" })
  expect(sixth.status).toBe(429)
  expect((await sixth.json()).error.code).toBe("rate_limited")
  expect(await db.feedbackMessage.count({ where: { userId: me.user.id } })).toBe(5)
  // Another user is not affected.
  const other = await signedInAs("SUBSCRIBER")
  expect((await send(other.cookie, { message: "Hello" })).status).toBe(201)
})
