import { expect, test } from "vitest"
import { bucketSeconds, bucketStart, startOfMinute } from "./series"

const at = (iso: string) => new Date(iso)

test("a bucket is never finer than the data and the buckets a range touches fit in the chart", () => {
  // One hour of 15-second samples, 120 points: 3600 / 119 = 30.25 → 45 s (next multiple of 15).
  expect(bucketSeconds(at("2026-01-01T00:00:00Z"), at("2026-01-01T01:00:00Z"), 120, 15)).toBe(45)
  // Ten minutes of 15-second samples: 600 / 119 = 5.04 → the data's own 15 s.
  expect(bucketSeconds(at("2026-01-01T00:00:00Z"), at("2026-01-01T00:10:00Z"), 120, 15)).toBe(15)
  // 30 days of minute probes, 120 points: 2,592,000 / 119 = 21,781.5 → 21,840 s (364 minutes).
  expect(bucketSeconds(at("2026-01-01T00:00:00Z"), at("2026-01-31T00:00:00Z"), 120, 60)).toBe(21_840)
  // An empty range still has a valid width.
  expect(bucketSeconds(at("2026-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z"), 120, 60)).toBe(60)
})

test("the worst-case alignment of a range stays within the point budget", () => {
  const from = at("2026-01-01T00:00:07Z")
  const to = at("2026-01-08T03:17:00Z")
  const width = bucketSeconds(from, to, 120, 15)
  const first = bucketStart(from, width).getTime()
  const last = bucketStart(new Date(to.getTime() - 1), width).getTime()
  expect((last - first) / (width * 1000) + 1).toBeLessThanOrEqual(120)
})

test("buckets and minutes are aligned to the epoch", () => {
  expect(bucketStart(at("2026-01-01T00:01:44Z"), 45).toISOString()).toBe("2026-01-01T00:01:30.000Z")
  expect(startOfMinute(at("2026-01-01T10:11:59.999Z")).toISOString()).toBe("2026-01-01T10:11:00.000Z")
})
