import { expect, test } from "vitest"
import { addUtcMonths, startOfUtcHour } from "./time"

test("addUtcMonths keeps the time of day and clamps to the end of shorter months", () => {
  expect(addUtcMonths(new Date("2026-01-31T10:30:00Z"), 1).toISOString()).toBe("2026-02-28T10:30:00.000Z")
  expect(addUtcMonths(new Date("2028-01-31T10:30:00Z"), 1).toISOString()).toBe("2028-02-29T10:30:00.000Z")
  expect(addUtcMonths(new Date("2026-03-15T00:00:00Z"), -18).toISOString()).toBe("2024-09-15T00:00:00.000Z")
  expect(addUtcMonths(new Date("2026-11-30T23:59:59Z"), 3).toISOString()).toBe("2027-02-28T23:59:59.000Z")
})

test("startOfUtcHour drops minutes, seconds and milliseconds", () => {
  expect(startOfUtcHour(new Date("2026-11-25T21:59:59.999Z")).toISOString()).toBe("2026-11-25T21:00:00.000Z")
})
