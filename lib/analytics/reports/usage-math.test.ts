import { expect, test } from "vitest"
import { averageDaily, compare, share, stickiness } from "./usage-math"

test("comparison with the previous period", () => {
  // 12 now, 8 before: +4, 4 / 8 = +50 %
  expect(compare(12, 8)).toEqual({ current: 12, previous: 8, change: 4, relativeChange: 0.5 })
  // 3 now, 4 before: −1, −1 / 4 = −25 %
  expect(compare(3, 4)).toEqual({ current: 3, previous: 4, change: -1, relativeChange: -0.25 })
  // from nothing: a change but no percentage
  expect(compare(5, 0)).toEqual({ current: 5, previous: 0, change: 5, relativeChange: null })
  expect(compare(null, 2)).toEqual({ current: null, previous: 2, change: null, relativeChange: null })
})

test("a share of nothing is unknown", () => {
  expect(share(1, 4)).toBe(0.25)
  expect(share(0, 4)).toBe(0)
  expect(share(0, 0)).toBeNull()
})

test("average daily actives count idle days as zero", () => {
  // 7 days with 3, 0, 2, 0, 0, 1, 1 actives: 7 visitor-days / 7 days = 1
  expect(averageDaily(3 + 0 + 2 + 0 + 0 + 1 + 1, 7)).toBe(1)
  expect(averageDaily(0, 7)).toBe(0)
  expect(averageDaily(5, 0)).toBeNull()
})

test("stickiness is DAU over MAU", () => {
  // 30 days, 4 distinct actives; day counts sum to 24 visitor-days: DAU 24 / 30 = 0.8, 0.8 / 4 = 0.2
  expect(stickiness(averageDaily(24, 30), 4)).toBeCloseTo(0.2, 12)
  // everyone every day: 4 actives × 30 days = 120 visitor-days, DAU 4, 4 / 4 = 1
  expect(stickiness(averageDaily(120, 30), 4)).toBe(1)
  // one visit in the month: DAU 1/30, MAU 1 → 1/30
  expect(stickiness(averageDaily(1, 30), 1)).toBeCloseTo(1 / 30, 12)
  expect(stickiness(0, 0)).toBeNull()
})
