import { expect, test } from "vitest"
import { formatBytes, formatClock, formatInstant, formatTick, formatValue } from "./format"

test("values by unit; missing values are a dash, never 0", () => {
  expect(formatValue(1234.4, "count")).toBe("1,234")
  expect(formatValue(0.456, "rate")).toBe("0.46/s")
  expect(formatValue(2 / 3600, "rate")).toBe("0.03/min")
  expect(formatValue(0, "rate")).toBe("0/s")
  expect(formatValue(0.0123, "ratio")).toBe("1.2 %")
  expect(formatValue(87.25, "percent")).toBe("87.3 %")
  expect(formatValue(4.5, "ms")).toBe("4.5 ms")
  expect(formatValue(352, "ms")).toBe("352 ms")
  expect(formatValue(1500, "ms")).toBe("1.5 s")
  expect(formatValue(null, "ms")).toBe("—")
  expect(formatValue(Number.NaN, "count")).toBe("—")
})

test("bytes in binary units", () => {
  expect(formatBytes(512)).toBe("512 B")
  expect(formatBytes(1536)).toBe("1.5 KiB")
  expect(formatBytes(200 * 1024 * 1024)).toBe("200 MiB")
  expect(formatBytes(3.25 * 1024 ** 3)).toBe("3.3 GiB")
  expect(formatBytes(343.3 * 1024 ** 2)).toBe("343 MiB")
})

test("times are UTC: the clock for short ranges, the day for long ones", () => {
  const at = "2026-11-03T14:05:09.000Z"
  expect(formatTick(at, 3_600_000)).toBe("14:05")
  expect(formatTick(at, 7 * 86_400_000)).toBe("3 Nov")
  expect(formatInstant(at)).toBe("3 Nov 14:05 UTC")
  expect(formatClock(at)).toBe("14:05:09 UTC")
})
