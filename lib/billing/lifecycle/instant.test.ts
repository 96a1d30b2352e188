import { expect, test } from "vitest"
import { normalizeIso, preciseDate, preciseIso } from "./instant"

test("microseconds survive a Date and order as text", () => {
  const a = preciseDate("2025-01-01T09:00:17.123457Z")
  const b = preciseDate("2025-01-01T09:00:17.123458+00:00")
  expect(a.getTime()).toBe(b.getTime())
  expect([preciseIso(a), preciseIso(b)]).toEqual(["2025-01-01T09:00:17.123457Z", "2025-01-01T09:00:17.123458Z"])
  expect(preciseIso(a) < preciseIso(b)).toBe(true)
})

test("fewer digits, none, offsets and plain Dates all give six", () => {
  expect(normalizeIso("2025-01-01T09:00:17Z")).toBe("2025-01-01T09:00:17.000000Z")
  expect(normalizeIso("2025-01-01T10:00:17.5+01:00")).toBe("2025-01-01T09:00:17.500000Z")
  expect(preciseIso(new Date("2025-01-01T09:00:17.123Z"))).toBe("2025-01-01T09:00:17.123000Z")
})
