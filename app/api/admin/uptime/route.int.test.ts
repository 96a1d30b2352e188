import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { GET } from "./route"

test("engineers see each component's status, uptime windows and latency", async () => {
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000)
  await db.probeResult.createMany({
    data: [
      { component: "app", minute, up: true, latencyMs: 25, detail: "HTTP 200, ready" },
      {
        component: "app",
        minute: new Date(minute.getTime() - 60_000),
        up: false,
        latencyMs: 10_000,
        detail: "timed out after 10 s",
      },
    ],
  })
  const owner = await signedInAs("OWNER")
  const response = await callRoute(GET, "GET", "/api/admin/uptime?range=1h", { cookie: owner.cookie })
  expect(response.status).toBe(200)
  const body = await response.json()
  const app = body.components.find((c: { component: string }) => c.component === "app")
  expect(app).toMatchObject({ state: "up", latencyMs: 25, uptime: { "24h": { up: 1, observed: 2, ratio: 0.5 } } })
  expect(body.components.find((c: { component: string }) => c.component === "polar")).toMatchObject({
    state: "unknown",
    uptime: { "90d": { ratio: null } },
  })
  expect(
    body.latency.filter((p: { component: string }) => p.component === "app").map((p: { avgMs: number }) => p.avgMs),
  ).toEqual([10_000, 25])
})

test("support staff are refused", async () => {
  const support = await signedInAs("SUPPORT")
  expect((await callRoute(GET, "GET", "/api/admin/uptime", { cookie: support.cookie })).status).toBe(403)
})
