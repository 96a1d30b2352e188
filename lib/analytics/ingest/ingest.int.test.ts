import { randomBytes } from "node:crypto"
import { afterEach, describe, expect, test } from "vitest"
import { POST } from "@/app/api/events/route"
import { db } from "@/lib/db"
import { callRoute } from "@/lib/testing/http"
import { daySalt, loadedSalt, resetSaltCache, utcDay } from "./salts"
import { storeStats } from "./store"

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
const DAY = 86_400_000

const send = (tag: string, count: number, ip: string, extra: Record<string, unknown> = {}) =>
  callRoute(POST, "POST", "/api/events", {
    body: { events: Array.from({ length: count }, () => ({ name: "page_view", path: `/t/${tag}`, ...extra })) },
    headers: { "user-agent": CHROME, "x-forwarded-for": ip },
  })
const rowsTagged = (tag: string) => db.analyticsEvent.count({ where: { path: `/t/${tag}` } })

afterEach(async () => {
  // Whatever a test did to the table, the next one finds it in place.
  await db.$executeRawUnsafe(
    `DO $$ BEGIN IF to_regclass('analytics_events_away') IS NOT NULL THEN ALTER TABLE analytics_events_away RENAME TO analytics_events; END IF; END $$`,
  )
})

describe("the database failing", () => {
  test("while the table is gone every request is 503 and nothing is written; afterwards 202 again", async () => {
    const tag = randomBytes(4).toString("hex")
    expect((await send(tag, 2, "203.0.113.1")).status).toBe(202)
    const failedBefore = storeStats().failedFlushes
    await db.$executeRawUnsafe("ALTER TABLE analytics_events RENAME TO analytics_events_away")
    const refused = await Promise.all(Array.from({ length: 10 }, (_, i) => send(tag, 3, `203.0.113.${10 + i}`)))
    expect(refused.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 503))
    expect((await refused[0]!.json()).error.code).toBe("service_unavailable")
    // Ten concurrent requests met in fewer flushes, and every one of those failed.
    const failed = storeStats().failedFlushes - failedBefore
    expect(failed).toBeGreaterThanOrEqual(1)
    expect(failed).toBeLessThan(10)
    await db.$executeRawUnsafe("ALTER TABLE analytics_events_away RENAME TO analytics_events")
    expect((await send(tag, 1, "203.0.113.2")).status).toBe(202)
    expect(await rowsTagged(tag)).toBe(3)
  })

  test("failing mid-run: no request gets 202 for rows that are not there", async () => {
    const tag = randomBytes(4).toString("hex")
    await send(tag, 1, "203.0.113.3") // today's salt exists before the table goes
    const pending: Promise<Response>[] = []
    for (let i = 0; i < 90; i++) {
      pending.push(send(tag, 2, `198.51.100.${i + 1}`))
      if (i === 30)
        pending.push(
          db
            .$executeRawUnsafe("ALTER TABLE analytics_events RENAME TO analytics_events_away")
            .then(() => new Response(null, { status: 299 })),
        )
      if (i === 60)
        pending.push(
          db
            .$executeRawUnsafe("ALTER TABLE analytics_events_away RENAME TO analytics_events")
            .then(() => new Response(null, { status: 299 })),
        )
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    const statuses = (await Promise.all(pending)).map((r) => r.status).filter((s) => s !== 299)
    const accepted = statuses.filter((s) => s === 202).length
    const refused = statuses.filter((s) => s === 503).length
    expect(accepted + refused).toBe(90)
    expect(refused).toBeGreaterThan(0)
    expect(accepted).toBeGreaterThan(0)
    expect(await rowsTagged(tag)).toBe(1 + 2 * accepted)
  })
})

describe("daily salts", () => {
  test("the first use of a day creates its salt and deletes those older than yesterday", async () => {
    const now = new Date()
    const day = (offset: number) => utcDay(new Date(now.getTime() + offset * DAY))
    await db.$executeRaw`DELETE FROM analytics_salts`
    for (const offset of [-3, -2, -1])
      await db.$executeRaw`INSERT INTO analytics_salts (day, salt) VALUES (${day(offset)}::date, ${`old-${offset}`})`
    resetSaltCache()
    const today = await daySalt(day(0), now)
    expect(today).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const kept = await db.$queryRaw<
      { day: string; salt: string }[]
    >`SELECT to_char(day, 'YYYY-MM-DD') AS day, salt FROM analytics_salts ORDER BY day`
    expect(kept).toEqual([
      { day: day(-1), salt: "old--1" },
      { day: day(0), salt: today },
    ])
    // Cached: the same salt without another row, and yesterday's is the stored one.
    expect(await daySalt(day(0), now)).toBe(today)
    expect(await daySalt(day(-1), now)).toBe("old--1")
    expect(await db.analyticsSalt.count()).toBe(2)
    // Loaded salts are also there without waiting, until the next day's first use rotates them.
    expect(loadedSalt(day(0), now)).toBe(today)
    expect(loadedSalt(day(-2), now)).toBeUndefined()
    expect(loadedSalt(day(0), new Date(now.getTime() + DAY))).toBeUndefined()
  })

  test("a forgotten salt is read back, not replaced: every instance hashes with the same one", async () => {
    const day = utcDay(new Date())
    const first = await daySalt(day)
    resetSaltCache()
    expect(await daySalt(day)).toBe(first)
  })

  test("the same browser is another visitor on another day, and the same one within a day", async () => {
    const tag = randomBytes(4).toString("hex")
    const now = Date.now()
    // Just after midnight, yesterday's events still hash under yesterday's salt.
    const yesterday = new Date(Math.floor(now / DAY) * DAY - 60_000).toISOString()
    const response = await callRoute(POST, "POST", "/api/events", {
      body: {
        events: [
          { name: "a", path: `/t/${tag}`, ts: yesterday },
          { name: "b", path: `/t/${tag}` },
          { name: "c", path: `/t/${tag}` },
        ],
      },
      headers: { "user-agent": CHROME, "x-forwarded-for": "203.0.113.50" },
    })
    expect(response.status).toBe(202)
    const rows = await db.analyticsEvent.findMany({
      where: { path: `/t/${tag}` },
      orderBy: { name: "asc" },
      select: { name: true, visitorId: true },
    })
    expect(rows[1]!.visitorId).toBe(rows[2]!.visitorId)
    expect(rows[0]!.visitorId).not.toBe(rows[1]!.visitorId)
  })
})
