import { expect, test } from "vitest"
import { BOUNDS, BUCKET_COUNT, bucketOf, emptyBuckets, mean, mergeBuckets, percentile } from "./histogram"

function histogramOf(values: number[]): number[] {
  const buckets = emptyBuckets()
  for (const value of values) buckets[bucketOf(value)]! += 1
  return buckets
}

test("bounds run 1, 1.5, 2, 3, 4, 6, 8, 12 … 49 152, 65 536 ms with one overflow slot", () => {
  expect(BOUNDS.slice(0, 8)).toEqual([1, 1.5, 2, 3, 4, 6, 8, 12])
  expect(BOUNDS.slice(-3)).toEqual([32768, 49152, 65536])
  expect(BOUNDS).toHaveLength(33)
  expect(BUCKET_COUNT).toBe(34)
})

test("a value on a bound falls in the bucket that bound closes; just above it, in the next", () => {
  expect(bucketOf(0)).toBe(0)
  expect(bucketOf(-3)).toBe(0)
  expect(bucketOf(1)).toBe(0)
  expect(bucketOf(1.2)).toBe(1) // (1, 1.5]
  expect(bucketOf(1.5)).toBe(1)
  expect(bucketOf(2)).toBe(2)
  expect(bucketOf(10)).toBe(7) // (8, 12]
  expect(bucketOf(12)).toBe(7)
  expect(bucketOf(12.01)).toBe(8) // (12, 16]
  expect(bucketOf(100)).toBe(14) // (96, 128]
  expect(bucketOf(65536)).toBe(32)
  expect(bucketOf(65536.5)).toBe(33) // overflow
  expect(bucketOf(Number.NaN)).toBe(0)
})

test("an empty histogram has no percentiles and no mean", () => {
  expect(percentile(emptyBuckets(), 0.5)).toBeNull()
  expect(percentile([], 0.99)).toBeNull()
  expect(mean(0, 0)).toBeNull()
})

test("one value of 10 ms: interpolated inside its bucket (8, 12]", () => {
  const buckets = histogramOf([10])
  expect(percentile(buckets, 0.5)).toBe(10) // 8 + 4 × 0.5 / 1
  expect(percentile(buckets, 0.99)).toBeCloseTo(11.96, 10) // 8 + 4 × 0.99
  expect(percentile(buckets, 0)).toBe(8)
  expect(percentile(buckets, 1)).toBe(12)
  expect(mean(10, 1)).toBe(10)
})

test("values on bucket bounds: 1, 2, 4, 8 ms", () => {
  const buckets = histogramOf([1, 2, 4, 8]) // slots 0, 2, 4, 6 hold one each
  expect(percentile(buckets, 0.25)).toBe(1) // rank 1 in [0, 1]: 0 + 1 × 1 / 1
  expect(percentile(buckets, 0.5)).toBe(2) // rank 2 in (1.5, 2]: 1.5 + 0.5 × (2 − 1) / 1
  expect(percentile(buckets, 0.75)).toBe(4) // rank 3 in (3, 4]: 3 + 1 × (3 − 2) / 1
  expect(percentile(buckets, 1)).toBe(8) // rank 4 in (6, 8]
  expect(mean(1 + 2 + 4 + 8, 4)).toBe(3.75)
})

test("a value past 65.5 s reads as the last bound", () => {
  expect(percentile(histogramOf([70_000]), 0.5)).toBe(65536)
})

test("two instances merged give the percentiles of the union of their values, not an average", () => {
  const a = histogramOf([10, 10, 10, 10, 100]) // slot 7 (8, 12] × 4, slot 14 (96, 128] × 1
  const b = histogramOf([20, 20, 300, 300, 300]) // slot 9 (16, 24] × 2, slot 17 (256, 384] × 3
  const merged = mergeBuckets(a, b)
  expect(merged).toEqual(histogramOf([10, 10, 10, 10, 100, 20, 20, 300, 300, 300]))
  expect(merged[7]).toBe(4)
  expect(merged[9]).toBe(2)
  expect(merged[14]).toBe(1)
  expect(merged[17]).toBe(3)

  // 10 values. p50: rank 5, 4 below slot 9 → 16 + 8 × (5 − 4) / 2 = 20
  expect(percentile(merged, 0.5)).toBe(20)
  // p95: rank 9.5, 7 below slot 17 → 256 + 128 × 2.5 / 3 = 362.666…
  expect(percentile(merged, 0.95)).toBeCloseTo(362.6667, 3)
  // p99: rank 9.9 → 256 + 128 × 2.9 / 3 = 379.7333…
  expect(percentile(merged, 0.99)).toBeCloseTo(379.7333, 3)

  // Each instance alone: A p50 = 8 + 4 × 2.5 / 4 = 10.5, B p50 = 256 + 128 × 0.5 / 3 = 277.33…;
  // their average (143.9) is not the fleet's median.
  expect(percentile(a, 0.5)).toBe(10.5)
  expect(percentile(b, 0.5)).toBeCloseTo(277.3333, 3)
  expect(((percentile(a, 0.5) ?? 0) + (percentile(b, 0.5) ?? 0)) / 2).not.toBeCloseTo(20, 0)
})

test("merging treats missing slots as zeros", () => {
  expect(mergeBuckets([1, 2], [3, 4, 5])).toEqual([4, 6, 5])
  expect(mergeBuckets([], [])).toEqual([])
})
