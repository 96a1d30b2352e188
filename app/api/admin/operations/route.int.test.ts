import { beforeEach, expect, test } from "vitest"
import { db } from "@/lib/db"
import { forgetRecentRefusals } from "@/lib/security/refusals"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { GET } from "./route"

beforeEach(() => forgetRecentRefusals())

test("engineers get every section of the dashboard for the range asked", async () => {
  const engineer = await signedInAs("ENGINEER")
  const response = await callRoute(GET, "GET", "/api/admin/operations?range=1h&sort=busiest", {
    cookie: engineer.cookie,
  })
  expect(response.status).toBe(200)
  const body = await response.json()
  expect(body.range.preset).toBe("1h")
  expect(Date.parse(body.range.to) - Date.parse(body.range.from)).toBe(3_600_000)
  for (const section of ["requests", "uptime", "resources", "jobs", "errors", "business", "security"])
    expect(body[section], section).toMatchObject({ ok: true })
  expect(body.requests.data).toMatchObject({ sort: "busiest", routes: [] })
  expect(body.requests.data.points.length).toBeGreaterThanOrEqual(60) // a point a minute; 61 when the hour is not minute-aligned
  expect(body.requests.data.points.length).toBeLessThanOrEqual(61)
  expect(body.webVitals).toEqual({ ok: true, data: [] })
})

test("an unknown range is 422", async () => {
  const admin = await signedInAs("ADMIN")
  const response = await callRoute(GET, "GET", "/api/admin/operations?range=2y", { cookie: admin.cookie })
  expect(response.status).toBe(422)
})

test("support staff are refused, and the refusal is a security event once a minute", async () => {
  const support = await signedInAs("SUPPORT")
  expect((await callRoute(GET, "GET", "/api/admin/operations", { cookie: support.cookie })).status).toBe(403)
  expect((await callRoute(GET, "GET", "/api/admin/operations", { cookie: support.cookie })).status).toBe(403)
  const events = await db.securityEvent.findMany({ where: { kind: "admin.refused" }, select: { detail: true } })
  expect(events).toEqual([
    { detail: { userId: support.user.id, role: "SUPPORT", path: "/api/admin/operations", method: "GET", via: "api" } },
  ])
})
