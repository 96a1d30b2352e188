import { describe, expect, it } from "vitest"
import { dayOf, dayStart, previousPeriod, productRange, productRangeQuerySchema, rangeOfDays } from "./range"

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
