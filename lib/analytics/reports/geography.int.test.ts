import { beforeAll, expect, test } from "vitest"
import { coverageAt } from "@/lib/analytics/model/coverage"
import { db } from "@/lib/db"
import { currentMrrCents } from "@/lib/revenue/queries"
import { previousPeriod, rangeOfDays } from "@/lib/utils/time-range"
import { geographyReport } from "./geography"
import { createUsers, insertRawEvents, subscriptionWithLedger } from "./usage-fixtures"

// Tokyo is UTC+9 all year. The range is Mon 2 – Sun 15 March 2026 (two weeks), from 1 Mar 15:00
// UTC to 15 Mar 15:00 UTC; before it, 16 Feb – 1 Mar. Rollups are complete until 14 Mar 12:00 UTC
// (21:00 in Tokyo): days up to 13 Mar from rollups, raw events from 13 Mar 15:00 UTC on.
const ZONE = "Asia/Tokyo"
const range = rangeOfDays("2026-03-02", "2026-03-15", ZONE)
const previous = previousPeriod(range)
const coverage = coverageAt(new Date("2026-03-14T12:00:00Z"), ZONE)
const now = new Date("2026-04-01T00:00:00Z")
let P1: string, P2: string, P3: string, P4: string, Q: string, R: string

const daily = (day: string, country: string, visitors: number) => ({
  day: new Date(day),
  name: "page_view",
  dimension: "country",
  value: country,
  events: visitors * 2,
  visitors,
})
const visitorDay = (day: string, userId: string, country: string, events: number) => ({
  day: new Date(day),
  visitorId: `v-${userId}-${day}-${country}`,
  userId,
  country,
  events,
  pageViews: events,
})

beforeAll(async () => {
  ;[P1, P2, P3, P4, Q, R] = (await createUsers(6)) as [string, string, string, string, string, string]
  await db.analyticsDaily.createMany({
    data: [
      daily("2026-03-02", "DE", 10),
      daily("2026-03-02", "US", 5),
      daily("2026-03-02", "(none)", 1),
      daily("2026-03-09", "DE", 4),
      daily("2026-03-09", "FR", 6),
      daily("2026-03-14", "DE", 100),
      daily("2026-02-20", "DE", 8),
    ],
  })
  await db.analyticsVisitorDay.createMany({
    // P1: DE 5 events, FR 3 → DE. P2: US 2 (and GB 1 raw, below) → US. P4: DE. Q: FR 1 (and AT 1 raw). R: JP. P3: none.
    data: [
      visitorDay("2026-03-01", P1, "DE", 5),
      visitorDay("2026-03-03", P1, "FR", 3),
      visitorDay("2026-03-04", P2, "US", 2),
      visitorDay("2026-02-10", P4, "DE", 1),
      visitorDay("2026-01-10", Q, "FR", 1),
      visitorDay("2026-01-11", R, "JP", 4),
    ],
  })
  await insertRawEvents([
    // Tail: 14 Mar 00:00 UTC is 14 Mar 09:00 in Tokyo; v1 twice is one visitor of the day.
    { at: "2026-03-14T00:00:00Z", name: "page_view", visitorId: "v1", country: "DE", path: "/" },
    { at: "2026-03-14T00:05:00Z", name: "page_view", visitorId: "v1", country: "DE", path: "/pricing" },
    { at: "2026-03-14T01:00:00Z", name: "page_view", visitorId: "v2", country: "DE", path: "/" },
    // 15 Mar 14:30 UTC is 23:30 in Tokyo (inside); 15:30 UTC is 16 Mar there (outside).
    { at: "2026-03-15T14:30:00Z", name: "page_view", visitorId: "v3", country: "JP", path: "/" },
    { at: "2026-03-15T15:30:00Z", name: "page_view", visitorId: "v4", country: "JP", path: "/" },
    // Not a page view: a country for P2, but no visitor of the report.
    {
      at: "2026-03-14T02:00:00Z",
      name: "feature_used",
      visitorId: "vp2",
      userId: P2,
      country: "GB",
      props: { feature: "plan_changed" },
    },
    // Q: AT once against FR once, a tie: the first code alphabetically, AT.
    {
      at: "2026-03-14T04:00:00Z",
      name: "feature_used",
      visitorId: "vq",
      userId: Q,
      country: "AT",
      props: { feature: "plan_changed" },
    },
    // Payments: server events, no country. P1 twice is one payer.
    { at: "2026-03-05T10:00:00Z", name: "order_paid", visitorId: `u:${P1}`, userId: P1 },
    { at: "2026-03-12T10:00:00Z", name: "order_paid", visitorId: `u:${P1}`, userId: P1 },
    { at: "2026-03-10T10:00:00Z", name: "order_paid", visitorId: `u:${P2}`, userId: P2 },
    { at: "2026-03-14T03:00:00Z", name: "order_paid", visitorId: `u:${P3}`, userId: P3 },
    { at: "2026-02-20T10:00:00Z", name: "order_paid", visitorId: `u:${P4}`, userId: P4 },
  ])
  await subscriptionWithLedger(P1, [{ kind: "NEW", delta: 1000, at: "2026-01-01T00:00:00Z" }])
  // 19900 / 12 = 1658.33 → 1658 (the ledger's annual rounding)
  await subscriptionWithLedger(P2, [{ kind: "NEW", delta: 1658, at: "2026-03-10T10:00:00Z" }])
  // Q churns after the range: live at its end.
  await subscriptionWithLedger(Q, [
    { kind: "NEW", delta: 2000, at: "2026-01-01T00:00:00Z" },
    { kind: "CHURN", delta: -2000, at: "2026-03-20T00:00:00Z" },
  ])
  // R churns at the range's end instant exactly: still live on its last day.
  await subscriptionWithLedger(R, [
    { kind: "NEW", delta: 500, at: "2026-01-01T00:00:00Z" },
    { kind: "CHURN", delta: -500, at: "2026-03-15T15:00:00Z" },
  ])
})

test("visitors, conversion, subscribers and MRR per country", async () => {
  const report = await geographyReport(range, previous, { coverage, now })
  expect(report.countries).toEqual([
    // DE: 10 + 4 (rollup) + 2 (raw 14 Mar: v1, v2) = 16; before 8. P1 paid: 1/16. P1 subscribes: 1000.
    {
      country: "DE",
      region: "Europe",
      visitors: 16,
      previousVisitors: 8,
      payers: 1,
      conversionRate: 1 / 16,
      subscribers: 1,
      mrrCents: 1000,
    },
    {
      country: "FR",
      region: "Europe",
      visitors: 6,
      previousVisitors: 0,
      payers: 0,
      conversionRate: 0,
      subscribers: 0,
      mrrCents: 0,
    },
    // US: P2 paid, 1/5; GB once (raw) against US twice: P2 is in the US.
    {
      country: "US",
      region: "North America",
      visitors: 5,
      previousVisitors: 0,
      payers: 1,
      conversionRate: 0.2,
      subscribers: 1,
      mrrCents: 1658,
    },
    // JP and unknown both have 1 visitor: more MRR first. R's churn at `to` is after the range.
    {
      country: "JP",
      region: "Asia",
      visitors: 1,
      previousVisitors: 0,
      payers: 0,
      conversionRate: 0,
      subscribers: 1,
      mrrCents: 500,
    },
    // P3 paid but was never seen with a country.
    {
      country: "(none)",
      region: "Unknown",
      visitors: 1,
      previousVisitors: 0,
      payers: 1,
      conversionRate: 1,
      subscribers: 0,
      mrrCents: 0,
    },
    // Q's country by the tie-break: subscribers and MRR but no visitors, so no conversion rate.
    {
      country: "AT",
      region: "Europe",
      visitors: 0,
      previousVisitors: 0,
      payers: 0,
      conversionRate: null,
      subscribers: 1,
      mrrCents: 2000,
    },
  ])
  // 16 + 6 + 5 + 1 + 1 = 29 visitors, 3 payers (P1, P2, P3): 3/29. Before: 8 and P4: 1/8.
  expect(report.visitors).toMatchObject({ current: 29, previous: 8 })
  expect(report.payers).toMatchObject({ current: 3, previous: 1 })
  expect(report.conversionRate.current).toBeCloseTo(3 / 29, 12)
  expect(report.conversionRate.previous).toBe(1 / 8)
})

test("MRR by country adds up to the ledger's MRR at the end of the range", async () => {
  const report = await geographyReport(range, previous, { coverage, now })
  // 1000 + 1658 + 2000 + 500 = 5158
  expect(report.mrrCents).toBe(5158)
  expect(report.subscribers).toBe(4)
  expect(report.mrrAt).toEqual(range.to)
  expect(await currentMrrCents(db, new Date(range.to.getTime() - 1))).toBe(5158)
  // A range still running (now 15 Mar 10:00 UTC) takes MRR now; no churn has happened yet.
  const today = await geographyReport(range, previous, { coverage, now: new Date("2026-03-15T10:00:00Z") })
  expect(today.mrrAt).toEqual(new Date("2026-03-15T10:00:00Z"))
  expect(today.mrrCents).toBe(5158)
})

test("weekly visitors per continent, weeks starting Monday in the zone", async () => {
  const report = await geographyReport(range, previous, { coverage, now })
  expect(report.regionWeeks).toEqual([
    { week: "2026-03-02", region: "Europe", visitors: 10 },
    { week: "2026-03-02", region: "North America", visitors: 5 },
    { week: "2026-03-02", region: "Unknown", visitors: 1 },
    // 15 Mar (Sunday) belongs to the week of 9 Mar: JP's visitor at 23:30 Tokyo time.
    { week: "2026-03-09", region: "Asia", visitors: 1 },
    // 4 + 6 (rollup) + 2 (raw) = 12
    { week: "2026-03-09", region: "Europe", visitors: 12 },
  ])
})

test("an empty range", async () => {
  const empty = rangeOfDays("2025-05-01", "2025-05-07", ZONE)
  const report = await geographyReport(empty, previousPeriod(empty), { coverage, now })
  expect(report.countries).toEqual([])
  expect(report.conversionRate.current).toBeNull()
  expect(report.regionWeeks).toEqual([])
  expect(report.mrrCents).toBe(0)
})
