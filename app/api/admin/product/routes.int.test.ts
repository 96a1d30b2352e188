import { expect, test } from "vitest"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { GET as geography } from "./geography/route"
import { GET as traffic } from "./traffic/route"
import { GET as usage } from "./usage/route"
import { GET as webVitals } from "./web-vitals/route"

const routes = { usage, traffic, geography, "web-vitals": webVitals }

test("admins get each report for the range asked", async () => {
  const admin = await signedInAs("ADMIN")
  for (const [name, handler] of Object.entries(routes)) {
    const response = await callRoute(handler, "GET", `/api/admin/product/${name}?from=2026-01-05&to=2026-01-11`, {
      cookie: admin.cookie,
    })
    expect(response.status, name).toBe(200)
    const body = await response.json()
    expect(body.range, name).toMatchObject({ firstDay: "2026-01-05", lastDay: "2026-01-11", days: 7 })
    expect(body.report, name).toBeTypeOf("object")
  }
})

test("a half or backwards range is 422 in the shared error shape", async () => {
  const owner = await signedInAs("OWNER")
  for (const [name, handler] of Object.entries(routes)) {
    const response = await callRoute(handler, "GET", `/api/admin/product/${name}?from=2026-02-01&to=2026-01-01`, {
      cookie: owner.cookie,
    })
    expect(response.status, name).toBe(422)
    expect((await response.json()).error, name).toMatchObject({ code: expect.any(String), message: expect.any(String) })
  }
})

test("support staff and subscribers are refused", async () => {
  const support = await signedInAs("SUPPORT")
  const subscriber = await signedInAs("SUBSCRIBER")
  for (const [name, handler] of Object.entries(routes)) {
    expect(
      (await callRoute(handler, "GET", `/api/admin/product/${name}`, { cookie: support.cookie })).status,
      name,
    ).toBe(403)
    expect(
      (await callRoute(handler, "GET", `/api/admin/product/${name}`, { cookie: subscriber.cookie })).status,
      name,
    ).toBe(403)
    expect((await callRoute(handler, "GET", `/api/admin/product/${name}`)).status, name).toBe(401)
  }
})
