import { createServer, type IncomingMessage, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { gunzipSync } from "node:zlib"
import { afterAll, beforeAll, expect, test, vi } from "vitest"
import { db } from "@/lib/db"
import { resetEnvCache } from "@/lib/env"
import { shutdownPostHogServer } from "./posthog"
import { track } from "./track"

// A stand-in for PostHog's ingestion API on a local port: posthog-node's `host` points at it.
type Received = {
  path: string
  body: { batch?: { event: string; distinct_id: string; properties: Record<string, unknown> }[] }
}
const received: Received[] = []
let server: Server

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const raw = Buffer.concat(chunks)
  const gzipped = request.headers["content-encoding"] === "gzip" || (raw[0] === 0x1f && raw[1] === 0x8b)
  return (gzipped ? gunzipSync(raw) : raw).toString("utf8")
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const text = await readBody(request)
    received.push({ path: request.url ?? "", body: text ? JSON.parse(text) : {} })
    response.writeHead(200, { "content-type": "application/json" }).end("{}")
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  vi.stubEnv("NEXT_PUBLIC_POSTHOG_KEY", "phc_integration")
  vi.stubEnv("NEXT_PUBLIC_POSTHOG_HOST", `http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  resetEnvCache()
})

afterAll(async () => {
  await shutdownPostHogServer()
  vi.unstubAllEnvs()
  resetEnvCache()
  await new Promise((resolve) => server.close(resolve))
})

test("a stored server event reaches PostHog's batch endpoint in the background", async () => {
  const user = await db.user.create({ data: { email: "forward@test.example" }, select: { id: true } })
  expect(await track("feature_used", { userId: user.id, props: { feature: "plan_changed" } })).toBe(true)
  // Stored first: the row is in our table whether or not PostHog answers.
  expect(await db.analyticsEvent.count({ where: { name: "feature_used", userId: user.id } })).toBe(1)
  await shutdownPostHogServer()
  const events = received.flatMap((request) => request.body.batch ?? [])
  expect(received.some((request) => request.path.startsWith("/batch"))).toBe(true)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({
    event: "feature_used",
    distinct_id: user.id,
    properties: { feature: "plan_changed", $process_person_profile: true },
  })
})
