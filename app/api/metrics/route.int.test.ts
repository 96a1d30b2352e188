import { expect, test } from "vitest"
import { route } from "@/lib/http/route"
import { startPrometheusMetrics } from "@/lib/monitoring/prometheus"
import { createTestToken, signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { GET } from "./route"

const FAMILIES = [
  "process_cpu_seconds_total",
  "process_resident_memory_bytes",
  "nodejs_eventloop_lag_seconds",
  "nodejs_eventloop_lag_p99_seconds",
  "http_request_duration_seconds",
  "acv_db_pool_connections",
  "acv_job_queue_depth",
  "acv_active_subscriptions",
  "acv_mrr_cents",
  "acv_orders_open",
  "acv_orders_overdue",
  "acv_webhooks_failed_last_hour",
]

async function engineerToken(): Promise<string> {
  const engineer = await signedInAs("ENGINEER")
  return (await createTestToken(engineer.user, ["read"])).token
}

test("without a token the scrape is refused; a support token is not enough", async () => {
  expect((await callRoute(GET, "GET", "/api/metrics")).status).toBe(401)
  expect((await callRoute(GET, "GET", "/api/metrics", { token: "acv_unknown" })).status).toBe(401)
  const support = await signedInAs("SUPPORT")
  const { token } = await createTestToken(support.user, ["read"])
  expect((await callRoute(GET, "GET", "/api/metrics", { token })).status).toBe(403)
})

test("a staff token scrapes every metric family, and a wrapped request shows in the histogram", async () => {
  const token = await engineerToken()
  startPrometheusMetrics() // as instrumentation.ts does when the server starts
  // Any handler behind the wrapper is observed: an id in the path collapses into the route pattern.
  const probe = route({}, async () => Response.json({ ok: true }))
  await callRoute(probe, "GET", "/api/prom-probe/123", { params: {} })
  await callRoute(probe, "GET", "/api/prom-probe/456", { params: {} })

  const response = await callRoute(GET, "GET", "/api/metrics", { token })
  expect(response.status).toBe(200)
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/)
  const body = await response.text()
  for (const family of FAMILIES) expect(body, family).toMatch(new RegExp(`^# TYPE ${family} `, "m"))
  const count = body
    .split("\n")
    .find(
      (line) =>
        line.startsWith("http_request_duration_seconds_count{") && line.includes('route="/api/prom-probe/[id]"'),
    )
  expect(count).toBeDefined()
  expect(count).toContain('method="GET"')
  expect(count).toContain('status_class="2xx"')
  expect(count!.split(" ").at(-1)).toBe("2")
  // The database is empty: business gauges read 0, not NaN.
  expect(body).toMatch(/^acv_mrr_cents 0$/m)
  expect(body).toMatch(/^acv_orders_overdue 0$/m)
  expect(body).toMatch(/^acv_db_pool_connections\{state="total"\} \d+$/m)
})
