import { expect, test } from "vitest"
import { coverageAt } from "./coverage"

test("rollup rows before the watermark's hour and zone day are complete; raw events from there on", () => {
  // 2026-01-14T23:20:05Z is 00:20 on the 15th in Berlin (UTC+1): hours before 23:00Z, days before the 15th.
  const until = new Date("2026-01-14T23:20:05.123Z")
  expect(coverageAt(until, "Europe/Berlin")).toEqual({
    until,
    hoursBefore: new Date("2026-01-14T23:00:00Z"),
    daysBefore: "2026-01-15",
    daysBeforeStart: new Date("2026-01-14T23:00:00Z"),
  })
  // The same instant in UTC is still the 14th.
  expect(coverageAt(until, "UTC")).toMatchObject({
    daysBefore: "2026-01-14",
    daysBeforeStart: new Date("2026-01-14T00:00:00Z"),
  })
  // Exactly on an hour: that hour is not complete yet (events at 23:00:00 may still arrive).
  expect(coverageAt(new Date("2026-01-14T23:00:00Z"), "UTC").hoursBefore).toEqual(new Date("2026-01-14T23:00:00Z"))
})

test("before any run, every row is read raw", () => {
  expect(coverageAt(null, "UTC")).toEqual({
    until: null,
    hoursBefore: new Date(0),
    daysBefore: "1970-01-01",
    daysBeforeStart: new Date(0),
  })
})
