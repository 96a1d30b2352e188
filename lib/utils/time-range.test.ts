import { describe, expect, it } from "vitest"
import { dayOf, dayStart, lastDays, lastHours, presetSchema, previousPeriod, rangeOfDays, shiftDay } from "./time-range"

describe("days in a time zone", () => {
  it("counts whole days in the zone, to exclusive", () => {
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

  it("shifts a day across a month and a year", () => {
    expect(shiftDay("2026-02-27", 2)).toBe("2026-03-01")
    expect(shiftDay("2026-01-01", -1)).toBe("2025-12-31")
  })

  it("the last N days end with today in the zone; the previous period is as long and just before", () => {
    // 23:30 UTC on 31 Jan is already 1 Feb in Berlin.
    const range = lastDays(7, new Date("2026-01-31T23:30:00Z"), "Europe/Berlin")
    expect([range.firstDay, range.lastDay, range.days]).toEqual(["2026-01-26", "2026-02-01", 7])
    const before = previousPeriod(range)
    expect([before.firstDay, before.lastDay, before.days]).toEqual(["2026-01-19", "2026-01-25", 7])
    expect(before.to.getTime()).toBe(range.from.getTime())
  })
})

describe("presets", () => {
  const presets = { "1h": 1, "24h": 24 } as const

  it("a query names a preset, the fallback when it names none, and nothing else", () => {
    expect(presetSchema(presets, "24h").parse(undefined)).toBe("24h")
    expect(presetSchema(presets, "24h").parse("1h")).toBe("1h")
    expect(presetSchema(presets, "24h").safeParse("2h").success).toBe(false)
  })

  it("the last N hours end now", () => {
    const now = new Date("2026-03-29T01:30:00Z")
    expect(lastHours(24, now)).toEqual({ from: new Date("2026-03-28T01:30:00Z"), to: now })
  })
})
