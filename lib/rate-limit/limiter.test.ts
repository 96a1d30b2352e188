import { createConnection } from "node:net"
import { afterEach, expect, test, vi } from "vitest"

// Two "instances" are two fresh copies of the module: with REDIS_URL they share one count.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379"

async function redisReachable(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL)
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) || 6379 })
    socket.setTimeout(500)
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
    socket.once("timeout", () => (socket.destroy(), resolve(false)))
  })
}

async function freshInstance() {
  vi.resetModules()
  const envModule = await import("@/lib/env")
  envModule.resetEnvCache()
  return import("./limiter")
}

afterEach(() => {
  delete process.env.REDIS_URL
})

const limit = { name: `test-${Date.now()}`, points: 3, durationSeconds: 60 }

test("in memory, each instance counts on its own: the fourth call is refused with a retry time", async () => {
  const a = await freshInstance()
  for (let i = 0; i < 3; i++) expect((await a.consumeRateLimit(limit, "k")).allowed).toBe(true)
  const refused = await a.consumeRateLimit(limit, "k")
  expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) })
  expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(0)
  const b = await freshInstance()
  expect((await b.consumeRateLimit(limit, "k")).allowed).toBe(true)
})

test.skipIf(!(await redisReachable()))("with REDIS_URL, two instances share one count", async () => {
  process.env.REDIS_URL = REDIS_URL
  const key = `shared-${Date.now()}`
  const a = await freshInstance()
  const b = await freshInstance()
  expect(await a.rateLimitStoreReady()).toBe(true)
  expect(await b.rateLimitStoreReady()).toBe(true)
  expect((await a.consumeRateLimit(limit, key)).allowed).toBe(true)
  expect((await b.consumeRateLimit(limit, key)).allowed).toBe(true)
  expect((await a.consumeRateLimit(limit, key)).allowed).toBe(true)
  expect((await b.consumeRateLimit(limit, key)).allowed).toBe(false)
})

test("with Redis unreachable, requests are still limited in memory rather than refused", async () => {
  process.env.REDIS_URL = "redis://127.0.0.1:1"
  const a = await freshInstance()
  expect(await a.rateLimitStoreReady(300)).toBe(false)
  const key = `down-${Date.now()}`
  for (let i = 0; i < 3; i++) expect((await a.consumeRateLimit(limit, key)).allowed).toBe(true)
  expect((await a.consumeRateLimit(limit, key)).allowed).toBe(false)
})
