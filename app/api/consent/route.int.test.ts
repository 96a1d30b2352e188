import { expect, test } from "vitest"
import { POST as eventsPost } from "@/app/api/events/route"
import { db } from "@/lib/db"
import { callRoute } from "@/lib/testing/http"
import { POST } from "./route"

const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"

test("granted sets acv_consent (readable) and a random HttpOnly acv_vid for a year; events then carry that id", async () => {
  const response = await callRoute(POST, "POST", "/api/consent", { body: { choice: "granted" } })
  expect(response.status).toBe(200)
  const cookies = response.headers.getSetCookie()
  expect(cookies).toHaveLength(2)
  expect(cookies[0]).toBe("acv_consent=granted; Path=/; Max-Age=31536000; SameSite=Lax")
  expect(cookies[1]).toMatch(/^acv_vid=[A-Za-z0-9_-]{22}; Path=\/; Max-Age=31536000; SameSite=Lax; HttpOnly$/)
  const id = cookies[1]!.split(";")[0]!.split("=")[1]!

  const cookie = `acv_consent=granted; acv_vid=${id}`
  await callRoute(eventsPost, "POST", "/api/events", {
    cookie,
    headers: { "user-agent": CHROME },
    body: { events: [{ name: "page_view", path: `/consent/${id}` }] },
  })
  expect(
    await db.analyticsEvent.findFirst({
      where: { path: `/consent/${id}` },
      select: { visitorId: true, consented: true },
    }),
  ).toEqual({ visitorId: id, consented: true })

  // Granting again keeps the id the browser already has.
  const again = await callRoute(POST, "POST", "/api/consent", { cookie, body: { choice: "granted" } })
  expect(again.headers.getSetCookie()[1]).toContain(`acv_vid=${id};`)
})

test("denied clears both cookies and sets none", async () => {
  const response = await callRoute(POST, "POST", "/api/consent", {
    cookie: "acv_consent=granted; acv_vid=AbCdEfGhIjKlMnOpQrStUv",
    body: { choice: "denied" },
  })
  expect(response.status).toBe(200)
  expect(response.headers.getSetCookie()).toEqual([
    "acv_consent=; Path=/; Max-Age=0; SameSite=Lax",
    "acv_vid=; Path=/; Max-Age=0; SameSite=Lax",
  ])
})

test("anything but granted or denied is 422", async () => {
  expect((await callRoute(POST, "POST", "/api/consent", { body: { choice: "maybe" } })).status).toBe(422)
})
