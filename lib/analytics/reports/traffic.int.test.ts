import { beforeAll, expect, test } from "vitest"
import { coverageAt } from "@/lib/analytics/model/coverage"
import { DURATION_BUCKET_BOUNDS } from "@/lib/analytics/model/duration-buckets"
import { syncSessionGroups } from "@/lib/analytics/rollups/session-groups"
import { db } from "@/lib/db"
import { previousPeriod, rangeOfDays } from "@/lib/utils/time-range"
import { trafficReport } from "./traffic"
import { insertRawEvents } from "./usage-fixtures"

// New York in winter is UTC−5: the range 5–11 Jan 2026 runs from 5 Jan 05:00 UTC to 12 Jan 05:00
// UTC. Rollups are complete until 10 Jan 17:00 UTC: days up to 9 Jan and sessions that started
// before 17:00 UTC come from rollup tables; later events from raw events.
const ZONE = "America/New_York"
const range = rangeOfDays("2026-01-05", "2026-01-11", ZONE)
const previous = previousPeriod(range)
const coverage = coverageAt(new Date("2026-01-10T17:00:00Z"), ZONE)

/** The duration bucket of `micros`: how many bounds lie at or below it (width_bucket). */
const bucketOf = (micros: number) => DURATION_BUCKET_BOUNDS.filter((bound) => micros >= bound).length

const session = (
  id: string,
  startedAt: string,
  seconds: number,
  fields: {
    entry: string | null
    exit: string | null
    pageViews: number
    events: number
    referrer?: string
    utmSource?: string
    utmCampaign?: string
  },
) => ({
  sessionId: id,
  visitorId: `v-${id}`,
  startedAt: new Date(startedAt),
  endedAt: new Date(Date.parse(startedAt) + seconds * 1000),
  entryPath: fields.entry,
  exitPath: fields.exit,
  pageViews: fields.pageViews,
  events: fields.events,
  referrer: fields.referrer ?? null,
  utmSource: fields.utmSource ?? null,
  utmCampaign: fields.utmCampaign ?? null,
})

beforeAll(async () => {
  await db.analyticsDaily.createMany({
    data: [
      { day: new Date("2026-01-06"), name: "page_view", dimension: "path", value: "/", events: 10, visitors: 6 },
      { day: new Date("2026-01-06"), name: "page_view", dimension: "path", value: "/pricing", events: 4, visitors: 3 },
      { day: new Date("2026-01-06"), name: "page_view", dimension: "", value: "", events: 14, visitors: 7 },
      { day: new Date("2026-01-07"), name: "page_view", dimension: "path", value: "/", events: 5, visitors: 4 },
      { day: new Date("2026-01-07"), name: "page_view", dimension: "", value: "", events: 5, visitors: 4 },
      // 10 Jan is not complete: this partial row is never read.
      { day: new Date("2026-01-10"), name: "page_view", dimension: "path", value: "/", events: 100, visitors: 100 },
      { day: new Date("2026-01-10"), name: "page_view", dimension: "", value: "", events: 100, visitors: 100 },
      { day: new Date("2026-01-02"), name: "page_view", dimension: "path", value: "/", events: 7, visitors: 5 },
      { day: new Date("2026-01-02"), name: "page_view", dimension: "", value: "", events: 7, visitors: 5 },
    ],
  })
  await db.analyticsSession.createMany({
    data: [
      session("sA", "2026-01-06T15:00:00Z", 120, {
        entry: "/",
        exit: "/pricing",
        pageViews: 2,
        events: 3,
        referrer: "google.com",
      }),
      session("sB", "2026-01-06T16:00:00Z", 0, { entry: "/", exit: "/", pageViews: 1, events: 1 }),
      // One page but a click on it: not a bounce.
      session("sC", "2026-01-07T10:00:00Z", 60, {
        entry: "/pricing",
        exit: "/pricing",
        pageViews: 1,
        events: 2,
        referrer: "news.example",
        utmSource: "newsletter",
        utmCampaign: "launch",
      }),
      session("s1", "2026-01-10T06:00:00Z", 120, {
        entry: "/",
        exit: "/pricing",
        pageViews: 2,
        events: 3,
        referrer: "google.com",
      }),
      // Rolled up before its second page view arrived (17:10, after the watermark): counted once, from the table.
      session("s5", "2026-01-10T16:50:00Z", 0, { entry: "/", exit: "/", pageViews: 1, events: 1 }),
      // 4 Jan 12:00 UTC is 4 Jan in New York: the period before.
      session("s0", "2026-01-04T12:00:00Z", 90, { entry: "/", exit: "/docs", pageViews: 3, events: 3 }),
      session("sP", "2025-12-30T12:00:00Z", 0, { entry: "/", exit: "/", pageViews: 1, events: 1 }),
    ],
  })
  await insertRawEvents([
    {
      at: "2026-01-10T06:00:00Z",
      name: "page_view",
      visitorId: "v1",
      sessionId: "s1",
      path: "/",
      referrer: "google.com",
    },
    { at: "2026-01-10T06:01:00Z", name: "page_view", visitorId: "v1", sessionId: "s1", path: "/pricing" },
    { at: "2026-01-10T06:02:00Z", name: "checkout_started", visitorId: "v1", sessionId: "s1", path: "/pricing" },
    { at: "2026-01-10T16:50:00Z", name: "page_view", visitorId: "v5", sessionId: "s5", path: "/" },
    { at: "2026-01-10T17:10:00Z", name: "page_view", visitorId: "v5", sessionId: "s5", path: "/pricing" },
    { at: "2026-01-10T18:00:00Z", name: "page_view", visitorId: "v2", sessionId: "s2", path: "/" },
    {
      at: "2026-01-11T12:00:00Z",
      name: "page_view",
      visitorId: "v6",
      sessionId: "s6",
      path: "/docs",
      referrer: "google.com",
      utmSource: "ads",
      utmCampaign: "winter",
    },
    {
      at: "2026-01-11T12:05:00Z",
      name: "page_view",
      visitorId: "v6",
      sessionId: "s6",
      path: "/pricing",
      utmSource: "ads",
      utmCampaign: "winter",
    },
    // 12 Jan 04:30 UTC is 11 Jan 23:30 in New York: inside the range. 05:30 UTC is not.
    { at: "2026-01-12T04:30:00Z", name: "page_view", visitorId: "v3", sessionId: "s3", path: "/pricing" },
    { at: "2026-01-12T05:30:00Z", name: "page_view", visitorId: "v4", sessionId: "s4", path: "/" },
    // A web vital has no session: it changes no session figure.
    {
      at: "2026-01-10T18:00:30Z",
      name: "web_vital",
      visitorId: "v2",
      path: "/",
      props: { metric: "LCP", value: 1200, rating: "good" },
    },
  ])
})

test("sessions: bounce rate and durations over rolled-up and raw sessions", async () => {
  const report = await trafficReport(range, previous, { coverage })
  // In the range: sA 120 s, sB 0 s (bounce), sC 60 s, s1 120 s, s5 0 s (bounce) from the table;
  // s2 0 s (bounce), s6 300 s, s3 0 s (bounce) from raw events. s4 starts after the range.
  expect(report.sessions).toMatchObject({ current: 8, previous: 2 })
  // 4 bounces / 8 = 0.5; before: sP of {s0, sP} = 0.5.
  expect(report.bounceRate).toMatchObject({ current: 0.5, previous: 0.5, change: 0 })
  // Mean (120 + 0 + 60 + 120 + 0 + 0 + 300 + 0) / 8 = 600 / 8 = 75; before (90 + 0) / 2 = 45.
  expect(report.averageDurationSeconds).toMatchObject({ current: 75, previous: 45 })
  // Sorted 0, 0, 0, 0, 60, 120, 120, 300: h = 7 × 0.5 = 3.5 → 0 + 0.5 × 60 = 30; before: 0, 90 → 45.
  expect(report.medianDurationSeconds).toMatchObject({ current: 30, previous: 45 })
})

// Entry "/": sA, sB, s1, s5, s2 = 5, of which sB, s5, s2 bounced: 3/5.
const ENTRY_PAGES = [
  { value: "/", sessions: 5, bounceRate: 0.6 },
  { value: "/pricing", sessions: 2, bounceRate: 0.5 },
  { value: "/docs", sessions: 1, bounceRate: 0 },
]
const EXIT_PAGES = [
  { value: "/pricing", sessions: 5, bounceRate: 0.2 },
  { value: "/", sessions: 3, bounceRate: 1 },
]
const CAMPAIGNS = [
  { source: "ads", campaign: "winter", sessions: 1, bounceRate: 0 },
  { source: "newsletter", campaign: "launch", sessions: 1, bounceRate: 0 },
]

test("entry and exit pages, referrers and campaigns count sessions", async () => {
  const report = await trafficReport(range, previous, { coverage })
  expect(report.entryPages).toEqual(ENTRY_PAGES)
  expect(report.exitPages).toEqual(EXIT_PAGES)
  // Direct (no referrer): sB, s5, s2, s3 = 4; google.com: sA, s1, s6 = 3; news.example: sC.
  expect(report.referrers.map((row) => [row.value, row.sessions])).toEqual([
    ["(none)", 4],
    ["google.com", 3],
    ["news.example", 1],
  ])
  expect(report.campaigns).toEqual(CAMPAIGNS)
})

test("top pages: views and daily visitors from rolled-up days and the raw tail", async () => {
  const report = await trafficReport(range, previous, { coverage })
  // "/": 10 + 5 (rollup) + 3 (raw 10 Jan: v1, v5, v2) = 18 views; visitors 6 + 4 + 3 = 13. Before: 7.
  // "/pricing": 4 + 2 (10 Jan: v1, v5) + 2 (11 Jan New York: v6, v3) = 8; visitors 3 + 2 + 2 = 7.
  expect(report.pages).toEqual([
    { path: "/", views: 18, visitors: 13, previousViews: 7 },
    { path: "/pricing", views: 8, visitors: 7, previousViews: 0 },
    { path: "/docs", views: 1, visitors: 1, previousViews: 0 },
  ])
  // All page views: 14 + 5 + 5 + 3 = 27 (= 18 + 8 + 1); visitors 7 + 4 + 3 + 2 = 16. Before 7 and 5.
  expect(report.pageViews).toMatchObject({ current: 27, previous: 7, change: 20 })
  expect(report.visitors).toMatchObject({ current: 16, previous: 5 })
})

test("lists stop at the limit", async () => {
  const report = await trafficReport(range, previous, { coverage, limit: 1 })
  expect(report.pages.map((row) => row.path)).toEqual(["/"])
  expect(report.entryPages.map((row) => row.value)).toEqual(["/"])
  expect(report.referrers.map((row) => row.value)).toEqual(["(none)"])
})

test("an empty range has no rates, and one session alone is its own median", async () => {
  const empty = rangeOfDays("2025-06-01", "2025-06-07", ZONE)
  const none = await trafficReport(empty, previousPeriod(empty), { coverage })
  expect(none.sessions.current).toBe(0)
  expect(none.bounceRate.current).toBeNull()
  expect(none.averageDurationSeconds.current).toBeNull()
  expect(none.medianDurationSeconds.current).toBeNull()
  expect(none.pages).toEqual([])
  const one = rangeOfDays("2026-01-04", "2026-01-04", ZONE)
  const single = await trafficReport(one, previousPeriod(one), { coverage })
  expect(single.sessions.current).toBe(1)
  expect(single.medianDurationSeconds.current).toBe(90)
  expect(single.bounceRate.current).toBe(0)
})

test("once the session groups are counted by day, complete days come from them and the rest from sessions", async () => {
  // What the rollup counts for the complete days of the range (up to 9 Jan in New York): 6 Jan sA
  // and sB (a bounce), 7 Jan sC; plus a referrer only these rows have, to show they are what is read.
  const group = (day: string, kind: string, value: string, sessions: number, bounces: number, campaign = "") => ({
    day: new Date(day),
    kind,
    value,
    campaign,
    sessions,
    bounces,
  })
  await db.analyticsSessionGroup.createMany({
    data: [
      group("2026-01-06", "entry", "/", 2, 1),
      group("2026-01-06", "exit", "/pricing", 1, 0),
      group("2026-01-06", "exit", "/", 1, 1),
      group("2026-01-06", "referrer", "google.com", 1, 0),
      group("2026-01-06", "referrer", "", 1, 1),
      group("2026-01-07", "entry", "/pricing", 1, 0),
      group("2026-01-07", "exit", "/pricing", 1, 0),
      group("2026-01-07", "referrer", "news.example", 1, 0),
      group("2026-01-07", "campaign", "newsletter", 1, 0, "launch"),
      group("2026-01-08", "referrer", "only.in.rollup", 1, 0),
    ],
  })
  // And by duration bucket (bucketOf: as width_bucket over the bounds): sB 0 s, a bounce; sA 120 s; sC 60 s.
  const durations = (day: string, seconds: number, bounces: number) => {
    const us = BigInt(seconds * 1_000_000)
    return {
      day: new Date(day),
      bucket: bucketOf(seconds * 1_000_000),
      sessions: 1,
      bounces,
      totalUs: us,
      minUs: us,
      maxUs: us,
    }
  }
  await db.analyticsSessionDuration.createMany({
    data: [durations("2026-01-06", 0, 1), durations("2026-01-06", 120, 0), durations("2026-01-07", 60, 0)],
  })
  await db.analyticsRollupState.create({
    data: { name: `session_groups@${ZONE}`, watermark: new Date("2026-01-10T17:00:00Z") },
  })
  try {
    const report = await trafficReport(range, previous, { coverage })
    // The totals of the first test, sessions of complete days now counted from their buckets.
    expect([
      report.sessions.current,
      report.bounceRate.current,
      report.averageDurationSeconds.current,
      report.medianDurationSeconds.current,
    ]).toEqual([8, 0.5, 75, 30])
    // As above (10 Jan on from sessions: s1, s5, then raw s2, s6, s3), with the extra referrer.
    expect(report.entryPages).toEqual(ENTRY_PAGES)
    expect(report.exitPages).toEqual(EXIT_PAGES)
    expect(report.referrers.map((row) => [row.value, row.sessions])).toEqual([
      ["(none)", 4],
      ["google.com", 3],
      ["news.example", 1],
      ["only.in.rollup", 1],
    ])
    expect(report.campaigns).toEqual(CAMPAIGNS)
  } finally {
    await db.analyticsSessionGroup.deleteMany()
    await db.analyticsSessionDuration.deleteMany()
    await db.analyticsRollupState.deleteMany({ where: { name: `session_groups@${ZONE}` } })
  }
})

test("a median inside a bucket of unequal durations reads that bucket's sessions, rolled and raw", async () => {
  // Rolled up until 20 Nov 2025 12:00 UTC (days up to 19 Nov in New York). Sessions of 17–18 Nov
  // lasting 0, 56, 58, 64 and 300 s, counted into buckets by the rollup's own code; and one of
  // 60 s from raw events on 20 Nov. 56, 58, 60 and 64 s share a bucket ([55.1 s, 65.5 s)).
  const zone = "America/New_York"
  const late = coverageAt(new Date("2025-11-20T12:00:00Z"), zone)
  const week = rangeOfDays("2025-11-16", "2025-11-22", zone)
  const bounce = { entry: "/", exit: "/", pageViews: 1, events: 1 }
  const read = { entry: "/", exit: "/docs", pageViews: 2, events: 2 }
  await db.analyticsSession.createMany({
    data: [
      session("n0", "2025-11-17T15:00:00Z", 0, bounce),
      session("n56", "2025-11-17T16:00:00Z", 56, read),
      session("n58", "2025-11-18T16:00:00Z", 58, read),
      session("n64", "2025-11-18T17:00:00Z", 64, read),
      session("n300", "2025-11-18T18:00:00Z", 300, read),
    ],
  })
  await insertRawEvents([
    { at: "2025-11-20T13:00:00Z", name: "page_view", visitorId: "vn", sessionId: "n60", path: "/" },
    { at: "2025-11-20T13:01:00Z", name: "page_view", visitorId: "vn", sessionId: "n60", path: "/docs" },
  ])
  await db.$transaction((tx) => syncSessionGroups(tx, zone, "2025-11-20T12:00:00.000000Z"))
  try {
    const buckets = await db.analyticsSessionDuration.findMany({
      where: { day: { gte: new Date("2025-11-16"), lte: new Date("2025-11-19") } },
      orderBy: [{ day: "asc" }, { bucket: "asc" }],
    })
    expect(
      buckets.map((b) => [b.day.toISOString().slice(0, 10), b.sessions, Number(b.minUs) / 1e6, Number(b.maxUs) / 1e6]),
    ).toEqual([
      ["2025-11-17", 1, 0, 0],
      ["2025-11-17", 1, 56, 56],
      ["2025-11-18", 2, 58, 64],
      ["2025-11-18", 1, 300, 300],
    ])
    const report = await trafficReport(week, previousPeriod(week), { coverage: late })
    // Sorted 0, 56, 58, 60, 64, 300: h = 5 × 0.5 = 2.5 → 58 + 0.5 × (60 − 58) = 59, both read from
    // the bucket of 56 … 64 (58 rolled, 60 raw). Mean (0 + 56 + 58 + 60 + 64 + 300) / 6 = 538 / 6.
    expect(report.sessions.current).toBe(6)
    expect(report.medianDurationSeconds.current).toBe(59)
    expect(report.averageDurationSeconds.current).toBeCloseTo(538 / 6, 9)
    expect(report.bounceRate.current).toBeCloseTo(1 / 6, 12)
  } finally {
    await db.analyticsSessionGroup.deleteMany()
    await db.analyticsSessionDuration.deleteMany()
    await db.analyticsRollupState.deleteMany({ where: { name: `session_groups@${zone}` } })
  }
})
