import { randomBytes } from "node:crypto"
import type { IncomingMessage, ServerResponse } from "node:http"
import { afterEach, expect, test } from "vitest"
import { type EventRow, drainStoredEvents, storeEvents } from "@/lib/analytics/ingest/store"
import { db } from "@/lib/db"
import { clientAddress } from "@/lib/http/client-address"
import { createAppServer } from "./http-server"
import { clearShutdownSteps, onShutdown } from "./shutdown"

afterEach(() => clearShutdownSteps())

const row = (path: string): EventRow => ({
  at: new Date(),
  name: "page_view",
  visitorId: `v-${randomBytes(4).toString("hex")}`,
  consented: false,
  sessionId: null,
  userId: null,
  path,
  referrer: null,
  utmSource: null,
  utmMedium: null,
  utmCampaign: null,
  utmTerm: null,
  utmContent: null,
  country: null,
  browser: null,
  os: null,
  device: null,
  screen: null,
  props: null,
})

/** Stands in for Next: a slow handler that acknowledges (202) only once its event is stored. */
function slowEventHandler(path: string, delayMs: number) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    for await (const chunk of request) void chunk
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    await storeEvents([row(path)])
    response.writeHead(202).end()
  }
}

test("regression (SIGTERM drain): requests in flight when shutdown begins finish and are stored, later ones are refused, and the steps run after them in order", async () => {
  const path = `/drain/${randomBytes(4).toString("hex")}`
  const app = createAppServer({ handle: slowEventHandler(path, 300), trustedProxyHops: 0 })
  const port = await app.listen(0)
  const steps: string[] = []
  onShutdown("database", "database", async () => steps.push(`database (in flight ${app.inFlight()})`))
  onShutdown("flush", "analytics events", async () => {
    await drainStoredEvents()
    steps.push(`flush (in flight ${app.inFlight()})`)
  })
  onShutdown("jobs", "job runner", async () => steps.push("jobs"))

  const sent = Array.from({ length: 20 }, () =>
    fetch(`http://127.0.0.1:${port}/events`, { method: "POST", body: "{}" }).then((r) => r.status),
  )
  await new Promise((resolve) => setTimeout(resolve, 100)) // all 20 are in the handler now
  expect(app.inFlight()).toBe(20)
  const lines: string[] = []
  const shutdown = app.shutdown({ graceMs: 10_000, stepsMs: 5_000, log: (line) => lines.push(line) })
  await new Promise((resolve) => setTimeout(resolve, 20))
  await expect(fetch(`http://127.0.0.1:${port}/events`, { method: "POST", body: "{}" })).rejects.toThrow()
  await shutdown

  expect(await Promise.all(sent)).toEqual(Array(20).fill(202))
  expect(await db.analyticsEvent.count({ where: { path } })).toBe(20)
  expect(steps).toEqual(["flush (in flight 0)", "jobs", "database (in flight 0)"])
  expect(lines[0]).toBe("draining 20 request(s) in flight (up to 10000 ms)")
})

test("a request still running after the grace period is cut off, and the steps still run", async () => {
  const app = createAppServer({ handle: () => new Promise(() => {}), trustedProxyHops: 0 })
  const port = await app.listen(0)
  const steps: string[] = []
  onShutdown("database", "database", async () => steps.push("database"))
  const hanging = fetch(`http://127.0.0.1:${port}/`).then(
    () => "answered",
    () => "cut off",
  )
  await new Promise((resolve) => setTimeout(resolve, 50))
  const lines: string[] = []
  await app.shutdown({ graceMs: 100, stepsMs: 1_000, log: (line) => lines.push(line) })
  expect(await hanging).toBe("cut off")
  expect(steps).toEqual(["database"])
  expect(lines).toContain("1 request(s) still running after 100 ms: cut off")
})

test("regression (X-Forwarded-For bypass): with no proxy the handler sees the socket's address, whatever X-Forwarded-For says", async () => {
  let seen: string | null | undefined
  const app = createAppServer({
    handle: (request, response) => {
      seen = clientAddress(new Request("http://app.test/", { headers: request.headers as Record<string, string> }))
      response.end()
    },
    trustedProxyHops: 0,
  })
  const port = await app.listen(0)
  await fetch(`http://127.0.0.1:${port}/`, {
    headers: { "x-forwarded-for": "198.51.100.7", "x-acv-client-address": "forged 198.51.100.8" },
  })
  expect(seen).toBe("127.0.0.1")
  await app.shutdown({ graceMs: 1_000, stepsMs: 1_000, log: () => {} })
})
