import type pg from "pg"
import { afterEach, expect, test, vi } from "vitest"
import { db, pool } from "@/lib/db"
import { resetEnvCache } from "@/lib/env"
import { route } from "@/lib/http/route"
import { setLocalStatementTimeout } from "./statement-timeout"

// The app pool's limits, from the DATABASE_* settings, on a real server: PGlite (the embedded
// database) accepts the timeouts but has no timers to enforce them, and serves one connection.
// Set before this file's first query creates the pool (5 connections under the test setup).
Object.assign(process.env, {
  DATABASE_STATEMENT_TIMEOUT_MS: "500",
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: "500",
  DATABASE_CONNECT_TIMEOUT_MS: "1500",
  DATABASE_POOL_QUEUE_MAX: "2",
})
resetEnvCache()

const onServer = process.env.DATABASE_POOL_MAX !== "1"
const held: pg.PoolClient[] = []
afterEach(() => {
  for (const client of held.splice(0)) client.release()
})

async function holdEveryConnection(): Promise<void> {
  const max = pool().options.max!
  expect(max).toBe(5)
  for (let i = 0; i < max; i++) held.push(await pool().connect())
}

// A route that reads the database, behind the real wrapper and its error mapping.
const GET = route({ rateLimit: false }, async () =>
  Response.json(await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`),
)
const call = () => GET(new Request("http://localhost:3000/api/anything"), { params: Promise.resolve({}) })

test.skipIf(!onServer)(
  "a statement running past DATABASE_STATEMENT_TIMEOUT_MS is cancelled; a transaction that raises its own limit runs on",
  async () => {
    const started = performance.now()
    await expect(db.$queryRaw`SELECT pg_sleep(3)`).rejects.toMatchObject({
      code: "P2010",
      meta: { driverAdapterError: { cause: { code: "57014" } } },
    })
    expect(performance.now() - started).toBeLessThan(2_000)
    // As the rollups do: SET LOCAL for their own transaction only.
    const slept = await db.$transaction(async (tx) => {
      await setLocalStatementTimeout(tx, 5_000)
      return tx.$queryRaw<{ done: number }[]>`SELECT 1 AS done FROM pg_sleep(1)`
    })
    expect(slept).toEqual([{ done: 1 }])
    await expect(db.$queryRaw`SELECT pg_sleep(1)`).rejects.toMatchObject({ code: "P2010" })
  },
)

test.skipIf(!onServer)(
  "a session left idle inside a transaction is ended by the server, and the pool goes on",
  async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {})
    try {
      const client = await pool().connect()
      await client.query("BEGIN")
      await client.query("SELECT 1")
      // Forgotten for longer than DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS (500 ms).
      await vi.waitFor(
        () =>
          expect(logged).toHaveBeenCalledWith(
            "database connection lost:",
            expect.stringContaining("idle-in-transaction timeout"),
          ),
        { timeout: 5_000 },
      )
      await expect(client.query("SELECT 1")).rejects.toThrow()
      client.release(new Error("ended by the server"))
      expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }])
    } finally {
      logged.mockRestore()
    }
  },
)

test.skipIf(!onServer)(
  "every connection busy and the wait queue full: the route answers 503 with Retry-After at once",
  async () => {
    await holdEveryConnection()
    // Two requests wait for a connection (DATABASE_POOL_QUEUE_MAX is 2)… (a Prisma query starts when awaited)
    const waiting = [
      db.$queryRaw`SELECT 1 AS one`.then((rows) => rows),
      db.$queryRaw`SELECT 2 AS two`.then((rows) => rows),
    ]
    await vi.waitFor(() => expect(pool().waitingCount).toBe(2))
    // …so a third is refused without waiting.
    const started = performance.now()
    const refused = await call()
    expect(performance.now() - started).toBeLessThan(500)
    expect(refused.status).toBe(503)
    expect(refused.headers.get("retry-after")).toBe("2")
    expect(await refused.json()).toEqual({
      error: {
        code: "service_unavailable",
        message: "the service is busy; try again shortly",
        details: { retryAfterSeconds: 2 },
      },
    })
    // The ones that waited are served once connections come back.
    for (const client of held.splice(0)) client.release()
    expect(await Promise.all(waiting)).toEqual([[{ one: 1 }], [{ two: 2 }]])
    expect((await call()).status).toBe(200)
  },
)

test.skipIf(!onServer)(
  "a request that waits past DATABASE_CONNECT_TIMEOUT_MS for a connection answers 503 with Retry-After",
  async () => {
    await holdEveryConnection()
    const started = performance.now()
    const refused = await call()
    const waited = performance.now() - started
    expect(refused.status).toBe(503)
    expect(refused.headers.get("retry-after")).toBe("2")
    expect(waited).toBeGreaterThanOrEqual(1_400)
    expect(waited).toBeLessThan(4_000)
  },
)
