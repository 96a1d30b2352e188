import { expect, test } from "vitest"
import { rawCutoff } from "./raw-events"

test("the raw cutoff is the start of the zone's day N days back, on a whole UTC hour", () => {
  const now = new Date("2026-03-10T05:00:00Z")
  // Minus 90 days (Dec 10 → Jan 10: 31, → Feb 10: 31, → Mar 10: 28) = 2025-12-10T05:00Z.
  expect(rawCutoff(now, 90, "UTC").toISOString()).toBe("2025-12-10T00:00:00.000Z")
  // In Berlin (UTC+1 in December) that is 06:00 on the 10th, whose day starts at 2025-12-09T23:00Z.
  expect(rawCutoff(now, 90, "Europe/Berlin").toISOString()).toBe("2025-12-09T23:00:00.000Z")
  // Kathmandu is UTC+5:45: 10:45 on the 10th; its day starts at 2025-12-09T18:15Z, rounded down to 18:00Z.
  expect(rawCutoff(now, 90, "Asia/Kathmandu").toISOString()).toBe("2025-12-09T18:00:00.000Z")
  // Los Angeles (UTC-8): 2025-12-09T21:00 local, day start 2025-12-09T08:00Z.
  expect(rawCutoff(now, 90, "America/Los_Angeles").toISOString()).toBe("2025-12-09T08:00:00.000Z")
  // One day back across the spring change in Berlin (2026-03-29, 23 hours long): 2026-03-30T12:00Z
  // minus 24 h = 2026-03-29T12:00Z = 14:00 CEST on the 29th, whose day starts at 2026-03-28T23:00Z.
  expect(rawCutoff(new Date("2026-03-30T12:00:00Z"), 1, "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z")
})
