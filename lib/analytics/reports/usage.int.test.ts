import { beforeAll, expect, test } from "vitest"
import { coverageAt } from "@/lib/analytics/model/coverage"
import { db } from "@/lib/db"
import { previousPeriod, rangeOfDays } from "@/lib/utils/time-range"
import { featureUsageReport } from "./usage"
import { createUsers, insertRawEvents, subscriptionWithLedger } from "./usage-fixtures"

// Berlin in winter is UTC+1. The range is 5–11 Jan 2026; the period before, 29 Dec – 4 Jan.
// Rollups are complete until 10 Jan 12:00 UTC, so days up to 9 Jan come from rollup tables and
// events from 10 Jan 00:00 Berlin (9 Jan 23:00 UTC) on from raw events.
const ZONE = "Europe/Berlin"
const range = rangeOfDays("2026-01-05", "2026-01-11", ZONE)
const previous = previousPeriod(range)
const coverage = coverageAt(new Date("2026-01-10T12:00:00Z"), ZONE)
let A: string, B: string, C: string, D: string

beforeAll(async () => {
  ;[A, B, C, D] = (await createUsers(4)) as [string, string, string, string]
  await db.analyticsVisitorDay.createMany({
    data: [
      { day: new Date("2026-01-05"), visitorId: "v1", userId: A, events: 3, pageViews: 2 },
      { day: new Date("2026-01-05"), visitorId: "v2", userId: null, events: 1, pageViews: 1 },
      // A webhook's event for A: nobody was active because of it.
      { day: new Date("2026-01-05"), visitorId: `u:${A}`, userId: A, events: 1, pageViews: 0 },
      // A on two devices the same day is one person.
      { day: new Date("2026-01-06"), visitorId: "v1", userId: A, events: 2, pageViews: 1 },
      { day: new Date("2026-01-06"), visitorId: "v3", userId: A, events: 1, pageViews: 1 },
      { day: new Date("2026-01-09"), visitorId: "v2", userId: null, events: 1, pageViews: 1 },
      // A partial rollup row of 10 Jan (not complete yet): ignored, raw events count instead.
      { day: new Date("2026-01-10"), visitorId: "v9", userId: null, events: 1, pageViews: 1 },
      { day: new Date("2025-12-20"), visitorId: "v4", userId: null, events: 1, pageViews: 1 },
      { day: new Date("2025-12-30"), visitorId: "v2", userId: null, events: 1, pageViews: 1 },
    ],
  })
  // What the rollup counts from those visitor days (lib/analytics/rollups/recompute.ts): 5 Jan v2 + A (not u:A) = 2;
  // 6 Jan A on two devices = 1; 9 Jan v2; the partial 10 Jan v9; 20 Dec v4; 30 Dec v2.
  await db.analyticsDailyActives.createMany({
    data: [
      { day: new Date("2026-01-05"), actives: 2 },
      { day: new Date("2026-01-06"), actives: 1 },
      { day: new Date("2026-01-09"), actives: 1 },
      { day: new Date("2026-01-10"), actives: 1 },
      { day: new Date("2025-12-20"), actives: 1 },
      { day: new Date("2025-12-30"), actives: 1 },
    ],
  })
  // And the active days (lib/analytics/rollups/active-days.ts): u:A on 5 and 6 Jan, v2 on 30 Dec, 5 and 9 Jan, v4 on 20
  // Dec, the partial v9 on 10 Jan; each with the person's day before.
  const active = (person: string, day: string, previousDay: string | null) => ({
    person,
    day: new Date(day),
    previousDay: previousDay ? new Date(previousDay) : null,
  })
  await db.analyticsActiveDay.createMany({
    data: [
      active(`u:${A}`, "2026-01-05", null),
      active(`u:${A}`, "2026-01-06", "2026-01-05"),
      active("v2", "2025-12-30", null),
      active("v2", "2026-01-05", "2025-12-30"),
      active("v2", "2026-01-09", "2026-01-05"),
      active("v4", "2025-12-20", null),
      active("v9", "2026-01-10", null),
    ],
  })
  await db.analyticsDaily.createMany({
    data: [
      {
        day: new Date("2026-01-06"),
        name: "feature_used",
        dimension: "feature",
        value: "plan_changed",
        events: 2,
        visitors: 1,
      },
      {
        day: new Date("2026-01-07"),
        name: "feature_used",
        dimension: "feature",
        value: "credentials_revealed",
        events: 1,
        visitors: 1,
      },
      {
        day: new Date("2026-01-10"),
        name: "feature_used",
        dimension: "feature",
        value: "plan_changed",
        events: 5,
        visitors: 1,
      },
      {
        day: new Date("2026-01-02"),
        name: "feature_used",
        dimension: "feature",
        value: "billing_portal_opened",
        events: 1,
        visitors: 1,
      },
    ],
  })
  await insertRawEvents([
    // Raw copies of rolled-up days (kept until retention): not counted twice.
    {
      at: "2026-01-06T10:00:00Z",
      name: "feature_used",
      visitorId: "v1",
      userId: A,
      props: { feature: "plan_changed" },
    },
    {
      at: "2026-01-06T10:05:00Z",
      name: "feature_used",
      visitorId: "v1",
      userId: A,
      props: { feature: "plan_changed" },
    },
    {
      at: "2026-01-07T09:00:00Z",
      name: "feature_used",
      visitorId: "vb",
      userId: B,
      props: { feature: "credentials_revealed" },
    },
    { at: "2026-01-09T22:30:00Z", name: "page_view", visitorId: "v2", path: "/" },
    {
      at: "2026-01-02T09:00:00Z",
      name: "feature_used",
      visitorId: "v1",
      userId: A,
      props: { feature: "billing_portal_opened" },
    },
    // The tail: 9 Jan 23:30 UTC is 10 Jan 00:30 in Berlin.
    { at: "2026-01-09T23:30:00Z", name: "page_view", visitorId: "v5", path: "/pricing" },
    {
      at: "2026-01-10T08:00:00Z",
      name: "feature_used",
      visitorId: "v1",
      userId: A,
      props: { feature: "plan_changed" },
    },
    { at: "2026-01-11T08:00:00Z", name: "page_view", visitorId: "v1", userId: A, path: "/account" },
  ])
  // A: live throughout. B: new on 8 Jan. C: churned at the range's first instant (4 Jan 23:00 UTC),
  // so live only before. D: a subscription without a ledger row (never paid).
  await subscriptionWithLedger(A, [{ kind: "NEW", delta: 1000, at: "2025-12-01T00:00:00Z" }])
  await subscriptionWithLedger(B, [{ kind: "NEW", delta: 2000, at: "2026-01-08T12:00:00Z" }])
  await subscriptionWithLedger(C, [
    { kind: "NEW", delta: 1000, at: "2025-12-01T00:00:00Z" },
    { kind: "CHURN", delta: -1000, at: "2026-01-04T23:00:00Z" },
  ])
  await subscriptionWithLedger(D, [])
})

test("events per feature: rolled-up days plus the raw tail, never a partial rollup day", async () => {
  const report = await featureUsageReport(range, previous, { coverage })
  const byFeature = new Map(report.features.map((row) => [row.feature, row]))
  // plan_changed: 2 (rollup, 6 Jan) + 1 (raw, 10 Jan) = 3; the rollup's partial 10 Jan row (5) is not read.
  expect(byFeature.get("plan_changed")!.events).toEqual({ current: 3, previous: 0, change: 3, relativeChange: null })
  expect(byFeature.get("credentials_revealed")!.events.current).toBe(1)
  // 1 before, 0 now: −1, −100 %
  expect(byFeature.get("billing_portal_opened")!.events).toEqual({
    current: 0,
    previous: 1,
    change: -1,
    relativeChange: -1,
  })
  // Every portal feature is listed, used or not; the most used first.
  expect(report.features.map((row) => row.feature)).toEqual([
    "plan_changed",
    "credentials_revealed",
    "billing_portal_opened",
    "subscription_canceled",
    "subscription_resumed",
  ])
})

test("adoption is the share of subscribers live in the range who used the feature", async () => {
  const report = await featureUsageReport(range, previous, { coverage })
  const byFeature = new Map(report.features.map((row) => [row.feature, row]))
  // Live now: A and B (C churned at the first instant, D never paid) = 2. Before: A and C = 2.
  expect(report.activeSubscribers).toMatchObject({ current: 2, previous: 2 })
  // plan_changed: A of {A, B} = 1/2. credentials_revealed: B = 1/2. billing portal: 0 now, A 1/2 before.
  expect(byFeature.get("plan_changed")!.adoption).toMatchObject({ current: 0.5, previous: 0 })
  expect(byFeature.get("credentials_revealed")!.adoption.current).toBe(0.5)
  expect(byFeature.get("billing_portal_opened")!.adoption).toMatchObject({ current: 0, previous: 0.5, change: -0.5 })
})

test("DAU, WAU, MAU and stickiness over visitor-days, across the time-zone boundary", async () => {
  const report = await featureUsageReport(range, previous, { coverage })
  // Daily people: 5 Jan {A, v2} = 2 (A's webhook row is no one); 6 Jan {A} = 1 (two devices);
  // 7, 8 Jan 0; 9 Jan {v2} = 1 (its raw page view at 23:30 Berlin is a rolled-up day: not again);
  // 10 Jan {v5 (raw, 00:30 Berlin), A (raw feature use)} = 2; 11 Jan {A} = 1. Sum 7 over 7 days.
  expect(report.daily).toEqual([
    { day: "2026-01-05", actives: 2 },
    { day: "2026-01-06", actives: 1 },
    { day: "2026-01-07", actives: 0 },
    { day: "2026-01-08", actives: 0 },
    { day: "2026-01-09", actives: 1 },
    { day: "2026-01-10", actives: 2 },
    { day: "2026-01-11", actives: 1 },
  ])
  expect(report.dau.current).toBe(1)
  // WAU (5–11 Jan): A, v2, v5 = 3. MAU (13 Dec – 11 Jan): A, v2, v5, v4 = 4.
  expect(report.wau.current).toBe(3)
  expect(report.mau.current).toBe(4)
  // Stickiness: the 30 days hold 7 + 1 (v4, 20 Dec) + 1 (v2, 30 Dec) = 9 person-days → DAU 9/30;
  // 9/30 / 4 = 3/40.
  expect(report.stickiness.current).toBeCloseTo(3 / 40, 12)
  // Before (29 Dec – 4 Jan): v2 on 30 Dec → DAU 1/7, WAU 1; MAU (6 Dec – 4 Jan): v4, v2 = 2;
  // stickiness 2/30 / 2 = 1/30.
  expect(report.dau.previous).toBeCloseTo(1 / 7, 12)
  expect(report.wau.previous).toBe(1)
  expect(report.mau.previous).toBe(2)
  expect(report.stickiness.previous).toBeCloseTo(1 / 30, 12)
})

test("an empty range: zeros, and no share or stickiness of nothing", async () => {
  const empty = rangeOfDays("2024-03-01", "2024-03-07", ZONE)
  const report = await featureUsageReport(empty, previousPeriod(empty), { coverage })
  expect(report.dau).toMatchObject({ current: 0, previous: 0 })
  expect(report.mau.current).toBe(0)
  expect(report.stickiness.current).toBeNull()
  expect(report.activeSubscribers.current).toBe(0)
  expect(report.features.every((row) => row.events.current === 0 && row.adoption.current === null)).toBe(true)
})

test("one event, with rollups that never ran: read from raw events alone", async () => {
  const single = rangeOfDays("2026-02-02", "2026-02-02", ZONE)
  await insertRawEvents([
    {
      at: "2026-02-02T10:00:00Z",
      name: "feature_used",
      visitorId: "v7",
      userId: A,
      props: { feature: "subscription_resumed" },
    },
  ])
  const report = await featureUsageReport(single, previousPeriod(single), { coverage: coverageAt(null, ZONE) })
  expect(report.features.find((row) => row.feature === "subscription_resumed")!.events.current).toBe(1)
  // One person on the one day: DAU 1/1. MAU (4 Jan – 2 Feb), all from raw events now: A (6, 10,
  // 11 Jan, 2 Feb), B (7 Jan), v2 (9 Jan, 23:30 Berlin), v5 (10 Jan, 00:30 Berlin) = 4 people.
  // Person-days: 6 Jan A, 7 Jan B, 9 Jan v2, 10 Jan v5 and A, 11 Jan A, 2 Feb A = 7 → 7/30 / 4 = 7/120.
  expect(report.mau.current).toBe(4)
  expect(report.stickiness.current).toBeCloseTo(7 / 120, 12)
  expect(report.dau.current).toBe(1)
  expect(report.daily).toEqual([{ day: "2026-02-02", actives: 1 }])
})
