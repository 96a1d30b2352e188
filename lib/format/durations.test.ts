import { expect, test } from "vitest"
import { formatDuration, formatMs, formatSeconds } from "./durations"

test("formatDuration keeps the two largest whole units, rounded down", () => {
  expect(formatDuration(5 * 3_600_000 + 12 * 60_000 + 59_000)).toBe("5h 12m") // 5:12:59
  expect(formatDuration(3_600_000)).toBe("1h 0m")
  expect(formatDuration(47 * 3_600_000 + 59 * 60_000)).toBe("47h 59m") // under two days stays in hours
  expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 1)).toBe("2d 3h")
  expect(formatDuration(12 * 60_000 + 5_000)).toBe("12m 5s")
  expect(formatDuration(59_999)).toBe("59s")
  expect(formatDuration(999)).toBe("0s")
  expect(formatDuration(0)).toBe("0s")
  expect(formatDuration(-(3_600_000 + 3 * 60_000))).toBe("1h 3m")
})

test("formatSeconds reads as a person would say it", () => {
  expect(formatSeconds(0)).toBe("0 s")
  expect(formatSeconds(29.6)).toBe("30 s")
  expect(formatSeconds(75)).toBe("1 min 15 s")
  expect(formatSeconds(120)).toBe("2 min")
  expect(formatSeconds(7500)).toBe("2 h 5 min") // 2 h 5 min 0 s
  expect(formatSeconds(7229)).toBe("2 h") // 2 h 0 min 29 s: the minutes round to 0
})

test("formatMs switches to seconds at one second and drops a decimal at ten", () => {
  expect(formatMs(4.25)).toBe("4.25 ms")
  expect(formatMs(352.4)).toBe("352 ms")
  expect(formatMs(1500)).toBe("1.5 s")
  expect(formatMs(1234)).toBe("1.23 s")
  expect(formatMs(12_345)).toBe("12.3 s")
})
