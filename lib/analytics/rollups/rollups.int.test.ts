import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import type { Prisma } from "@/generated/prisma/client"
import { rollupCoverage, rolledUntil } from "@/lib/analytics/model/coverage"
import { db } from "@/lib/db"
import { resetEnvCache } from "@/lib/env"
import { deleteRollups, runRollups } from "."

// Eight events across three UTC hours of 2026-01-14, with Berlin (UTC+1 in January) as the
// reporting zone: the third hour, 23:00Z, is already 00:00 on 2026-01-15 in Berlin.
//   #  at (UTC)  name          visitor    session  path      referrer               utm          country device  browser        user
//   1  21:10     page_view     v1 (cons)  s1       /         google.com             newsletter   DE      desktop Chrome
//   2  21:12     page_view     v1 (cons)  s1       /pricing  -                      newsletter   DE      desktop Chrome
//   3  21:30     page_view     v2         s3       /         news.ycombinator.com   -            US      mobile  Mobile Safari
//   4  22:15     signed_up     u:user1    -        -         -                      -            -       -       -              user1
//   5  22:50     page_view     v1 (cons)  s2       /         -                      -            DE      desktop Chrome
//   6  22:55     feature_used  v1 (cons)  s2       /account  -                      -            DE      desktop Chrome         user2  {feature: billing_opened}
//   7  23:20     order_paid    u:user1    -        -         -                      -            -       -       -              user1
//   8  23:40     page_view     v2         s4       /pricing  -                      -            US      mobile  Mobile Safari

const at = (time: string) => new Date(`2026-01-14T${time}:00Z`)
const v1 = { visitorId: "v1", consented: true, country: "DE", device: "desktop", browser: "Chrome" }
const v2 = { visitorId: "v2", country: "US", device: "mobile", browser: "Mobile Safari" }
const EVENTS: Prisma.AnalyticsEventCreateManyInput[] = [
  {
    ...v1,
    at: at("21:10"),
    name: "page_view",
    sessionId: "s1",
    path: "/",
    referrer: "google.com",
    utmSource: "newsletter",
    utmCampaign: "jan",
  },
  {
    ...v1,
    at: at("21:12"),
    name: "page_view",
    sessionId: "s1",
    path: "/pricing",
    utmSource: "newsletter",
    utmCampaign: "jan",
  },
  { ...v2, at: at("21:30"), name: "page_view", sessionId: "s3", path: "/", referrer: "news.ycombinator.com" },
  { at: at("22:15"), name: "signed_up", visitorId: "u:user1", userId: "user1" },
  { ...v1, at: at("22:50"), name: "page_view", sessionId: "s2", path: "/" },
  {
    ...v1,
    at: at("22:55"),
    name: "feature_used",
    sessionId: "s2",
    path: "/account",
    userId: "user2",
    props: { feature: "billing_opened" },
  },
  { at: at("23:20"), name: "order_paid", visitorId: "u:user1", userId: "user1" },
  { ...v2, at: at("23:40"), name: "page_view", sessionId: "s4", path: "/pricing" },
]

const roll = (extra: { batchEvents?: number } = {}) => runRollups({ settleSeconds: 0, ...extra })

async function insert(events: Prisma.AnalyticsEventCreateManyInput[]) {
  // One at a time: ids follow the list, as they would follow arrival.
  for (const event of events) await db.analyticsEvent.create({ data: event })
}

async function hourly(name: string, dimension = "", value = "") {
  const rows = await db.analyticsHourly.findMany({
    where: { name, dimension, value },
    orderBy: { hour: "asc" },
    select: { hour: true, events: true, visitors: true },
  })
  return rows.map((r) => [r.hour.toISOString().slice(11, 16), r.events, r.visitors])
}

async function daily(name: string, dimension = "", value = "") {
  const rows = await db.analyticsDaily.findMany({
    where: { name, dimension, value },
    orderBy: { day: "asc" },
    select: { day: true, events: true, visitors: true },
  })
  return rows.map((r) => [r.day.toISOString().slice(0, 10), r.events, r.visitors])
}

/** Every rollup row, in a fixed order: two databases with equal snapshots hold equal rollups. */
async function snapshot() {
  return {
    hourly: await db.analyticsHourly.findMany({
      orderBy: [{ hour: "asc" }, { name: "asc" }, { dimension: "asc" }, { value: "asc" }],
    }),
    daily: await db.analyticsDaily.findMany({
      orderBy: [{ day: "asc" }, { name: "asc" }, { dimension: "asc" }, { value: "asc" }],
    }),
    visitorDays: await db.analyticsVisitorDay.findMany({ orderBy: [{ day: "asc" }, { visitorId: "asc" }] }),
    sessions: await db.analyticsSession.findMany({ orderBy: { sessionId: "asc" } }),
    webVitals: await db.analyticsWebVital.findMany({ orderBy: { eventId: "asc" } }),
    dailyActives: await db.analyticsDailyActives.findMany({ orderBy: { day: "asc" } }),
    activeDays: await db.analyticsActiveDay.findMany({ orderBy: [{ person: "asc" }, { day: "asc" }] }),
    sessionGroups: await db.analyticsSessionGroup.findMany({
      orderBy: [{ day: "asc" }, { kind: "asc" }, { value: "asc" }, { campaign: "asc" }],
    }),
    sessionDurations: await db.analyticsSessionDuration.findMany({ orderBy: [{ day: "asc" }, { bucket: "asc" }] }),
    funnelEntries: await db.analyticsFunnelEntry.findMany({
      orderBy: [{ funnel: "asc" }, { person: "asc" }, { entryDay: "asc" }],
    }),
    funnelCells: await db.analyticsFunnelCell.findMany({
      orderBy: [
        { funnel: "asc" },
        { breakdown: "asc" },
        { entryDay: "asc" },
        { segment: "asc" },
        { step: "asc" },
        { bucket: "asc" },
      ],
    }),
    funnelMonthCells: await db.analyticsFunnelMonthCell.findMany({
      orderBy: [
        { funnel: "asc" },
        { breakdown: "asc" },
        { month: "asc" },
        { segment: "asc" },
        { step: "asc" },
        { bucket: "asc" },
      ],
    }),
  }
}

beforeAll(() => {
  process.env.ANALYTICS_TIME_ZONE = "Europe/Berlin"
  resetEnvCache()
})
afterAll(() => {
  delete process.env.ANALYTICS_TIME_ZONE
  resetEnvCache()
})
beforeEach(async () => {
  await db.analyticsEvent.deleteMany()
  await deleteRollups()
})

describe("hourly and daily rollups", () => {
  test("counts per UTC hour, and exact uniques per Berlin day", async () => {
    await insert(EVENTS)
    const report = await roll()
    expect(report).toMatchObject({ ran: true, events: 8, hours: 3, days: 2, caughtUp: true })

    // 21:00 holds #1 #2 #3: three views by v1 and v2; 22:00 holds #5 (v1); 23:00 holds #8 (v2).
    expect(await hourly("page_view")).toEqual([
      ["21:00", 3, 2],
      ["22:00", 1, 1],
      ["23:00", 1, 1],
    ])
    expect(await hourly("page_view", "path", "/")).toEqual([
      ["21:00", 2, 2],
      ["22:00", 1, 1],
    ])
    // Only #1 and #3 came with a referrer; #2 is "(none)" (direct or internal).
    expect(await hourly("page_view", "referrer", "(none)")).toEqual([
      ["21:00", 1, 1],
      ["22:00", 1, 1],
      ["23:00", 1, 1],
    ])
    expect(await hourly("page_view", "referrer", "google.com")).toEqual([["21:00", 1, 1]])
    expect(await hourly("page_view", "utm_source", "newsletter")).toEqual([["21:00", 2, 1]])
    expect(await hourly("page_view", "utm_campaign", "jan")).toEqual([["21:00", 2, 1]])
    expect(await hourly("page_view", "country", "DE")).toEqual([
      ["21:00", 2, 1],
      ["22:00", 1, 1],
    ])
    expect(await hourly("page_view", "device", "mobile")).toEqual([
      ["21:00", 1, 1],
      ["23:00", 1, 1],
    ])
    expect(await hourly("page_view", "browser", "Mobile Safari")).toEqual([
      ["21:00", 1, 1],
      ["23:00", 1, 1],
    ])
    // Server events have no browser: every dimension is "(none)".
    expect(await hourly("signed_up", "country", "(none)")).toEqual([["22:00", 1, 1]])
    expect(await hourly("feature_used", "feature", "billing_opened")).toEqual([["22:00", 1, 1]])
    // `feature` rows exist only for events that carry one.
    expect(await db.analyticsHourly.count({ where: { dimension: "feature", name: { not: "feature_used" } } })).toBe(0)
    // 8 dimensions + the total for feature_used; 7 + the total for every other name and hour.
    expect(await db.analyticsHourly.count({ where: { name: "feature_used" } })).toBe(9)

    // Berlin's 2026-01-14 ends at 23:00Z: #1 #2 #3 #5 are its page views, by v1 (three of them, in
    // two hours) and v2. Exact uniques: 2, where the hours would add up to 2 + 1 = 3.
    expect(await daily("page_view")).toEqual([
      ["2026-01-14", 4, 2],
      ["2026-01-15", 1, 1],
    ])
    expect(await daily("page_view", "path", "/")).toEqual([["2026-01-14", 3, 2]])
    expect(await daily("page_view", "path", "/pricing")).toEqual([
      ["2026-01-14", 1, 1],
      ["2026-01-15", 1, 1],
    ])
    // #4 on the 14th, #7 (23:20Z = 00:20 Berlin) on the 15th, though both are 2026-01-14 in UTC.
    expect(await daily("signed_up")).toEqual([["2026-01-14", 1, 1]])
    expect(await daily("order_paid")).toEqual([["2026-01-15", 1, 1]])
  })

  test("with UTC as the zone the same events make one day, and the Berlin days are rebuilt away", async () => {
    await insert(EVENTS)
    await roll()
    process.env.ANALYTICS_TIME_ZONE = "UTC"
    resetEnvCache()
    try {
      // A new zone has no daily watermark yet: its days are rebuilt from the raw events.
      expect(await rolledUntil()).toBeNull()
      await roll()
      // #1 #2 #3 #5 #8: five views by v1 and v2.
      expect(await daily("page_view")).toEqual([["2026-01-14", 5, 2]])
      expect(await daily("order_paid")).toEqual([["2026-01-14", 1, 1]])
      expect(await db.analyticsVisitorDay.count()).toBe(3)
    } finally {
      process.env.ANALYTICS_TIME_ZONE = "Europe/Berlin"
      resetEnvCache()
    }
  })

  test("a day across the spring clock change lasts 23 hours", async () => {
    // Berlin's 2026-03-29 runs from 2026-03-28T23:00Z (00:00 CET) to 2026-03-29T22:00Z (00:00 CEST).
    await insert([
      { at: new Date("2026-03-28T22:30:00Z"), name: "page_view", visitorId: "a", path: "/" }, // 23:30 CET on the 28th
      { at: new Date("2026-03-28T23:30:00Z"), name: "page_view", visitorId: "a", path: "/" }, // 00:30 CET on the 29th
      { at: new Date("2026-03-29T21:30:00Z"), name: "page_view", visitorId: "b", path: "/" }, // 23:30 CEST on the 29th
      { at: new Date("2026-03-29T22:30:00Z"), name: "page_view", visitorId: "b", path: "/" }, // 00:30 CEST on the 30th
    ])
    await roll()
    expect(await daily("page_view")).toEqual([
      ["2026-03-28", 1, 1],
      ["2026-03-29", 2, 2],
      ["2026-03-30", 1, 1],
    ])
  })

  test("zero traffic: a run writes nothing but still moves the watermark", async () => {
    expect(await rolledUntil()).toBeNull()
    const report = await roll()
    expect(report).toMatchObject({ events: 0, hours: 0, days: 0, visitorDays: 0, sessions: 0, caughtUp: true })
    expect(await db.analyticsHourly.count()).toBe(0)
    const until = await rolledUntil()
    expect(until).not.toBeNull()
    expect(Math.abs(until!.getTime() - Date.now())).toBeLessThan(60_000)
    const coverage = await rollupCoverage()
    expect(coverage.hoursBefore.getTime() % 3_600_000).toBe(0)
    expect(coverage.daysBeforeStart.getTime()).toBeLessThanOrEqual(until!.getTime())
  })
})

describe("visitor days and sessions", () => {
  test("one row per visitor and Berlin day; one per session id, with entry, exit and bounces", async () => {
    await insert(EVENTS)
    await roll()
    const visitorDays = await db.analyticsVisitorDay.findMany({ orderBy: [{ day: "asc" }, { visitorId: "asc" }] })
    expect(
      visitorDays.map((r) => [
        r.day.toISOString().slice(0, 10),
        r.visitorId,
        r.userId,
        r.consented,
        r.events,
        r.pageViews,
        r.country,
        r.device,
      ]),
    ).toEqual([
      // 14th: u:user1 #4; v1 #1 #2 #5 #6 (three views, signed in as user2 at #6); v2 #3.
      ["2026-01-14", "u:user1", "user1", false, 1, 0, null, null],
      ["2026-01-14", "v1", "user2", true, 4, 3, "DE", "desktop"],
      ["2026-01-14", "v2", null, false, 1, 1, "US", "mobile"],
      // 15th: u:user1 #7; v2 #8.
      ["2026-01-15", "u:user1", "user1", false, 1, 0, null, null],
      ["2026-01-15", "v2", null, false, 1, 1, "US", "mobile"],
    ])
    // Actives: 14th v1 (as user2) and v2, not u:user1 (no browser behind it) = 2; 15th v2 = 1.
    const actives = await db.analyticsDailyActives.findMany({ orderBy: { day: "asc" } })
    expect(actives.map((r) => [r.day.toISOString().slice(0, 10), r.actives])).toEqual([
      ["2026-01-14", 2],
      ["2026-01-15", 1],
    ])
    // Active days: v1 as user2 and v2 on the 14th, v2 again on the 15th (its day before, the 14th).
    const activeDays = await db.analyticsActiveDay.findMany({ orderBy: [{ person: "asc" }, { day: "asc" }] })
    expect(
      activeDays.map((r) => [
        r.person,
        r.day.toISOString().slice(0, 10),
        r.previousDay?.toISOString().slice(0, 10) ?? null,
      ]),
    ).toEqual([
      ["u:user2", "2026-01-14", null],
      ["v2", "2026-01-14", null],
      ["v2", "2026-01-15", "2026-01-14"],
    ])

    const sessions = await db.analyticsSession.findMany({ orderBy: { sessionId: "asc" } })
    // #4 and #7 carry no session id: four sessions, not six.
    expect(
      sessions.map((s) => [
        s.sessionId,
        s.visitorId,
        s.userId,
        s.startedAt.toISOString().slice(11, 16),
        s.endedAt.toISOString().slice(11, 16),
        s.entryPath,
        s.exitPath,
        s.pageViews,
        s.events,
        s.referrer,
        s.utmSource,
        s.utmCampaign,
        s.country,
        s.device,
      ]),
    ).toEqual([
      ["s1", "v1", null, "21:10", "21:12", "/", "/pricing", 2, 2, "google.com", "newsletter", "jan", "DE", "desktop"],
      ["s2", "v1", "user2", "22:50", "22:55", "/", "/", 1, 2, null, null, null, "DE", "desktop"],
      ["s3", "v2", null, "21:30", "21:30", "/", "/", 1, 1, "news.ycombinator.com", null, null, "US", "mobile"],
      ["s4", "v2", null, "23:40", "23:40", "/pricing", "/pricing", 1, 1, null, null, null, "US", "mobile"],
    ])
    // Their groups by Berlin day (all on the 14th, s4 at 00:40 on the 15th): entries "/" s1 s2 s3
    // (s3 a bounce), "/pricing" s4 (a bounce); exits "/pricing" s1 s4, "/" s2 s3; referrers
    // google.com s1, news.ycombinator.com s3, none s2 s4; campaign newsletter/jan s1.
    const groups = await db.analyticsSessionGroup.findMany({
      orderBy: [{ day: "asc" }, { kind: "asc" }, { value: "asc" }, { campaign: "asc" }],
    })
    expect(
      groups.map((g) => [g.day.toISOString().slice(0, 10), g.kind, g.value, g.campaign, g.sessions, g.bounces]),
    ).toEqual([
      ["2026-01-14", "campaign", "newsletter", "jan", 1, 0],
      ["2026-01-14", "entry", "/", "", 3, 1],
      ["2026-01-14", "exit", "/", "", 2, 1],
      ["2026-01-14", "exit", "/pricing", "", 1, 0],
      ["2026-01-14", "referrer", "", "", 1, 0],
      ["2026-01-14", "referrer", "google.com", "", 1, 0],
      ["2026-01-14", "referrer", "news.ycombinator.com", "", 1, 1],
      ["2026-01-15", "entry", "/pricing", "", 1, 1],
      ["2026-01-15", "exit", "/pricing", "", 1, 1],
      ["2026-01-15", "referrer", "", "", 1, 1],
    ])
    // Their durations by Berlin day and bucket: s3 and s4 last 0 µs (bucket 0, bounces); s1 2 min =
    // 120,000,000 µs lies in bucket 1 + 68 = 69 (1000·2^(67/4) ≈ 110,217,975 ≤ it < 1000·2^(68/4) =
    // 131,072,000); s2 5 min = 300,000,000 µs in bucket 1 + 73 = 74 (2^(72/4)·1000 = 262,144,000 ≤ it
    // < 1000·2^(73/4) ≈ 311,743,510).
    const durations = await db.analyticsSessionDuration.findMany({ orderBy: [{ day: "asc" }, { bucket: "asc" }] })
    expect(
      durations.map((d) => [
        d.day.toISOString().slice(0, 10),
        d.bucket,
        d.sessions,
        d.bounces,
        Number(d.totalUs),
        Number(d.minUs),
        Number(d.maxUs),
      ]),
    ).toEqual([
      ["2026-01-14", 0, 1, 1, 0, 0, 0],
      ["2026-01-14", 69, 1, 0, 120_000_000, 120_000_000, 120_000_000],
      ["2026-01-14", 74, 1, 0, 300_000_000, 300_000_000, 300_000_000],
      ["2026-01-15", 0, 1, 1, 0, 0, 0],
    ])
    // Bounces (one page view): s2, s3, s4 → 3 of 4 sessions = 75%. Mean duration: (2 + 5 + 0 + 0) / 4 = 1.75 min.
    expect(sessions.filter((s) => s.pageViews === 1)).toHaveLength(3)
    const minutes = sessions.map((s) => (s.endedAt.getTime() - s.startedAt.getTime()) / 60_000)
    expect(minutes.reduce((a, b) => a + b, 0) / sessions.length).toBe(1.75)
  })
})

describe("incremental and idempotent", () => {
  // Arrive after the first run: a later page of v1's first session and a new visitor, both in the
  // 21:00 hour, which is therefore rolled again.
  const LATE: Prisma.AnalyticsEventCreateManyInput[] = [
    { ...v1, at: at("21:50"), name: "page_view", sessionId: "s1", path: "/checkout" },
    { ...v2, visitorId: "v5", at: at("21:55"), name: "page_view", sessionId: "s5", path: "/" },
  ]

  test("a second run changes nothing", async () => {
    await insert(EVENTS)
    await roll()
    const first = await snapshot()
    const again = await roll()
    expect(again).toMatchObject({ events: 0, hours: 0, days: 0, visitorDays: 0, sessions: 0 })
    expect(await snapshot()).toEqual(first)
  })

  test("late events re-roll their hour, day, visitor day and session; the result equals one run over everything", async () => {
    await insert(EVENTS)
    await roll()
    await insert(LATE)
    const second = await roll()
    // Only the 21:00 hour, Berlin's 14th, (14th, v1), (14th, v5), s1 and s5 are touched.
    expect(second).toMatchObject({ events: 2, hours: 1, days: 1, visitorDays: 2, sessions: 2 })
    // 21:00 now: #1 #2 #3 and the two late views; v1, v2, v5.
    expect(await hourly("page_view")).toEqual([
      ["21:00", 5, 3],
      ["22:00", 1, 1],
      ["23:00", 1, 1],
    ])
    expect(await daily("page_view")).toEqual([
      ["2026-01-14", 6, 3],
      ["2026-01-15", 1, 1],
    ])
    const s1 = await db.analyticsSession.findUniqueOrThrow({ where: { sessionId: "s1" } })
    expect([s1.endedAt.toISOString().slice(11, 16), s1.exitPath, s1.pageViews]).toEqual(["21:50", "/checkout", 3])
    const incremental = await snapshot()

    await deleteRollups()
    await roll()
    expect(await snapshot()).toEqual(incremental)
  })

  test("small batches (ties in received_at kept together) end where one batch ends", async () => {
    await db.analyticsEvent.createMany({ data: EVENTS })
    await insert(LATE)
    const report = await roll({ batchEvents: 3 })
    expect(report.batches).toBeGreaterThan(1)
    expect(report.events).toBe(10)
    const batched = await snapshot()
    await deleteRollups()
    expect((await roll()).batches).toBe(1)
    expect(await snapshot()).toEqual(batched)
  })

  test("a run that finds another holding the lock does nothing", async () => {
    await insert(EVENTS)
    const report = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(7306010011::bigint)`
      // The embedded database has one connection, held by this transaction: test the lock on a server only.
      return process.env.DATABASE_POOL_MAX === "1" ? null : roll()
    })
    if (report) expect(report).toMatchObject({ ran: false, events: 0 })
  })
})
