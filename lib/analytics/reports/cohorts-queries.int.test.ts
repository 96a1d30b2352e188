import { beforeEach, describe, expect, test } from "vitest"
import { deleteRollups, runRollups } from "@/lib/analytics/rollups"
import { peopleRolledUp } from "@/lib/analytics/model/watermarks"
import { db } from "@/lib/db"
import {
  type CohortCounts,
  countCohorts,
  firstSeenPeople,
  retentionTable,
  signupPeople,
  type VisitorDay,
} from "./cohorts"
import { COHORT_PEOPLE, COHORT_TODAY, COHORT_WEEKS, FIRST_SEEN_DAYS } from "./cohorts.fixtures"
import { queryCohortCounts } from "./cohorts-queries"

async function storeDays(days: readonly VisitorDay[]) {
  await db.analyticsVisitorDay.createMany({
    data: days.map((row) => ({
      day: new Date(`${row.day}T00:00:00Z`),
      visitorId: row.visitorId,
      userId: row.userId,
      consented: row.consented,
      events: 1,
      pageViews: 1,
    })),
  })
}

// The same days either stored as visitor days (read directly: no rollup run yet) or sent as one
// event each and rolled up, visitor days and people (read from the people rollup).
const SOURCES = {
  "visitor days": storeDays,
  "rolled-up events": async (days: readonly VisitorDay[]) => {
    await db.analyticsEvent.createMany({
      data: days.map((row) => ({
        at: new Date(`${row.day}T12:00:00Z`),
        name: "page_view",
        visitorId: row.visitorId,
        userId: row.userId,
        consented: row.consented,
      })),
    })
    await runRollups({ settleSeconds: 0, timeZone: "UTC" })
  },
}

function sorted(counts: CohortCounts): CohortCounts {
  const key = (entry: { cohort: string; period?: string }) => `${entry.cohort}|${entry.period ?? ""}`
  return {
    sizes: [...counts.sizes].sort((a, b) => key(a).localeCompare(key(b))),
    activity: [...counts.activity].sort((a, b) => key(a).localeCompare(key(b))),
  }
}

beforeEach(async () => {
  await db.analyticsEvent.deleteMany()
  await deleteRollups()
})

describe.each(Object.entries(SOURCES))("first seen, from %s", (source, store) => {
  test("the figures come from the people rollup once a run built it", async () => {
    await store([{ day: "2026-03-02", visitorId: "k", userId: null, consented: true }])
    expect(await peopleRolledUp(db, "UTC")).toBe(source === "rolled-up events")
  })

  test("the hand-computed weeks: sizes 3, 1, 0, 0 and the shares of cohorts.test.ts", async () => {
    // Each person a consented browser; an anonymous visitor on the same days must not count.
    await store([
      ...COHORT_PEOPLE.flatMap((person) =>
        person.activeDays.map((day) => ({ day, visitorId: `k-${person.id}`, userId: null, consented: true })),
      ),
      { day: "2026-03-02", visitorId: "anon", userId: null, consented: false },
    ])
    const counts = await queryCohortCounts({ by: "first_seen", period: "week", starts: COHORT_WEEKS, timeZone: "UTC" })
    expect(sorted(counts)).toEqual(sorted(countCohorts(COHORT_PEOPLE, COHORT_WEEKS, "week")))
    const table = retentionTable(counts, COHORT_WEEKS, "week", COHORT_TODAY)
    expect(table.rows.map((row) => row.size)).toEqual([3, 1, 0, 0])
    expect(table.rows[0]!.cells.map((cell) => cell.active)).toEqual([3, 2, 1, 1])
    expect(table.rows[1]!.cells.map((cell) => cell.active)).toEqual([1, 0, 1])
  })

  test("monthly, and people first seen before the cohorts are left out", async () => {
    await store(
      COHORT_PEOPLE.flatMap((person) =>
        person.activeDays.map((day) => ({ day, visitorId: `k-${person.id}`, userId: null, consented: true })),
      ),
    )
    const counts = await queryCohortCounts({
      by: "first_seen",
      period: "month",
      starts: ["2026-03-01"],
      timeZone: "UTC",
    })
    // e was first seen on 27 February: not in March's cohort even though active on 2 March.
    expect(sorted(counts)).toEqual({
      sizes: [{ cohort: "2026-03-01", people: 4 }],
      activity: [{ cohort: "2026-03-01", period: "2026-03-01", people: 4 }],
    })
  })

  test("a browser and the server events of one user are one person", async () => {
    await store(FIRST_SEEN_DAYS)
    const starts = ["2026-03-02", "2026-03-09"]
    const counts = await queryCohortCounts({ by: "first_seen", period: "week", starts, timeZone: "UTC" })
    // U1 (k1 + u:U1) joined on 2 March, k2 on 10 March; the anonymous x does not count.
    expect(sorted(counts)).toEqual(sorted(countCohorts(firstSeenPeople(FIRST_SEEN_DAYS), starts, "week")))
    expect(sorted(counts).sizes).toEqual([
      { cohort: "2026-03-02", people: 1 },
      { cohort: "2026-03-09", people: 1 },
    ])
  })
})

describe("sign-up", () => {
  test("the local day of sign-up decides the week; activity from the user's days", async () => {
    await db.user.deleteMany({ where: { email: { endsWith: "@cohort.test" } } })
    const users = [
      // Sunday 1 March 23:30 UTC = Monday 2 March 00:30 in Berlin.
      await db.user.create({
        data: { email: "late@cohort.test", createdAt: new Date("2026-03-01T23:30:00Z") },
        select: { id: true, createdAt: true },
      }),
      // Sunday 1 March 22:30 UTC = 23:30 in Berlin: still the week of 23 February, outside the cohorts.
      await db.user.create({
        data: { email: "early@cohort.test", createdAt: new Date("2026-03-01T22:30:00Z") },
        select: { id: true, createdAt: true },
      }),
      await db.user.create({
        data: { email: "quiet@cohort.test", createdAt: new Date("2026-03-10T12:00:00Z") },
        select: { id: true, createdAt: true },
      }),
    ]
    const staff = await db.user.create({
      data: { email: "staff@cohort.test", role: "ADMIN", createdAt: new Date("2026-03-03T12:00:00Z") },
      select: { id: true },
    })
    const [late, early] = users
    const days: VisitorDay[] = [
      { day: "2026-03-02", visitorId: `u:${late!.id}`, userId: late!.id, consented: false },
      { day: "2026-03-10", visitorId: "browser", userId: late!.id, consented: true },
      { day: "2026-03-03", visitorId: `u:${early!.id}`, userId: early!.id, consented: false },
      { day: "2026-03-04", visitorId: `u:${staff.id}`, userId: staff.id, consented: false },
    ]
    await storeDays(days)
    const starts = ["2026-03-02", "2026-03-09"]
    const counts = await queryCohortCounts({ by: "signup", period: "week", starts, timeZone: "Europe/Berlin" })
    expect(sorted(counts)).toEqual(sorted(countCohorts(signupPeople(users, days, "Europe/Berlin"), starts, "week")))
    // Week of 2 March: late (active 2 and 10 March). Week of 9 March: quiet, never active. Staff are not sign-ups.
    expect(sorted(counts)).toEqual({
      sizes: [
        { cohort: "2026-03-02", people: 1 },
        { cohort: "2026-03-09", people: 1 },
      ],
      activity: [
        { cohort: "2026-03-02", period: "2026-03-02", people: 1 },
        { cohort: "2026-03-02", period: "2026-03-09", people: 1 },
      ],
    })
  })
})
