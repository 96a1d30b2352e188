import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "vitest"
import { GET as ready } from "@/app/api/health/ready/route"
import { serveRoutes } from "@/lib/billing/testing/route-server"
import { db, pool } from "@/lib/db"
import { pointResendAt, resendError, startResendStandIn } from "@/lib/email/testing/resend-stand-in"
import { resetEnvCache } from "@/lib/env"
import { startJobRunner } from "@/lib/jobs/runner"
import { probeComponents, runUptimeProbes } from "./probes"

// The probes against real HTTP: our own readiness handler and a stand-in landing page on a local
// port (PROBE_BASE_URL), the real database and job queue, and stand-ins for Polar and Resend.

let landing: { status: number; body: string; delayMs: number } = {
  status: 200,
  body: "<title>AI Copilot Vibe</title>",
  delayMs: 0,
}
let app: Awaited<ReturnType<typeof serveRoutes>>

beforeAll(async () => {
  // pg-boss installs its tables on first start; the job-queue probe reads them.
  const runner = await startJobRunner({ pool: pool(), jobs: [], instance: "probe-test", log: () => {} })
  await runner.stop(1000)
  app = await serveRoutes({
    "GET /api/health/ready": ready,
    "GET /": async () => {
      await new Promise((resolve) => setTimeout(resolve, landing.delayMs))
      return new Response(landing.body, { status: landing.status, headers: { "content-type": "text/html" } })
    },
  })
  setEnv({ PROBE_BASE_URL: app.url })
})
afterAll(() => app.close())
beforeEach(() => {
  landing = { status: 200, body: "<html><title>AI Copilot Vibe</title></html>", delayMs: 0 }
})
afterEach(() => setEnv({ POLAR_ACCESS_TOKEN: undefined, POLAR_API_URL: undefined }))

function setEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  resetEnvCache()
}

const byComponent = <T extends { component: string }>(rows: T[]) =>
  Object.fromEntries(rows.map((r) => [r.component, r]))

test("every component is probed once and one row per component lands under the tick's minute", async () => {
  const summary = await runUptimeProbes({
    queuedAt: new Date("2026-05-20T12:07:00.400Z"),
    startedAt: new Date("2026-05-20T12:07:02.900Z"),
  })
  expect(summary).toEqual({
    minute: "2026-05-20T12:07:00.000Z",
    up: ["app", "landing", "database", "job-queue"],
    down: [],
  })

  const rows = await db.probeResult.findMany({ where: { minute: new Date("2026-05-20T12:07:00Z") } })
  // Polar and Resend are not configured here: not probed, so not observed.
  expect(rows.map((r) => r.component).sort()).toEqual(["app", "database", "job-queue", "landing"])
  const row = byComponent(rows)
  expect(row.app.detail).toBe("HTTP 200, ready")
  expect(row.landing.detail).toBe("HTTP 200, 0 KiB")
  expect(row.database.detail).toBe("SELECT 1")
  // This probe itself waited 2.5 s between being queued and starting; nothing else is waiting.
  expect(row["job-queue"].detail).toBe("lag 2.5 s, 0 waiting")
  for (const r of rows) expect(r.latencyMs).toBeGreaterThan(0)

  // The same minute probed again replaces its rows.
  landing.status = 500
  await runUptimeProbes({ queuedAt: new Date("2026-05-20T12:07:00.400Z"), startedAt: new Date("2026-05-20T12:07:01Z") })
  const again = await db.probeResult.findMany({ where: { minute: new Date("2026-05-20T12:07:00Z") } })
  expect(again).toHaveLength(4)
  expect(byComponent(again).landing).toMatchObject({ up: false, detail: "HTTP 500" })
})

test("a component is down when it answers wrongly, too slowly, or not at all", async () => {
  landing = { status: 200, body: "<html>Maintenance</html>", delayMs: 0 }
  let outcome = byComponent(await probeComponents({ queueDelaySeconds: 75 }))
  expect(outcome.landing).toMatchObject({ up: false, detail: 'HTTP 200 but the page lacks "AI Copilot Vibe"' })
  expect(outcome["job-queue"]).toMatchObject({ up: false, detail: "lag 75.0 s, 0 waiting (limit 60 s)" })

  landing = { status: 200, body: "AI Copilot Vibe", delayMs: 1000 }
  outcome = byComponent(await probeComponents({ timeoutMs: 200 }))
  expect(outcome.landing).toMatchObject({ up: false, detail: "timed out after 0.2 s" })
  expect(outcome.landing.latencyMs).toBeGreaterThanOrEqual(190)
  expect(outcome.landing.latencyMs).toBeLessThan(900)

  await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now()`
  try {
    outcome = byComponent(await probeComponents())
    expect(outcome.app.up).toBe(false)
    expect(outcome.app.detail).toBe("HTTP 503, down")
  } finally {
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL`
  }

  // A port that was just free: nothing listens there.
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve))
  const { port } = closed.address() as AddressInfo
  await new Promise((resolve) => closed.close(resolve))
  setEnv({ PROBE_BASE_URL: `http://127.0.0.1:${port}` })
  try {
    outcome = byComponent(await probeComponents())
    expect(outcome.app).toMatchObject({ up: false, detail: "fetch failed: ECONNREFUSED" })
    expect(outcome.landing.up).toBe(false)
    expect(outcome.database.up).toBe(true)
  } finally {
    setEnv({ PROBE_BASE_URL: app.url })
  }
})

test("a job waiting past the limit in any queue makes the job queue down", async () => {
  await db.$executeRaw`INSERT INTO pgboss.job (name, state, start_after, created_on) VALUES ('__pgboss__send-it', 'created', now() - interval '95 seconds', now() - interval '95 seconds')`
  try {
    const outcome = byComponent(await probeComponents({ queueDelaySeconds: 1 }))
    expect(outcome["job-queue"].up).toBe(false)
    expect(outcome["job-queue"].detail).toMatch(/^lag 9[5-9]\.\d s, 1 waiting \(limit 60 s\)$/)
  } finally {
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = '__pgboss__send-it'`
  }
})

test("Polar and Resend are probed only when configured, through their real clients", async () => {
  let polarStatus = 200
  const polar = createServer((req, res) => {
    const ok = req.url?.startsWith("/v1/products") && req.headers.authorization === "Bearer polar_oat_probe"
    res
      .writeHead(ok ? polarStatus : 404, { "content-type": "application/json" })
      .end(
        JSON.stringify(
          ok && polarStatus === 200
            ? { items: [], pagination: { total_count: 0, max_page: 0 } }
            : { detail: "Unauthorized" },
        ),
      )
  })
  await new Promise<void>((resolve) => polar.listen(0, "127.0.0.1", resolve))
  const resend = await startResendStandIn((request) =>
    request.path.startsWith("/domains") ? { status: 200, body: { data: [] } } : { status: 404, body: {} },
  )
  try {
    setEnv({
      POLAR_ACCESS_TOKEN: "polar_oat_probe",
      POLAR_API_URL: `http://127.0.0.1:${(polar.address() as AddressInfo).port}`,
    })
    let outcome = byComponent(await probeComponents())
    expect(outcome.polar).toMatchObject({ up: true, detail: "API answered (custom server)" })
    expect(outcome.resend).toMatchObject({ up: true, detail: "API answered" })

    // A sending-only key cannot list domains, but the API answered and took the key.
    resend.respondWith(() => resendError(401, "restricted_api_key", "This API key is restricted to only send emails"))
    polarStatus = 401
    outcome = byComponent(await probeComponents())
    expect(outcome.resend).toMatchObject({ up: true, detail: "API answered (sending-only key)" })
    expect(outcome.polar.up).toBe(false)
    expect(outcome.polar.detail).toMatch(/^Polar API returned an error: 401/)

    resend.respondWith(() => resendError(401, "invalid_api_key", "API key is invalid"))
    outcome = byComponent(await probeComponents())
    expect(outcome.resend).toMatchObject({ up: false, detail: "invalid_api_key: API key is invalid" })
  } finally {
    await resend.close()
    await new Promise((resolve) => polar.close(resolve))
    pointResendAt(undefined)
  }
})
