import { describe, expect, it, test } from "vitest"
import { dayOf, dayStart, previousPeriod, productRange, productRangeQuerySchema, rangeOfDays, wholeMonths } from "./range"

describe("product range", () => {
  it("counts whole days in the reporting zone, to exclusive", () => {
    // Berlin is UTC+1 in winter: 1 Jan 00:00 there is 31 Dec 23:00 UTC.
    const range = rangeOfDays("2026-01-01", "2026-01-07", "Europe/Berlin")
    expect(range.from.toISOString()).toBe("2025-12-31T23:00:00.000Z")
    expect(range.to.toISOString()).toBe("2026-01-07T23:00:00.000Z")
    expect(range.days).toBe(7)
  })

  it("a day across the spring DST change lasts 23 hours", () => {
    const range = rangeOfDays("2026-03-29", "2026-03-29", "Europe/Berlin")
    expect((range.to.getTime() - range.from.getTime()) / 3_600_000).toBe(23)
  })

  it("places an instant on its local day", () => {
    expect(dayOf(new Date("2026-06-30T22:30:00Z"), "Europe/Berlin")).toBe("2026-07-01")
    expect(dayOf(new Date("2026-06-30T22:30:00Z"), "UTC")).toBe("2026-06-30")
    expect(dayOf(new Date("2026-07-01T03:00:00Z"), "America/New_York")).toBe("2026-06-30")
    expect(dayStart("2026-07-01", "America/New_York").toISOString()).toBe("2026-07-01T04:00:00.000Z")
  })

  it("a preset ends today; the previous period is as long and just before", () => {
    const range = productRange(productRangeQuerySchema.parse({ range: "7d" }), new Date("2026-11-26T10:00:00Z"), "UTC")
    expect([range.firstDay, range.lastDay]).toEqual(["2026-11-20", "2026-11-26"])
    const before = previousPeriod(range)
    expect([before.firstDay, before.lastDay, before.days]).toEqual(["2026-11-13", "2026-11-19", 7])
    expect(before.to.getTime()).toBe(range.from.getTime())
  })

  it("refuses half or backwards ranges", () => {
    expect(productRangeQuerySchema.safeParse({ from: "2026-01-01" }).success).toBe(false)
    expect(productRangeQuerySchema.safeParse({ from: "2026-02-01", to: "2026-01-01" }).success).toBe(false)
    expect(productRangeQuerySchema.safeParse({ from: "2026-01-01", to: "2026-01-31" }).success).toBe(true)
  })
})

describe("wholeMonths", () => {
  test("whole months inside a range, and the days left at either end", () => {
    // 27 Nov 2025 … 26 Nov 2026: December … October are whole; 27–30 Nov 2025 and 1–26 Nov 2026 are left.
    expect(wholeMonths("2025-11-27", "2026-11-26")).toEqual({
      months: { first: "2025-12-01", last: "2026-10-01" },
      days: [{ first: "2025-11-27", last: "2025-11-30" }, { first: "2026-11-01", last: "2026-11-26" }],
    })
    // A range of exactly February 2028 (a leap year: 29 days) is one month and no days.
    expect(wholeMonths("2028-02-01", "2028-02-29")).toEqual({ months: { first: "2028-02-01", last: "2028-02-01" }, days: [] })
    // Starting on a 1st, ending mid-month; across a year's end.
    expect(wholeMonths("2026-12-01", "2027-01-15")).toEqual({ months: { first: "2026-12-01", last: "2026-12-01" }, days: [{ first: "2027-01-01", last: "2027-01-15" }] })
  })

  test("a range inside one month, or across two without a whole one, is only days", () => {
    expect(wholeMonths("2026-03-02", "2026-03-08")).toEqual({ months: null, days: [{ first: "2026-03-02", last: "2026-03-08" }] })
    expect(wholeMonths("2026-03-20", "2026-04-10")).toEqual({ months: null, days: [{ first: "2026-03-20", last: "2026-04-10" }] })
    expect(wholeMonths("2026-03-01", "2026-03-30")).toEqual({ months: null, days: [{ first: "2026-03-01", last: "2026-03-30" }] })
    expect(wholeMonths("2026-03-05", "2026-03-05")).toEqual({ months: null, days: [{ first: "2026-03-05", last: "2026-03-05" }] })
  })
})
