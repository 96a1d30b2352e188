import { describe, expect, test } from "vitest"
import {
  cohortStarts,
  countCohorts,
  firstSeenPeople,
  periodsBetween,
  periodStart,
  retentionTable,
  shiftPeriod,
  signupPeople,
} from "./cohorts"
import { COHORT_PEOPLE, COHORT_TODAY, COHORT_WEEKS, FIRST_SEEN_DAYS } from "./cohorts.fixtures"

describe("periods", () => {
  test("weeks start on Monday, months on the 1st", () => {
    expect(periodStart("2026-03-01", "week")).toBe("2026-02-23") // a Sunday belongs to the week before
    expect(periodStart("2026-03-02", "week")).toBe("2026-03-02") // Monday
    expect(periodStart("2026-03-08", "week")).toBe("2026-03-02") // Sunday
    expect(periodStart("2026-01-01", "week")).toBe("2025-12-29") // a Thursday; the week began in the old year
    expect(periodStart("2026-03-31", "month")).toBe("2026-03-01")
  })

  test("stepping and counting periods", () => {
    expect(shiftPeriod("2026-03-02", "week", 2)).toBe("2026-03-16")
    expect(shiftPeriod("2026-11-01", "month", 3)).toBe("2027-02-01")
    expect(periodsBetween("2026-11-01", "2027-02-01", "month")).toBe(3)
    // 29 March 2026 is when Europe's clocks change; calendar days do not care.
    expect(periodsBetween("2026-03-23", "2026-04-06", "week")).toBe(2)
  })

  test("the cohorts are the whole periods overlapping the range", () => {
    // Wednesday 4 March to Tuesday 17 March: the weeks of 2, 9 and 16 March.
    expect(cohortStarts("2026-03-04", "2026-03-17", "week")).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"])
    expect(cohortStarts("2026-01-15", "2026-03-01", "month")).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"])
    expect(cohortStarts("2026-03-02", "2026-03-02", "week")).toEqual(["2026-03-02"])
  })
})

describe("retention table", () => {
  const counts = countCohorts(COHORT_PEOPLE, COHORT_WEEKS, "week")
  const table = retentionTable(counts, COHORT_WEEKS, "week", COHORT_TODAY)

  test("cohort sizes: people who joined in each week; earlier people are left out", () => {
    // Week of 2 March: a, b, c (c joined on Sunday 8 March). Week of 9 March: d alone. e joined in February.
    expect(table.rows.map((row) => [row.cohort, row.size])).toEqual([
      ["2026-03-02", 3],
      ["2026-03-09", 1],
      ["2026-03-16", 0],
      ["2026-03-23", 0],
    ])
  })

  test("share active in each later week, with a week of no activity and the running week", () => {
    const [first, second] = table.rows
    // Week 0: a, b, c = 3/3. Week 1: a (10 Mar), c (9 Mar) = 2/3. Week 2: b (17 Mar) = 1/3. Week 3 (holds today, 25 Mar): c = 1/3.
    expect(first!.cells.map((cell) => [cell.index, cell.active, cell.share, cell.complete])).toEqual([
      [0, 3, 1, true],
      [1, 2, 2 / 3, true],
      [2, 1, 1 / 3, true],
      [3, 1, 1 / 3, false],
    ])
    // A cohort of one: d in week 0, nobody in week 1 (0 %, not missing), back in week 2 (running).
    expect(second!.cells.map((cell) => [cell.start, cell.active, cell.share, cell.complete])).toEqual([
      ["2026-03-09", 1, 1, true],
      ["2026-03-16", 0, 0, true],
      ["2026-03-23", 1, 1, false],
    ])
    // Nobody joined in the week of 16 March: its cells have no share.
    expect(table.rows[2]!.cells.map((cell) => cell.share)).toEqual([null, null])
  })

  test("the average weighs cohorts by size over complete cells only", () => {
    // Index 0: (3 + 1) / (3 + 1) = 1 over 2 cohorts. Index 1: (2 + 0) / (3 + 1) = 0.5.
    // Index 2: only the first cohort's is complete: 1/3. Index 3: none complete.
    expect(table.average).toEqual([
      { index: 0, share: 1, cohorts: 2 },
      { index: 1, share: 0.5, cohorts: 2 },
      { index: 2, share: 1 / 3, cohorts: 1 },
      { index: 3, share: null, cohorts: 0 },
    ])
  })

  test("no people at all: empty rows, no averages to speak of", () => {
    const empty = retentionTable(countCohorts([], ["2026-03-02"], "week"), ["2026-03-02"], "week", "2026-03-03")
    expect(empty.rows).toEqual([
      {
        cohort: "2026-03-02",
        size: 0,
        cells: [{ index: 0, start: "2026-03-02", active: 0, share: null, complete: false }],
      },
    ])
    expect(empty.average).toEqual([{ index: 0, share: null, cohorts: 0 }])
  })

  test("monthly cohorts", () => {
    const months = ["2026-02-01", "2026-03-01"]
    const monthly = retentionTable(countCohorts(COHORT_PEOPLE, months, "month"), months, "month", COHORT_TODAY)
    // February: e alone (27 Feb, back 2 Mar) → March 1/1. March: a, b, c, d → March 4/4.
    expect(monthly.rows.map((row) => [row.cohort, row.size, row.cells.map((cell) => cell.active)])).toEqual([
      ["2026-02-01", 1, [1, 1]],
      ["2026-03-01", 4, [4]],
    ])
  })
})

describe("who the people are", () => {
  test("first seen: only consented or signed-in days, visitors joined to their user", () => {
    const people = firstSeenPeople(FIRST_SEEN_DAYS)
    // U1 = browser k1 (2 and 5 Mar, the 5th signed in) + server u:U1 (4 Mar): joined 2 March.
    // k2 (consented, never signed in) is its own person. The anonymous x never persists and is left out.
    expect(people.map((person) => [person.joined, [...person.activeDays].sort()])).toEqual([
      ["2026-03-02", ["2026-03-02", "2026-03-04", "2026-03-05"]],
      ["2026-03-10", ["2026-03-10"]],
    ])
  })

  test("sign-up: the local day of the account's creation decides the week", () => {
    // 23:30 UTC on Sunday 1 March is 00:30 on Monday 2 March in Berlin (UTC+1).
    const users = [{ id: "U1", createdAt: new Date("2026-03-01T23:30:00Z") }]
    const days = [
      { day: "2026-03-02", userId: "U1" },
      { day: "2026-03-09", userId: "U1" },
      { day: "2026-03-02", userId: null },
    ]
    const berlin = signupPeople(users, days, "Europe/Berlin")
    expect(berlin).toEqual([{ joined: "2026-03-02", activeDays: ["2026-03-02", "2026-03-09"] }])
    expect(periodStart(berlin[0]!.joined, "week")).toBe("2026-03-02")
    const utc = signupPeople(users, days, "UTC")
    expect(periodStart(utc[0]!.joined, "week")).toBe("2026-02-23")
    // In UTC the user joined on Sunday 1 March: week of 23 Feb; 2 and 9 March are its weeks 1 and 2.
    const table = retentionTable(countCohorts(utc, ["2026-02-23"], "week"), ["2026-02-23"], "week", "2026-03-10")
    expect(table.rows[0]!.cells.map((cell) => cell.active)).toEqual([0, 1, 1])
  })
})
