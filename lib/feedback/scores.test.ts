import { describe, expect, test } from "vitest"
import {
  changeOf,
  npsCategory,
  npsTrend,
  percentOf,
  periodLabel,
  periodStart,
  summarizeCsat,
  summarizeNps,
  trendUnitFor,
} from "./scores"

describe("NPS", () => {
  test("boundary scores: 6 detractor, 7 and 8 passive, 9 promoter", () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ])
    expect(() => npsCategory(11)).toThrow(RangeError)
    expect(() => npsCategory(-1)).toThrow(RangeError)
    expect(() => npsCategory(7.5)).toThrow(RangeError)
  })

  test("no responses is null, not 0; dismissals alone are no responses", () => {
    expect(summarizeNps([])).toEqual({ responses: 0, promoters: 0, passives: 0, detractors: 0, nps: null })
    expect(summarizeNps([null, null]).nps).toBeNull()
  })

  test("one response is ±100 or 0", () => {
    // 1 promoter of 1: 100 % − 0 % = 100
    expect(summarizeNps([9]).nps).toBe(100)
    // 1 detractor of 1: 0 % − 100 % = −100
    expect(summarizeNps([6]).nps).toBe(-100)
    // 1 passive of 1: 0 % − 0 % = 0
    expect(summarizeNps([8]).nps).toBe(0)
  })

  test("all passives is 0", () => {
    expect(summarizeNps([7, 8, 7, 8, 7])).toEqual({ responses: 5, promoters: 0, passives: 5, detractors: 0, nps: 0 })
  })

  test("a mixed sample, dismissals excluded", () => {
    // Answered: 10 9 9 8 7 6 3 0 → promoters 3, passives 2, detractors 3 of 8 answered; 2 dismissals ignored.
    // 3/8 = 37.5 %, 3/8 = 37.5 % → NPS 0.
    expect(summarizeNps([10, 9, 9, 8, 7, 6, 3, 0, null, null])).toEqual({
      responses: 8,
      promoters: 3,
      passives: 2,
      detractors: 3,
      nps: 0,
    })
    // 10 10 9 9 9 8 7 5 → promoters 5, detractors 1 of 8: 62.5 % − 12.5 % = 50
    expect(summarizeNps([10, 10, 9, 9, 9, 8, 7, 5]).nps).toBe(50)
  })

  test("rounds to one decimal, halves away from zero", () => {
    // 1 promoter, 0 detractors of 3: 33.333… → 33.3
    expect(summarizeNps([9, 8, 8]).nps).toBe(33.3)
    // 2 promoters of 3: 66.666… → 66.7
    expect(summarizeNps([9, 9, 8]).nps).toBe(66.7)
    // 0 promoters, 1 detractor of 8: −12.5 exactly (no rounding)
    expect(summarizeNps([0, 7, 7, 7, 7, 7, 7, 7]).nps).toBe(-12.5)
    // 1 of 16 = 6.25 → 6.3; −1 of 16 = −6.25 → −6.3 (away from zero both ways)
    expect(percentOf(1, 16)).toBe(6.3)
    expect(percentOf(-1, 16)).toBe(-6.3)
    // 1 of 6 = 16.666… → 16.7; 0 of anything = 0, never −0
    expect(percentOf(1, 6)).toBe(16.7)
    expect(Object.is(percentOf(0, 5), 0)).toBe(true)
    expect(percentOf(3, 0)).toBeNull()
  })
})

describe("CSAT", () => {
  test("share of 4 and 5 over all ratings; no rating is null", () => {
    expect(summarizeCsat([])).toEqual({ ratings: 0, satisfied: 0, csat: null })
    expect(summarizeCsat([null]).csat).toBeNull()
    // 5 4 4 3 1 → 3 satisfied of 5 = 60 %; the unrated message is not a rating
    expect(summarizeCsat([5, 4, 4, 3, 1, null])).toEqual({ ratings: 5, satisfied: 3, csat: 60 })
    // boundary: 3 is not satisfied, 4 is → 1 of 2 = 50 %
    expect(summarizeCsat([3, 4]).csat).toBe(50)
    // 2 of 3 = 66.666… → 66.7
    expect(summarizeCsat([5, 5, 2]).csat).toBe(66.7)
    expect(() => summarizeCsat([6])).toThrow(RangeError)
    expect(() => summarizeCsat([0])).toThrow(RangeError)
  })
})

describe("comparison", () => {
  test("change is current − previous of the shown figures; null when either is missing", () => {
    // 33.3 − 12.5 = 20.8 (in tenths: 333 − 125 = 208, no float residue)
    expect(changeOf(33.3, 12.5)).toBe(20.8)
    expect(changeOf(-12.5, 0)).toBe(-12.5)
    expect(changeOf(0.1, 0.3)).toBe(-0.2)
    expect(changeOf(null, 10)).toBeNull()
    expect(changeOf(10, null)).toBeNull()
  })
})

describe("trend", () => {
  test("weeks start on Monday, months on the 1st", () => {
    // 2026-11-26 is a Thursday → Monday 2026-11-23; a Monday is its own start; a Sunday goes back 6 days.
    expect(periodStart("2026-11-26", "week")).toBe("2026-11-23")
    expect(periodStart("2026-11-23", "week")).toBe("2026-11-23")
    expect(periodStart("2026-11-29", "week")).toBe("2026-11-23")
    expect(periodStart("2026-11-26", "month")).toBe("2026-11-01")
    expect(trendUnitFor(90)).toBe("week")
    expect(trendUnitFor(365)).toBe("month")
    expect(periodLabel("2026-11-23", "week")).toBe("Week of 23 Nov")
    expect(periodLabel("2026-11-01", "month")).toBe("Nov 2026")
  })

  test("weekly NPS in the reporting zone, empty weeks null, answers outside the range ignored", () => {
    // Range Mon 2 Nov – Sun 15 Nov 2026 in Berlin (UTC+1 in November): weeks of 2 Nov and 9 Nov.
    const range = { firstDay: "2026-11-02", lastDay: "2026-11-15", timeZone: "Europe/Berlin" }
    const points = npsTrend(
      [
        // Sun 8 Nov 23:30 UTC is Mon 9 Nov 00:30 in Berlin → week of 9 Nov, not 2 Nov.
        { at: new Date("2026-11-08T23:30:00Z"), score: 10 },
        // Sun 8 Nov 22:59 UTC is Sun 8 Nov 23:59 in Berlin → week of 2 Nov.
        { at: new Date("2026-11-08T22:59:00Z"), score: 3 },
        { at: new Date("2026-11-03T12:00:00Z"), score: 9 },
        { at: new Date("2026-11-04T12:00:00Z"), score: null }, // dismissal: not an answer
        // 1 Nov 23:30 UTC is 2 Nov 00:30 Berlin → inside, week of 2 Nov.
        { at: new Date("2026-11-01T23:30:00Z"), score: 8 },
        // 15 Nov 23:30 UTC is 16 Nov in Berlin → after the range.
        { at: new Date("2026-11-15T23:30:00Z"), score: 0 },
      ],
      range,
      "week",
    )
    // Week of 2 Nov: 3 (detractor), 9 (promoter), 8 (passive) → 1/3 − 1/3 = 0.
    // Week of 9 Nov: 10 → 100.
    expect(points.map((p) => [p.period, p.responses, p.nps])).toEqual([
      ["2026-11-02", 3, 0],
      ["2026-11-09", 1, 100],
    ])
  })

  test("partial first and last periods, and a month with no answer", () => {
    // Wed 28 Oct – Tue 3 Nov: weeks of 26 Oct and 2 Nov; no answers → both null, not 0.
    const empty = npsTrend([], { firstDay: "2026-10-28", lastDay: "2026-11-03", timeZone: "UTC" }, "week")
    expect(empty.map((p) => [p.period, p.nps])).toEqual([
      ["2026-10-26", null],
      ["2026-11-02", null],
    ])
    // Monthly over 15 Sep – 10 Dec in UTC: Sep, Oct, Nov, Dec; only October has answers (9, 9, 6, 7):
    // 2 promoters, 1 detractor of 4 → 50 % − 25 % = 25.
    const months = npsTrend(
      [9, 9, 6, 7].map((score, i) => ({ at: new Date(`2026-10-1${i}T10:00:00Z`), score })),
      { firstDay: "2026-09-15", lastDay: "2026-12-10", timeZone: "UTC" },
      "month",
    )
    expect(months.map((p) => [p.period, p.nps])).toEqual([
      ["2026-09-01", null],
      ["2026-10-01", 25],
      ["2026-11-01", null],
      ["2026-12-01", null],
    ])
  })
})
