import { beforeEach, describe, expect, test } from "vitest"
import type { Prisma } from "@/generated/prisma/client"
import { rolledUntil } from "@/lib/analytics/model/coverage"
import { peopleRolledUp } from "@/lib/analytics/model/watermarks"
import { type CohortPeriod, countCohorts, firstSeenPeople } from "@/lib/analytics/reports/cohorts"
import { queryCohortCounts } from "@/lib/analytics/reports/cohorts-queries"
import { db } from "@/lib/db"
import { applyAnalyticsRetention, deleteRollups, resetRollupWatermarks, runRollups } from "."

// The people rollup (people.ts) against what the visitor days give, through sign-ins, late events,
// repeated runs, batch sizes, retention, resets and a change of zone. Weeks of March 2026 start on
// Mondays 2, 9, 16 and 23 March.

const roll = (extra: { batchEvents?: number; timeZone?: string } = {}) =>
  runRollups({ settleSeconds: 0, timeZone: "UTC", ...extra })

/** A consented page view at noon UTC of the day, or at the instant. */
const view = (
  day: string | Date,
  visitorId: string,
  extra: Partial<Prisma.AnalyticsEventCreateManyInput> = {},
): Prisma.AnalyticsEventCreateManyInput => ({
  at: typeof day === "string" ? new Date(`${day}T12:00:00Z`) : day,
  name: "page_view",
  visitorId,
  consented: true,
  ...extra,
})

async function insert(events: Prisma.AnalyticsEventCreateManyInput[]) {
  // One at a time: received_at follows the list, as it would follow arrival.
  for (const event of events) await db.analyticsEvent.create({ data: event })
}

const iso = (day: Date) => day.toISOString().slice(0, 10)

/** Each person's weeks: [person, week start, first day]. */
async function weeks() {
  const rows = await db.analyticsPersonPeriod.findMany({
    where: { kind: "week" },
    orderBy: [{ person: "asc" }, { start: "asc" }],
  })
  return rows.map((row) => [row.person, iso(row.start), iso(row.firstDay)])
}

/** Every row of the people rollup, in a fixed order. */
async function snapshot() {
  return {
    visitors: await db.analyticsPersonVisitor.findMany({ orderBy: { visitorId: "asc" } }),
    periods: await db.analyticsPersonPeriod.findMany({
      orderBy: [{ person: "asc" }, { kind: "asc" }, { start: "asc" }],
    }),
    cells: await db.analyticsFirstSeenCell.findMany({
      orderBy: [{ kind: "asc" }, { firstDay: "asc" }, { start: "asc" }],
    }),
  }
}

type Counts = Awaited<ReturnType<typeof queryCohortCounts>>
function sorted(counts: Counts): Counts {
  const key = (entry: { cohort: string; period?: string }) => `${entry.cohort}|${entry.period ?? ""}`
  return {
    sizes: [...counts.sizes].sort((a, b) => key(a).localeCompare(key(b))),
    activity: [...counts.activity].sort((a, b) => key(a).localeCompare(key(b))),
  }
}

/** The report's counts, read from the rollup, and checked against countCohorts() over the visitor days. */
async function cohorts(starts: string[], period: CohortPeriod = "week") {
  expect(await peopleRolledUp(db, "UTC")).toBe(true)
  const counts = sorted(await queryCohortCounts({ by: "first_seen", period, starts, timeZone: "UTC" }))
  const days = await db.analyticsVisitorDay.findMany()
  const reference = countCohorts(
    firstSeenPeople(
      days.map((row) => ({
        day: iso(row.day),
        visitorId: row.visitorId,
        userId: row.userId,
        consented: row.consented,
      })),
    ),
    starts,
    period,
  )
  expect(counts).toEqual(sorted(reference))
  return counts
}

beforeEach(async () => {
  await db.analyticsEvent.deleteMany()
  await deleteRollups()
})

describe("who is who", () => {
  test("a visitor who signs in weeks later becomes that user, first day and all", async () => {
    // k1 browses with consent on 2 and 10 March; an anonymous visitor (one day's id) does not count.
    await insert([view("2026-03-02", "k1"), view("2026-03-10", "k1"), view("2026-03-10", "anon", { consented: false })])
    expect(await roll()).toMatchObject({ people: 1 })
    expect(await weeks()).toEqual([
      ["v:k1", "2026-03-02", "2026-03-02"],
      ["v:k1", "2026-03-09", "2026-03-02"],
    ])

    // On 20 March k1 signs up as U1: the browser's event names the user, and the server records
    // the sign-up under u:U1. Both visitor ids are now U1, whose first day is k1's 2 March.
    await insert([
      view("2026-03-20", "k1", { userId: "U1" }),
      { at: new Date("2026-03-20T12:01:00Z"), name: "signed_up", visitorId: "u:U1", userId: "U1" },
    ])
    // Recomputed: v:k1 (before) and u:U1 (now).
    expect(await roll()).toMatchObject({ people: 2 })
    expect(await weeks()).toEqual([
      ["u:U1", "2026-03-02", "2026-03-02"],
      ["u:U1", "2026-03-09", "2026-03-02"],
      ["u:U1", "2026-03-16", "2026-03-02"],
    ])
    expect(
      (await db.analyticsPersonVisitor.findMany({ orderBy: { visitorId: "asc" } })).map((row) => [
        row.visitorId,
        row.person,
      ]),
    ).toEqual([
      ["k1", "u:U1"],
      ["u:U1", "u:U1"],
    ])
    // One person in the week of 2 March, active in it, the next and the one after.
    expect(await cohorts(["2026-03-02", "2026-03-09", "2026-03-16"])).toEqual({
      sizes: [{ cohort: "2026-03-02", people: 1 }],
      activity: [
        { cohort: "2026-03-02", period: "2026-03-02", people: 1 },
        { cohort: "2026-03-02", period: "2026-03-09", people: 1 },
        { cohort: "2026-03-02", period: "2026-03-16", people: 1 },
      ],
    })
    const incremental = await snapshot()
    await deleteRollups()
    await roll()
    expect(await snapshot()).toEqual(incremental)
  })

  test("a late event before someone's first day moves them to an earlier cohort", async () => {
    await insert([view("2026-03-10", "k2"), view("2026-03-17", "k2"), view("2026-03-11", "k3")])
    await roll()
    // k2 and k3 joined in the week of 9 March; k2 came back the week after.
    expect(await cohorts(["2026-03-02", "2026-03-09"])).toEqual({
      sizes: [{ cohort: "2026-03-09", people: 2 }],
      activity: [
        { cohort: "2026-03-09", period: "2026-03-09", people: 2 },
        { cohort: "2026-03-09", period: "2026-03-16", people: 1 },
      ],
    })

    // k2's view of 4 March arrives late: k2 now joined in the week of 2 March (active in it, and in
    // the weeks of 9 and 16 March); k3 alone stays in the week of 9 March.
    await insert([view("2026-03-04", "k2")])
    expect(await roll()).toMatchObject({ events: 1, visitorDays: 1, people: 1 })
    expect(await cohorts(["2026-03-02", "2026-03-09"])).toEqual({
      sizes: [
        { cohort: "2026-03-02", people: 1 },
        { cohort: "2026-03-09", people: 1 },
      ],
      activity: [
        { cohort: "2026-03-02", period: "2026-03-02", people: 1 },
        { cohort: "2026-03-02", period: "2026-03-09", people: 1 },
        { cohort: "2026-03-02", period: "2026-03-16", people: 1 },
        { cohort: "2026-03-09", period: "2026-03-09", people: 1 },
      ],
    })
    // Nothing is left counted under k2's old first day.
    expect(await db.analyticsFirstSeenCell.findMany({ where: { firstDay: new Date("2026-03-10T00:00:00Z") } })).toEqual(
      [],
    )
  })
})

describe("repeatable", () => {
  // Arrival order: U5's sign-in (on 12 March) comes before k5's earlier anonymous days, one of them
  // late (5 March); k6 is a consented visitor who never signs in.
  const EVENTS = [
    view("2026-03-12", "k5", { userId: "U5" }),
    { at: new Date("2026-03-12T12:05:00Z"), name: "signed_up", visitorId: "u:U5", userId: "U5" },
    view("2026-03-09", "k6"),
    view("2026-03-10", "k5"),
    view("2026-03-24", "u:U5", { consented: false, userId: "U5", name: "order_paid" }),
    view("2026-03-05", "k5"),
    view("2026-04-02", "k6"),
  ]

  test("a second run changes nothing", async () => {
    await insert(EVENTS)
    await roll()
    const first = await snapshot()
    expect(await roll()).toMatchObject({ events: 0, people: 0 })
    expect(await snapshot()).toEqual(first)
  })

  test("small batches end where one batch ends", async () => {
    await insert(EVENTS)
    const report = await roll({ batchEvents: 2 })
    expect(report.batches).toBeGreaterThan(2)
    const batched = await snapshot()
    await deleteRollups()
    expect((await roll()).batches).toBe(1)
    expect(await snapshot()).toEqual(batched)
    // U5 (k5 and u:U5) joined on 5 March; k6 on 9 March, back in April.
    expect(await weeks()).toEqual([
      ["u:U5", "2026-03-02", "2026-03-05"],
      ["u:U5", "2026-03-09", "2026-03-05"],
      ["u:U5", "2026-03-23", "2026-03-05"],
      ["v:k6", "2026-03-09", "2026-03-09"],
      ["v:k6", "2026-03-30", "2026-03-09"],
    ])
    expect(await cohorts(["2026-03-01", "2026-04-01"], "month")).toEqual({
      sizes: [{ cohort: "2026-03-01", people: 2 }],
      activity: [
        { cohort: "2026-03-01", period: "2026-03-01", people: 2 },
        { cohort: "2026-03-01", period: "2026-04-01", people: 1 },
      ],
    })
  })

  test("a reset reads the visitor days until the next run rebuilds the same rows", async () => {
    await insert(EVENTS)
    await roll()
    const built = await snapshot()
    await resetRollupWatermarks()
    expect(await peopleRolledUp(db, "UTC")).toBe(false)
    await roll()
    expect(await snapshot()).toEqual(built)
  })

  test("on a database whose other rollups are caught up, the first run builds the people from the visitor days", async () => {
    await insert(EVENTS)
    await roll()
    const built = await snapshot()
    // As just after the migration that adds it: no people yet, the other rollups current.
    await db.$executeRaw`DELETE FROM analytics_first_seen_cells`
    await db.$executeRaw`DELETE FROM analytics_person_periods`
    await db.$executeRaw`DELETE FROM analytics_person_visitors`
    await db.analyticsRollupState.delete({ where: { name: "people@UTC" } })
    expect(await peopleRolledUp(db, "UTC")).toBe(false)
    // Other reports keep reading their rollups meanwhile.
    expect(await rolledUntil({ timeZone: "UTC" })).not.toBeNull()
    // U5 and k6.
    expect(await roll()).toMatchObject({ visitorDays: 0, people: 2 })
    expect(await snapshot()).toEqual(built)
  })
})

describe("zones and retention", () => {
  test("a new zone rebuilds the people from its own visitor days", async () => {
    // 23:30 UTC on Sunday 8 March is already Monday 9 March in Berlin.
    await insert([view(new Date("2026-03-08T23:30:00Z"), "k7"), view("2026-03-12", "k7")])
    await roll()
    expect(await weeks()).toEqual([
      ["v:k7", "2026-03-02", "2026-03-08"],
      ["v:k7", "2026-03-09", "2026-03-08"],
    ])
    expect(await roll({ timeZone: "Europe/Berlin" })).toMatchObject({ people: 1 })
    expect(await peopleRolledUp(db, "Europe/Berlin")).toBe(true)
    expect(await weeks()).toEqual([["v:k7", "2026-03-09", "2026-03-09"]])
  })

  test("visitor days past their retention take their people's first days with them", async () => {
    const now = new Date()
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)
    await insert([view(daysAgo(801), "k8"), view(daysAgo(10), "k8"), view(daysAgo(801), "k9")])
    await roll()
    expect(
      (
        await db.analyticsPersonPeriod.findMany({
          where: { kind: "month" },
          orderBy: [{ person: "asc" }, { start: "asc" }],
        })
      ).map((row) => [row.person, iso(row.firstDay)]),
    ).toEqual([
      ["v:k8", iso(daysAgo(801))],
      ["v:k8", iso(daysAgo(801))],
      ["v:k9", iso(daysAgo(801))],
    ])
    expect(await applyAnalyticsRetention({ now, rawDays: 90, timeZone: "UTC" })).toMatchObject({ visitorDays: 2 })
    // k8 is now first seen 10 days ago; k9 has no day left.
    const rows = await db.analyticsPersonPeriod.findMany({ orderBy: [{ person: "asc" }, { kind: "asc" }] })
    expect(rows.map((row) => [row.person, row.kind, iso(row.firstDay)])).toEqual([
      ["v:k8", "month", iso(daysAgo(10))],
      ["v:k8", "week", iso(daysAgo(10))],
    ])
    expect((await db.analyticsPersonVisitor.findMany()).map((row) => row.visitorId)).toEqual(["k8"])
    expect(await db.analyticsFirstSeenCell.findMany({ where: { firstDay: { lt: daysAgo(30) } } })).toEqual([])
  })
})
