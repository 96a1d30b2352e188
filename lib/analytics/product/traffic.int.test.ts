import { beforeAll, expect, test } from "vitest"
import { coverageAt } from "@/lib/analytics/rollups"
import { db } from "@/lib/db"
import { previousPeriod, rangeOfDays } from "./range"
import { trafficReport } from "./traffic"
import { insertRawEvents } from "./usage-fixtures"

// New York in winter is UTC−5: the range 5–11 Jan 2026 runs from 5 Jan 05:00 UTC to 12 Jan 05:00
// UTC. Rollups are complete until 10 Jan 17:00 UTC: days up to 9 Jan and sessions that started
// before 17:00 UTC come from rollup tables; later events from raw events.
const ZONE = "America/New_York"
const range = rangeOfDays("2026-01-05", "2026-01-11", ZONE)
const previous = previousPeriod(range)
const coverage = coverageAt(new Date("2026-01-10T17:00:00Z"), ZONE)

const session = (id: string, startedAt: string, seconds: number, fields: { entry: string | null; exit: string | null; pageViews: number; events: number; referrer?: string; utmSource?: string; utmCampaign?: string }) => ({
  sessionId: id, visitorId: `v-${id}`, startedAt: new Date(startedAt), endedAt: new Date(Date.parse(startedAt) + seconds * 1000),
  entryPath: fields.entry, exitPath: fields.exit, pageViews: fields.pageViews, events: fields.events,
  referrer: fields.referrer ?? null, utmSource: fields.utmSource ?? null, utmCampaign: fields.utmCampaign ?? null,
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
      session("sA", "2026-01-06T15:00:00Z", 120, { entry: "/", exit: "/pricing", pageViews: 2, events: 3, referrer: "google.com" }),
      session("sB", "2026-01-06T16:00:00Z", 0, { entry: "/", exit: "/", pageViews: 1, events: 1 }),
      // One page but a click on it: not a bounce.
      session("sC", "2026-01-07T10:00:00Z", 60, { entry: "/pricing", exit: "/pricing", pageViews: 1, events: 2, referrer: "news.example", utmSource: "newsletter", utmCampaign: "launch" }),
      session("s1", "2026-01-10T06:00:00Z", 120, { entry: "/", exit: "/pricing", pageViews: 2, events: 3, referrer: "google.com" }),
      // Rolled up before its second page view arrived (17:10, after the watermark): counted once, from the table.
      session("s5", "2026-01-10T16:50:00Z", 0, { entry: "/", exit: "/", pageViews: 1, events: 1 }),
      // 4 Jan 12:00 UTC is 4 Jan in New York: the period before.
      session("s0", "2026-01-04T12:00:00Z", 90, { entry: "/", exit: "/docs", pageViews: 3, events: 3 }),
      session("sP", "2025-12-30T12:00:00Z", 0, { entry: "/", exit: "/", pageViews: 1, events: 1 }),
    ],
  })
  await insertRawEvents([
    { at: "2026-01-10T06:00:00Z", name: "page_view", visitorId: "v1", sessionId: "s1", path: "/", referrer: "google.com" },
    { at: "2026-01-10T06:01:00Z", name: "page_view", visitorId: "v1", sessionId: "s1", path: "/pricing" },
    { at: "2026-01-10T06:02:00Z", name: "checkout_started", visitorId: "v1", sessionId: "s1", path: "/pricing" },
    { at: "2026-01-10T16:50:00Z", name: "page_view", visitorId: "v5", sessionId: "s5", path: "/" },
    { at: "2026-01-10T17:10:00Z", name: "page_view", visitorId: "v5", sessionId: "s5", path: "/pricing" },
    { at: "2026-01-10T18:00:00Z", name: "page_view", visitorId: "v2", sessionId: "s2", path: "/" },
    { at: "2026-01-11T12:00:00Z", name: "page_view", visitorId: "v6", sessionId: "s6", path: "/docs", referrer: "google.com", utmSource: "ads", utmCampaign: "winter" },
    { at: "2026-01-11T12:05:00Z", name: "page_view", visitorId: "v6", sessionId: "s6", path: "/pricing", utmSource: "ads", utmCampaign: "winter" },
    // 12 Jan 04:30 UTC is 11 Jan 23:30 in New York: inside the range. 05:30 UTC is not.
    { at: "2026-01-12T04:30:00Z", name: "page_view", visitorId: "v3", sessionId: "s3", path: "/pricing" },
    { at: "2026-01-12T05:30:00Z", name: "page_view", visitorId: "v4", sessionId: "s4", path: "/" },
    // A web vital has no session: it changes no session figure.
    { at: "2026-01-10T18:00:30Z", name: "web_vital", visitorId: "v2", path: "/", props: { metric: "LCP", value: 1200, rating: "good" } },
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
  expect(report.referrers.map((row) => [row.value, row.sessions])).toEqual([["(none)", 4], ["google.com", 3], ["news.example", 1]])
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
  const group = (day: string, kind: string, value: string, sessions: number, bounces: number, campaign = "") => ({ day: new Date(day), kind, value, campaign, sessions, bounces })
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
  await db.analyticsRollupState.create({ data: { name: `session_groups@${ZONE}`, watermark: new Date("2026-01-10T17:00:00Z") } })
  try {
    const report = await trafficReport(range, previous, { coverage })
    // As above (10 Jan on from sessions: s1, s5, then raw s2, s6, s3), with the extra referrer.
    expect(report.entryPages).toEqual(ENTRY_PAGES)
    expect(report.exitPages).toEqual(EXIT_PAGES)
    expect(report.referrers.map((row) => [row.value, row.sessions])).toEqual([["(none)", 4], ["google.com", 3], ["news.example", 1], ["only.in.rollup", 1]])
    expect(report.campaigns).toEqual(CAMPAIGNS)
  } finally {
    await db.analyticsSessionGroup.deleteMany()
    await db.analyticsRollupState.deleteMany({ where: { name: `session_groups@${ZONE}` } })
  }
})
