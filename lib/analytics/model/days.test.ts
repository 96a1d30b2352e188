import { describe, expect, test } from "vitest"
import { wholeMonths } from "./days"

describe("wholeMonths", () => {
  test("whole months inside a range, and the days left at either end", () => {
    // 27 Nov 2025 … 26 Nov 2026: December … October are whole; 27–30 Nov 2025 and 1–26 Nov 2026 are left.
    expect(wholeMonths("2025-11-27", "2026-11-26")).toEqual({
      months: { first: "2025-12-01", last: "2026-10-01" },
      days: [
        { first: "2025-11-27", last: "2025-11-30" },
        { first: "2026-11-01", last: "2026-11-26" },
      ],
    })
    // A range of exactly February 2028 (a leap year: 29 days) is one month and no days.
    expect(wholeMonths("2028-02-01", "2028-02-29")).toEqual({
      months: { first: "2028-02-01", last: "2028-02-01" },
      days: [],
    })
    // Starting on a 1st, ending mid-month; across a year's end.
    expect(wholeMonths("2026-12-01", "2027-01-15")).toEqual({
      months: { first: "2026-12-01", last: "2026-12-01" },
      days: [{ first: "2027-01-01", last: "2027-01-15" }],
    })
  })

  test("a range inside one month, or across two without a whole one, is only days", () => {
    expect(wholeMonths("2026-03-02", "2026-03-08")).toEqual({
      months: null,
      days: [{ first: "2026-03-02", last: "2026-03-08" }],
    })
    expect(wholeMonths("2026-03-20", "2026-04-10")).toEqual({
      months: null,
      days: [{ first: "2026-03-20", last: "2026-04-10" }],
    })
    expect(wholeMonths("2026-03-01", "2026-03-30")).toEqual({
      months: null,
      days: [{ first: "2026-03-01", last: "2026-03-30" }],
    })
    expect(wholeMonths("2026-03-05", "2026-03-05")).toEqual({
      months: null,
      days: [{ first: "2026-03-05", last: "2026-03-05" }],
    })
  })
})
