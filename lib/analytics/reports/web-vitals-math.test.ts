import { expect, test } from "vitest"
import { percentile, rateVital } from "./web-vitals-math"

test("no values: no percentile", () => {
  expect(percentile([], 0.75)).toBeNull()
})

test("one value is every percentile", () => {
  expect(percentile([1234], 0)).toBe(1234)
  expect(percentile([1234], 0.5)).toBe(1234)
  expect(percentile([1234], 0.95)).toBe(1234)
})

test("linear interpolation between closest ranks, whatever the input order", () => {
  // sorted: 100, 200, 300, 400 (n = 4)
  const values = [400, 100, 300, 200]
  // p50: h = 3 × 0.5 = 1.5 → 200 + 0.5 × (300 - 200) = 250
  expect(percentile(values, 0.5)).toBe(250)
  // p75: h = 3 × 0.75 = 2.25 → 300 + 0.25 × (400 - 300) = 325
  expect(percentile(values, 0.75)).toBe(325)
  // p95: h = 3 × 0.95 = 2.85 → 300 + 0.85 × 100 = 385
  expect(percentile(values, 0.95)).toBeCloseTo(385, 10)
  expect(percentile(values, 0)).toBe(100)
  expect(percentile(values, 1)).toBe(400)
})

test("five values land on ranks exactly at p50 and p75", () => {
  // sorted 1, 2, 3, 4, 10: p50 h = 2 → 3; p75 h = 3 → 4; p95 h = 3.8 → 4 + 0.8 × 6 = 8.8
  expect(percentile([10, 1, 4, 3, 2], 0.5)).toBe(3)
  expect(percentile([10, 1, 4, 3, 2], 0.75)).toBe(4)
  expect(percentile([10, 1, 4, 3, 2], 0.95)).toBeCloseTo(8.8, 10)
})

test("CLS scores keep their decimals", () => {
  // sorted 0, 0.05, 0.3: p75 h = 1.5 → 0.05 + 0.5 × 0.25 = 0.175
  expect(percentile([0.3, 0, 0.05], 0.75)).toBeCloseTo(0.175, 12)
})

test("p outside [0, 1] is a programming error", () => {
  expect(() => percentile([1], 1.5)).toThrow(RangeError)
})

test("ratings follow the published thresholds, boundaries included in the better band", () => {
  expect(rateVital("LCP", 2500)).toBe("good")
  expect(rateVital("LCP", 2501)).toBe("needs-improvement")
  expect(rateVital("LCP", 4000)).toBe("needs-improvement")
  expect(rateVital("LCP", 4001)).toBe("poor")
  expect(rateVital("INP", 200)).toBe("good")
  expect(rateVital("INP", 500.5)).toBe("poor")
  expect(rateVital("CLS", 0.1)).toBe("good")
  expect(rateVital("CLS", 0.25)).toBe("needs-improvement")
  expect(rateVital("CLS", 0.26)).toBe("poor")
})
