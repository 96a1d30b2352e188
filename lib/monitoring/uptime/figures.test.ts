import { expect, test } from "vitest"
import { formatUptime, splitRange, uptimeFigure, windowStarts } from "./figures"

test("uptime is minutes up over minutes observed", () => {
  // A day fully observed with 3 minutes down: 1437 / 1440.
  expect(uptimeFigure(1437, 1440)).toEqual({ up: 1437, observed: 1440, ratio: 0.9979166666666667 })
  // Half a day observed, all up: 100 % of what was seen, not of the day.
  expect(uptimeFigure(720, 720).ratio).toBe(1)
  expect(uptimeFigure(0, 5).ratio).toBe(0)
})

test("no observation is no data, not 100 %", () => {
  expect(uptimeFigure(0, 0)).toEqual({ up: 0, observed: 0, ratio: null })
  expect(formatUptime(null)).toBe("no data")
})

test("impossible counts are refused", () => {
  expect(() => uptimeFigure(3, 2)).toThrow(/invalid uptime counts/)
  expect(() => uptimeFigure(-1, 2)).toThrow(/invalid uptime counts/)
})

test("a percentage just short of 100 is never shown as 100", () => {
  expect(formatUptime(43_199 / 43_200)).toBe("99.99 %")
  expect(formatUptime(1)).toBe("100.00 %")
  expect(formatUptime(0.9979166666666667)).toBe("99.79 %")
})

test("windows count back whole days from now", () => {
  const starts = windowStarts(new Date("2026-04-10T12:30:00Z"))
  expect(starts["24h"].toISOString()).toBe("2026-04-09T12:30:00.000Z")
  expect(starts["7d"].toISOString()).toBe("2026-04-03T12:30:00.000Z")
  expect(starts["90d"].toISOString()).toBe("2026-01-10T12:30:00.000Z")
})

test("a 24-hour window is counted from cached whole hours plus the live minutes at either end", () => {
  // Now 12:30:00 with a 10-minute settling margin: the window holds minutes after 12:30 yesterday
  // up to 12:30 today, i.e. [12:30:00.001, 12:30:00.001).
  const now = new Date("2026-04-10T12:30:00Z")
  const split = splitRange(
    { from: new Date("2026-04-09T12:30:00.001Z"), to: new Date("2026-04-10T12:30:00.001Z") },
    new Date("2026-04-10T12:20:00Z"),
  )
  expect(split.settled).toEqual({ from: new Date("2026-04-09T13:00:00Z"), to: new Date("2026-04-10T12:00:00Z") })
  expect(split.live).toEqual([
    { from: new Date("2026-04-09T12:30:00.001Z"), to: new Date("2026-04-09T13:00:00Z") },
    { from: new Date("2026-04-10T12:00:00Z"), to: new Date("2026-04-10T12:30:00.001Z") },
  ])
  expect(now.getTime() - split.live[1].from.getTime()).toBe(30 * 60_000)
})

test("an hour that ended less than the margin ago is still counted live", () => {
  const split = splitRange(
    { from: new Date("2026-04-10T09:00:00Z"), to: new Date("2026-04-10T11:05:00Z") },
    new Date("2026-04-10T10:55:00Z"),
  )
  expect(split.settled).toEqual({ from: new Date("2026-04-10T09:00:00Z"), to: new Date("2026-04-10T10:00:00Z") })
  expect(split.live).toEqual([{ from: new Date("2026-04-10T10:00:00Z"), to: new Date("2026-04-10T11:05:00Z") }])
})

test("a range inside one hour has nothing settled", () => {
  const range = { from: new Date("2026-04-10T10:05:00Z"), to: new Date("2026-04-10T10:50:00Z") }
  expect(splitRange(range, new Date("2026-04-11T00:00:00Z"))).toEqual({ settled: null, live: [range] })
  expect(splitRange({ from: range.to, to: range.from }, new Date())).toEqual({ settled: null, live: [] })
})
