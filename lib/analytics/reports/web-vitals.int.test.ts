import { beforeAll, expect, test } from "vitest"
import { deleteRollups, runRollups } from "@/lib/analytics/rollups"
import { db } from "@/lib/db"
import { insertRawEvents, type RawEvent } from "./usage-fixtures"
import { webVitalsP75ByPage, webVitalsReport } from "./web-vitals"
import { percentile } from "./web-vitals-math"

const period = { from: new Date("2026-05-01T00:00:00Z"), to: new Date("2026-05-02T00:00:00Z") }
// Raw events are kept 90 days: "now" is shortly after the period.
const now = new Date("2026-05-10T00:00:00Z")
const vital = (path: string, metric: string, value: number | string, at = "2026-05-01T12:00:00Z"): RawEvent => ({
  at,
  name: "web_vital",
  visitorId: "v",
  path,
  props: { metric, value, rating: "good" },
})

beforeAll(async () => {
  await insertRawEvents([
    ...[1000, 2000, 3000, 4000].map((value) => vital("/", "LCP", value)),
    ...[0.3, 0, 0.05].map((value) => vital("/", "CLS", value)),
    vital("/pricing", "INP", 100),
    vital("/pricing", "LCP", 5000),
    // Not vitals we report, or not a number: left out.
    vital("/", "TTFB", 80),
    vital("/", "LCP", "fast"),
    // Outside [from, to): a second before, and at `to` itself.
    vital("/", "LCP", 99_999, "2026-04-30T23:59:59Z"),
    vital("/", "LCP", 99_999, "2026-05-02T00:00:00Z"),
  ])
})

test("p50, p75 and p95 per page and metric, interpolated; a page is rated by its p75", async () => {
  const report = await webVitalsReport(period, { now })
  const home = report.pages.find((page) => page.path === "/")!
  // LCP of "/": 1000, 2000, 3000, 4000. p50 h = 1.5 → 2500; p75 h = 2.25 → 3250; p95 h = 2.85 → 3850.
  expect(home.LCP).toEqual({
    samples: 4,
    p50: 2500,
    p75: 3250,
    p95: expect.closeTo(3850, 9),
    rating: "needs-improvement",
  })
  // The same definition as the pure function the dashboard's maths is tested with.
  expect(home.LCP!.p95).toBeCloseTo(percentile([1000, 2000, 3000, 4000], 0.95)!, 9)
  // CLS of "/": 0, 0.05, 0.3. p50 = 0.05; p75 h = 1.5 → 0.175; p95 h = 1.9 → 0.05 + 0.9 × 0.25 = 0.275.
  expect(home.CLS!.p50).toBeCloseTo(0.05, 12)
  expect(home.CLS!.p75).toBeCloseTo(0.175, 12)
  expect(home.CLS!.p95).toBeCloseTo(0.275, 12)
  expect(home.CLS!.rating).toBe("needs-improvement")
  expect(home.INP).toBeUndefined()
  expect(home.samples).toBe(7)
  // One sample is every percentile.
  expect(report.pages.find((page) => page.path === "/pricing")).toEqual({
    path: "/pricing",
    samples: 2,
    INP: { samples: 1, p50: 100, p75: 100, p95: 100, rating: "good" },
    LCP: { samples: 1, p50: 5000, p75: 5000, p95: 5000, rating: "poor" },
  })
})

test("all pages together, and pages with most samples first", async () => {
  const report = await webVitalsReport(period, { now })
  // LCP everywhere: 1000 … 5000. p50 h = 2 → 3000; p75 h = 3 → 4000 (the threshold: still needs improvement); p95 h = 3.8 → 4800.
  expect(report.overall.LCP).toEqual({
    samples: 5,
    p50: 3000,
    p75: 4000,
    p95: expect.closeTo(4800, 9),
    rating: "needs-improvement",
  })
  expect(report.pages.map((page) => page.path)).toEqual(["/", "/pricing"])
  const limited = await webVitalsReport(period, { limit: 1, now })
  expect(limited.pages.map((page) => page.path)).toEqual(["/"])
  expect(limited.overall.LCP?.samples).toBe(5)
})

test("the operations panel's p75 per page; nothing in an empty period", async () => {
  expect(await webVitalsP75ByPage(period, { now })).toEqual([
    { path: "/", samples: 7, lcp: 3250, inp: null, cls: expect.closeTo(0.175, 12) },
    { path: "/pricing", samples: 2, lcp: 5000, inp: 100, cls: null },
  ])
  const empty = await webVitalsReport(
    { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-02T00:00:00Z") },
    { now },
  )
  expect(empty).toEqual({ overall: {}, pages: [], keptFrom: null })
})

test("vitals older than the raw retention are not read, and the report says from when it counts", async () => {
  // 1 May is more than 90 days before 1 Sep: nothing of the period is kept.
  const report = await webVitalsReport(period, { now: new Date("2026-09-01T00:00:00Z") })
  expect(report.pages).toEqual([])
  expect(report.keptFrom!.getTime()).toBeGreaterThan(period.to.getTime())
})

test("once rolled up, vitals are read from their typed copies, and those received since from raw events", async () => {
  const before = await webVitalsReport(period, { now })
  // Rolling up copies every vital of the report (not TTFB, not "fast") and nothing else changes.
  await runRollups({ settleSeconds: 0, timeZone: "UTC" })
  expect(await db.analyticsWebVital.count({ where: { at: { gte: period.from, lt: period.to } } })).toBe(4 + 3 + 1 + 1)
  expect(await webVitalsReport(period, { now })).toEqual(before)
  // A vital received after the watermark joins from raw events: LCP of "/pricing" 5000 and 7000 → p50 6000.
  await insertRawEvents([vital("/pricing", "LCP", 7000)])
  const after = await webVitalsReport(period, { now })
  expect(after.pages.find((page) => page.path === "/pricing")!.LCP).toMatchObject({ samples: 2, p50: 6000 })
  // And once rolled up, from the copy: the same.
  await runRollups({ settleSeconds: 0, timeZone: "UTC" })
  expect(await webVitalsReport(period, { now })).toEqual(after)
  await db.analyticsEvent.deleteMany({ where: { path: "/pricing", props: { path: ["value"], equals: 7000 } } })
  await deleteRollups()
})
