import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { GET, PATCH } from "./route"

const nameOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { name: true } })).name

test("refuses anonymous callers", async () => {
  expect((await callRoute(GET, "GET", "/api/account/profile")).status).toBe(401)
  expect((await callRoute(PATCH, "PATCH", "/api/account/profile", { body: { name: "Ada" } })).status).toBe(401)
})

test("PATCH changes the display name", async () => {
  const { user, cookie } = await signedInAs("SUBSCRIBER")
  const response = await callRoute(PATCH, "PATCH", "/api/account/profile", { cookie, body: { name: "  Zoë 😀  " } })
  expect(response.status).toBe(200)
  expect(await response.json()).toMatchObject({ email: user.email, name: "Zoë 😀" })
})

test("regression: a NUL character in the name is 422 naming the field, not a 500, and the name is unchanged", async () => {
  const { user, cookie } = await signedInAs("SUBSCRIBER")
  await callRoute(PATCH, "PATCH", "/api/account/profile", { cookie, body: { name: "Ada" } })
  const response = await callRoute(PATCH, "PATCH", "/api/account/profile", {
    cookie,
    rawBody: '{"name":"\\u0000"}',
    headers: { "content-type": "application/json" },
  })
  expect(response.status).toBe(422)
  expect(await response.json()).toEqual({
    error: {
      code: "unprocessable_entity",
      message: "some fields hold characters that cannot be stored",
      details: [{ path: "name", message: "contains a NUL character (U+0000)" }],
    },
  })
  expect(await nameOf(user.id)).toBe("Ada")
})

test("regression: a lone surrogate in the name is 422 naming the field", async () => {
  const { user, cookie } = await signedInAs("SUBSCRIBER")
  const response = await callRoute(PATCH, "PATCH", "/api/account/profile", {
    cookie,
    rawBody: '{"name":"Ada \\udc00"}',
    headers: { "content-type": "application/json" },
  })
  expect(response.status).toBe(422)
  expect((await response.json()).error.details).toEqual([
    { path: "name", message: "contains a lone UTF-16 surrogate (half of a character)" },
  ])
  expect(await nameOf(user.id)).toBeNull()
})
