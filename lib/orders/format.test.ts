import { expect, test } from "vitest"
import { formatOrderDayAndClock, formatOrderTime } from "./format"

test("order times read the same everywhere: UTC, 24-hour clock", () => {
  expect(formatOrderTime(new Date("2026-03-10T12:00:00Z"))).toBe("10 Mar 2026, 12:00 UTC")
  expect(formatOrderTime(new Date("2026-12-31T23:59:59Z"))).toBe("31 Dec 2026, 23:59 UTC")
  expect(formatOrderTime(new Date("2027-01-01T00:05:00+02:00"))).toBe("31 Dec 2026, 22:05 UTC")
})

test("the two-part form splits the same reading", () => {
  expect(formatOrderDayAndClock(new Date("2027-01-01T00:05:00+02:00"))).toEqual({
    day: "31 Dec 2026",
    clock: "22:05 UTC",
  })
})
