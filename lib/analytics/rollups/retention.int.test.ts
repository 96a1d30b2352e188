import { beforeEach, expect, test } from "vitest"
import type { Prisma } from "@/generated/prisma/client"
import { countMonthCells } from "@/lib/analytics/funnels/kept-cells"
import { rawCutoff } from "@/lib/analytics/model/raw-events"
import { db } from "@/lib/db"
import { applyAnalyticsRetention, deleteRollups, ROLLUP_RETENTION_DAYS, runRollups } from "."

const DAY = 86_400_000
const now = new Date()
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY)
const view = (atTime: Date, visitorId: string): Prisma.AnalyticsEventCreateManyInput => ({
  at: atTime,
  name: "page_view",
  visitorId,
  path: "/",
  sessionId: `s-${visitorId}`,
})
const roll = () => runRollups({ settleSeconds: 0, timeZone: "UTC" })
const retention = () => applyAnalyticsRetention({ now, rawDays: 90, timeZone: "UTC" })

beforeEach(async () => {
  await db.analyticsEvent.deleteMany()
  await deleteRollups()
})

test("raw events go only once rolled up; their rollups stay, and a late event cannot shrink them", async () => {
  await db.analyticsEvent.createMany({
    data: [view(daysAgo(100), "old-a"), view(daysAgo(100), "old-b"), view(daysAgo(1), "recent")],
  })
  // Nothing rolled yet: nothing is deleted.
  expect(await retention()).toMatchObject({ rawDeferred: true, rawEvents: 0 })
  expect(await db.analyticsEvent.count()).toBe(3)

  await roll()
  // An old event arriving after the run is not rolled up: the old rows wait for it.
  await db.analyticsEvent.create({ data: view(daysAgo(100), "old-c") })
  expect(await retention()).toMatchObject({ rawDeferred: true, rawEvents: 0 })

  await roll()
  const oldHour = new Date(Math.floor(daysAgo(100).getTime() / 3_600_000) * 3_600_000)
  expect(
    await db.analyticsHourly.findUniqueOrThrow({
      where: { hour_name_dimension_value: { hour: oldHour, name: "page_view", dimension: "", value: "" } },
    }),
  ).toMatchObject({ events: 3, visitors: 3 })
  const report = await retention()
  expect(report).toMatchObject({
    rawDeferred: false,
    rawEvents: 3,
    rawDeletedBefore: rawCutoff(now, 90, "UTC").toISOString(),
  })
  expect((await db.analyticsEvent.findMany({ select: { visitorId: true } })).map((e) => e.visitorId)).toEqual([
    "recent",
  ])

  // A straggler for the deleted hour: the hour's rows, day and session are not recomputed from it...
  await db.analyticsEvent.create({ data: view(daysAgo(100), "old-d") })
  expect(await roll()).toMatchObject({ events: 1, hours: 0, days: 0, visitorDays: 0, sessions: 0 })
  expect(
    await db.analyticsHourly.findUniqueOrThrow({
      where: { hour_name_dimension_value: { hour: oldHour, name: "page_view", dimension: "", value: "" } },
    }),
  ).toMatchObject({ events: 3, visitors: 3 })
  expect(await db.analyticsSession.count()).toBe(4)
  // Funnel entries of the deleted days stay as they were (the default funnel enters on "/"): old-d's
  // day began before the horizon, so it is not recomputed from what is left.
  const oldDay = new Date(`${daysAgo(100).toISOString().slice(0, 10)}T00:00:00Z`)
  const oldEntries = await db.analyticsFunnelEntry.findMany({
    where: { entryDay: oldDay },
    select: { person: true },
    orderBy: { person: "asc" },
  })
  expect(oldEntries.map((entry) => entry.person)).toEqual(["v:old-a", "v:old-b", "v:old-c"])
  // ...and it goes with the next retention run.
  expect(await retention()).toMatchObject({ rawEvents: 1 })
  expect(await db.analyticsEvent.count()).toBe(1)
})

test("rollup rows are kept 400 (hourly), 1500 (daily) and 800 days (visitor days, sessions, funnel entries)", async () => {
  const hour = (days: number) => new Date(Math.floor(daysAgo(days).getTime() / 3_600_000) * 3_600_000)
  const day = (days: number) => new Date(`${daysAgo(days).toISOString().slice(0, 10)}T00:00:00Z`)
  const counts = { name: "page_view", dimension: "", value: "", events: 1, visitors: 1 }
  await db.analyticsHourly.createMany({
    data: [
      { ...counts, hour: hour(ROLLUP_RETENTION_DAYS.hourly + 1) },
      { ...counts, hour: hour(ROLLUP_RETENTION_DAYS.hourly - 1) },
    ],
  })
  await db.analyticsDaily.createMany({
    data: [
      { ...counts, day: day(ROLLUP_RETENTION_DAYS.daily + 1) },
      { ...counts, day: day(ROLLUP_RETENTION_DAYS.daily - 1) },
    ],
  })
  const visitorDay = { visitorId: "v", events: 1, pageViews: 1 }
  await db.analyticsVisitorDay.createMany({
    data: [
      { ...visitorDay, day: day(801) },
      { ...visitorDay, day: day(799) },
    ],
  })
  await db.analyticsActiveDay.createMany({
    data: [
      { person: "v", day: day(801) },
      { person: "v", day: day(799), previousDay: day(801) },
    ],
  })
  const session = { visitorId: "v", pageViews: 1, events: 1 }
  await db.analyticsSession.createMany({
    data: [
      { ...session, sessionId: "old", startedAt: daysAgo(801), endedAt: daysAgo(801) },
      { ...session, sessionId: "kept", startedAt: daysAgo(799), endedAt: daysAgo(799) },
    ],
  })
  const group = { kind: "entry", value: "/", campaign: "", sessions: 1, bounces: 0 }
  await db.analyticsSessionGroup.createMany({
    data: [
      { ...group, day: day(802) },
      { ...group, day: day(799) },
    ],
  })
  const durations = { bucket: 0, sessions: 1, bounces: 1, totalUs: 0n, minUs: 0n, maxUs: 0n }
  await db.analyticsSessionDuration.createMany({
    data: [
      { ...durations, day: day(802) },
      { ...durations, day: day(799) },
    ],
  })
  const entry = { funnel: "default", person: "v:v", t0: daysAgo(799) }
  await db.analyticsFunnelEntry.createMany({
    data: [
      { ...entry, entryDay: day(801) },
      { ...entry, entryDay: day(799) },
    ],
  })
  expect(await retention()).toMatchObject({
    rawEvents: 0,
    hourly: 1,
    daily: 1,
    visitorDays: 1,
    sessions: 1,
    funnelEntries: 1,
  })
  expect([
    await db.analyticsHourly.count(),
    await db.analyticsDaily.count(),
    await db.analyticsVisitorDay.count(),
    await db.analyticsSession.count(),
    await db.analyticsFunnelEntry.count(),
  ]).toEqual([1, 1, 1, 1, 1])
  expect(await retention()).toMatchObject({ hourly: 0, daily: 0, visitorDays: 0, sessions: 0, funnelEntries: 0 })
  // Active days go with the visitor days; the one left keeps naming its day before.
  expect((await db.analyticsActiveDay.findMany()).map((row) => [row.day, row.previousDay])).toEqual([
    [day(799), day(801)],
  ])
  // Session groups and durations go by day once every session of the day is gone: 802 days back, not 799.
  expect((await db.analyticsSessionGroup.findMany()).map((row) => row.day)).toEqual([day(799)])
  expect((await db.analyticsSessionDuration.findMany()).map((row) => row.day)).toEqual([day(799)])
  // Funnel cells go with their entries' days; month cells before the cutoff's month go, and the
  // cutoff's month is summed again from the day cells left: 799 days back alone.
  const monthOf = (date: Date) => new Date(`${date.toISOString().slice(0, 7)}-01T00:00:00Z`)
  const cell = {
    funnel: "default",
    breakdown: "",
    segment: "",
    step: 0,
    bucket: 0,
    people: 1,
    totalUs: 0n,
    minUs: 0n,
    maxUs: 0n,
  }
  await db.analyticsFunnelCell.createMany({
    data: [
      { ...cell, entryDay: day(801) },
      { ...cell, entryDay: day(799) },
    ],
  })
  await db.$transaction((tx) => countMonthCells(tx, "default", null))
  await retention()
  expect((await db.analyticsFunnelCell.findMany()).map((row) => row.entryDay)).toEqual([day(799)])
  expect((await db.analyticsFunnelMonthCell.findMany()).map((row) => [row.month, row.people])).toEqual([
    [monthOf(day(799)), 1],
  ])
})
