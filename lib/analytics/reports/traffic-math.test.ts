import { expect, test } from "vitest"
import { isBounce, summariseSessions } from "./traffic-math"

test("a bounce is one page view and nothing else", () => {
  expect(isBounce({ pageViews: 1, events: 1 })).toBe(true)
  // one page, then a click on it
  expect(isBounce({ pageViews: 1, events: 2 })).toBe(false)
  expect(isBounce({ pageViews: 2, events: 2 })).toBe(false)
  // events without any page view (a tab sending only custom events) is not a bounce either
  expect(isBounce({ pageViews: 0, events: 1 })).toBe(false)
})

test("bounce rate, mean and median of eight sessions", () => {
  const sessions = [
    { pageViews: 2, events: 3, durationSeconds: 120 },
    { pageViews: 1, events: 1, durationSeconds: 0 },
    { pageViews: 1, events: 2, durationSeconds: 60 },
    { pageViews: 2, events: 3, durationSeconds: 120 },
    { pageViews: 1, events: 1, durationSeconds: 0 },
    { pageViews: 1, events: 1, durationSeconds: 0 },
    { pageViews: 2, events: 2, durationSeconds: 300 },
    { pageViews: 1, events: 1, durationSeconds: 0 },
  ]
  // 4 bounces / 8; mean 600 / 8 = 75; sorted 0 0 0 0 60 120 120 300 → h = 3.5 → 0 + 0.5 × 60 = 30
  expect(summariseSessions(sessions)).toEqual({
    sessions: 8,
    bounces: 4,
    bounceRate: 0.5,
    averageDurationSeconds: 75,
    medianDurationSeconds: 30,
  })
})

test("odd count: the middle one; one session: itself; none: nothing", () => {
  // sorted 10, 20, 90 → median 20, mean 40
  const three = summariseSessions([90, 10, 20].map((durationSeconds) => ({ pageViews: 2, events: 2, durationSeconds })))
  expect([three.medianDurationSeconds, three.averageDurationSeconds, three.bounceRate]).toEqual([20, 40, 0])
  expect(summariseSessions([{ pageViews: 1, events: 1, durationSeconds: 0 }])).toEqual({
    sessions: 1,
    bounces: 1,
    bounceRate: 1,
    averageDurationSeconds: 0,
    medianDurationSeconds: 0,
  })
  expect(summariseSessions([])).toEqual({
    sessions: 0,
    bounces: 0,
    bounceRate: null,
    averageDurationSeconds: null,
    medianDurationSeconds: null,
  })
})
