import { expect, test } from "vitest"
import { coverageAt } from "@/lib/analytics/model/coverage"
import { splitDays } from "./traffic-sources"

const ZONE = "Europe/Berlin"

test("days before the watermark's day come from rollups, the rest from raw events", () => {
  // 10 Jan 12:00 UTC is 10 Jan in Berlin: days up to 9 Jan are complete; raw from 10 Jan 00:00 Berlin.
  const split = splitDays("2026-01-05", "2026-01-11", ZONE, coverageAt(new Date("2026-01-10T12:00:00Z"), ZONE))
  expect(split.rolled).toEqual({ firstDay: "2026-01-05", lastDay: "2026-01-09" })
  expect(split.raw).toEqual({ from: new Date("2026-01-09T23:00:00Z"), to: new Date("2026-01-11T23:00:00Z") })
})

test("the watermark's day in the zone, not in UTC, decides", () => {
  // 9 Jan 23:30 UTC is already 10 Jan in Berlin: same split as above.
  const split = splitDays("2026-01-05", "2026-01-11", ZONE, coverageAt(new Date("2026-01-09T23:30:00Z"), ZONE))
  expect(split.rolled?.lastDay).toBe("2026-01-09")
})

test("a period wholly rolled up reads no raw events; one after the watermark reads only raw", () => {
  const coverage = coverageAt(new Date("2026-01-10T12:00:00Z"), ZONE)
  expect(splitDays("2025-12-01", "2025-12-31", ZONE, coverage)).toMatchObject({
    rolled: { firstDay: "2025-12-01", lastDay: "2025-12-31" },
    raw: null,
  })
  const after = splitDays("2026-01-10", "2026-01-11", ZONE, coverage)
  expect(after.rolled).toBeNull()
  expect(after.raw?.from).toEqual(new Date("2026-01-09T23:00:00Z"))
})

test("rollups that never ran: everything raw", () => {
  const split = splitDays("2026-01-05", "2026-01-11", ZONE, coverageAt(null, ZONE))
  expect(split.rolled).toBeNull()
  expect(split.raw).toEqual({ from: new Date("2026-01-04T23:00:00Z"), to: new Date("2026-01-11T23:00:00Z") })
})
