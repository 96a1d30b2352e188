import { describe, expect, test } from "vitest"
import { percentile } from "@/lib/analytics/reports/web-vitals-math"
import { type Bucket, bucketPercentile, locateRank, percentileRanks } from "./bucket-percentile"

/** Buckets of `values` split at `bounds` (value < bound goes below it), with a reader that records its reads. */
function histogram(values: number[], bounds: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const groups = new Map<number, number[]>()
  for (const value of sorted) {
    const index = bounds.filter((bound) => value >= bound).length
    groups.set(index, [...(groups.get(index) ?? []), value])
  }
  const buckets = [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, members]) => ({ count: members.length, min: members[0]!, max: members[members.length - 1]!, members }))
  const reads: { offset: number; count: number }[] = []
  const read = async (bucket: Bucket, offset: number, count: number) => {
    reads.push({ offset, count })
    return (bucket as (typeof buckets)[number]).members.slice(offset, offset + count)
  }
  return { buckets, read, reads }
}

describe("percentileRanks", () => {
  test("as percentile_cont: h = (n − 1)·p", () => {
    // 8 values, median: h = 7 × 0.5 = 3.5 → ranks 3 and 4, half of each.
    expect(percentileRanks(8, 0.5)).toEqual({ low: 3, high: 4, weight: 0.5 })
    // 5 values, p75: h = 4 × 0.75 = 3 → rank 3 alone.
    expect(percentileRanks(5, 0.75)).toEqual({ low: 3, high: 3, weight: 0 })
    expect(percentileRanks(1, 0.95)).toEqual({ low: 0, high: 0, weight: 0 })
    expect(percentileRanks(0, 0.5)).toBeNull()
    expect(() => percentileRanks(3, 1.5)).toThrow(RangeError)
  })
})

describe("locateRank", () => {
  const buckets = [
    { count: 3, min: 0, max: 0 },
    { count: 2, min: 5, max: 9 },
  ]
  test("the bucket holding a rank and the offset in it", () => {
    expect(locateRank(buckets, 0)).toEqual({ bucket: buckets[0], offset: 0 })
    expect(locateRank(buckets, 2)).toEqual({ bucket: buckets[0], offset: 2 })
    expect(locateRank(buckets, 3)).toEqual({ bucket: buckets[1], offset: 0 })
    expect(locateRank(buckets, 4)).toEqual({ bucket: buckets[1], offset: 1 })
    expect(() => locateRank(buckets, 5)).toThrow(RangeError)
  })
})

describe("bucketPercentile", () => {
  test("the traffic test's sessions: 0, 0, 0, 0 | 60 | 120, 120 | 300 s; the median needs no read", async () => {
    const { buckets, read, reads } = histogram([120, 0, 60, 120, 0, 0, 300, 0], [1, 100, 200])
    // Ranks 3 (the last 0: bucket 0 is all zeros) and 4 (60, the first of [1, 100)): 0 + 0.5 × 60 = 30.
    expect(await bucketPercentile(buckets, 0.5, read)).toBe(30)
    expect(reads).toEqual([])
  })

  test("a rank inside a bucket of unequal values reads it, from that rank", async () => {
    // Sorted 1, 2 | 10, 20, 30, 40, 50 (bucket [10, 100)). Median: h = 6 × 0.5 = 3 → rank 3 = offset 1 there → 20.
    const { buckets, read, reads } = histogram([1, 2, 10, 20, 30, 40, 50], [10, 100])
    expect(await bucketPercentile(buckets, 0.5, read)).toBe(20)
    expect(reads).toEqual([{ offset: 1, count: 1 }])
  })

  test("two neighbouring ranks inside one bucket are read together", async () => {
    // 6 values: h = 2.5 → ranks 2 (20) and 3 (30), offsets 1 and 2 of [10, 100): 20 + 0.5 × 10 = 25.
    const { buckets, read, reads } = histogram([1, 10, 20, 30, 40, 50], [10, 100])
    expect(await bucketPercentile(buckets, 0.5, read)).toBe(25)
    expect(reads).toEqual([{ offset: 1, count: 2 }])
  })

  test("a bucket's first and last values are its min and max", async () => {
    // 4 values 1 | 10, 20, 50: p = 1/3 → h = 1 → offset 0 of [10, 100) = 10; p95 → h = 2.85 → 20 + 0.85 × 30 = 45.5, offset 2 is the last (50).
    const { buckets, read, reads } = histogram([1, 10, 20, 50], [10, 100])
    expect(await bucketPercentile(buckets, 1 / 3, read)).toBe(10)
    expect(reads).toEqual([])
    expect(await bucketPercentile(buckets, 0.95, read)).toBeCloseTo(45.5, 12)
    expect(reads).toEqual([{ offset: 1, count: 1 }])
  })

  test("nothing counted, no percentile; one value is every percentile", async () => {
    expect(await bucketPercentile([], 0.5, async () => [])).toBeNull()
    const { buckets, read } = histogram([90], [1, 100])
    expect(await bucketPercentile(buckets, 0.5, read)).toBe(90)
    expect(await bucketPercentile(buckets, 0.95, read)).toBe(90)
  })

  test("agrees with sorting every value, whatever the buckets", async () => {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let trial = 0; trial < 50; trial++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 50))
      const bounds = [
        ...new Set(Array.from({ length: Math.floor(random() * 6) }, () => Math.floor(random() * 50))),
      ].sort((a, b) => a - b)
      const { buckets, read } = histogram(values, bounds)
      for (const p of [0, 0.5, 0.75, 0.95, 1])
        expect(await bucketPercentile(buckets, p, read)).toBeCloseTo(percentile(values, p)!, 9)
    }
  })

  test("a loose bucket's least and greatest only bound it: its ends are read too, unless all were equal", async () => {
    // Counted 10, 20, 30, 40, 50; then 10 and 50 were taken out: 3 left, min 10 and max 50 now only bounds.
    const values = [20, 30, 40]
    const reads: number[] = []
    const read = async (_: unknown, offset: number, count: number) => {
      reads.push(offset)
      return values.slice(offset, offset + count)
    }
    const loose = [{ count: 3, min: 10, max: 50, loose: true }]
    expect(await bucketPercentile(loose, 0, read)).toBe(20)
    expect(await bucketPercentile(loose, 1, read)).toBe(40)
    expect(reads).toEqual([0, 2])
    expect(await bucketPercentile([{ count: 2, min: 7, max: 7, loose: true }], 0.5, read)).toBe(7)
    expect(reads).toEqual([0, 2])
  })

  test("a reader that returns fewer values than counted is an error, not a wrong answer", async () => {
    const buckets = [{ count: 3, min: 1, max: 9 }]
    await expect(bucketPercentile(buckets, 0.5, async () => [])).rejects.toThrow(/counted 3 values/)
  })
})
