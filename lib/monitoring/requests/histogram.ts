// Request-duration histograms with fixed logarithmic buckets, so histograms from any number of
// instances and minutes merge by adding counts slot by slot, and percentiles come from the merged
// counts (never from averaging percentiles).
//
// Bounds are 1 ms and then alternately ×1.5 and ×4/3 (powers of two and 1.5 × powers of two) up to
// 65 536 ms: 1, 1.5, 2, 3, 4, 6, 8, 12, …, 32 768, 49 152, 65 536. Every bound is exact in binary and
// each bucket is at most 1.5 times as wide as its lower bound (about √2 on average).
// Bucket 0 holds [0, 1] ms, bucket i (1…32) holds (BOUNDS[i-1], BOUNDS[i]] and the last bucket
// (index 33) holds everything above 65 536 ms.

export const BOUNDS: readonly number[] = Array.from(
  { length: 33 },
  (_, i) => 2 ** Math.floor(i / 2) * (i % 2 === 0 ? 1 : 1.5),
)
/** Number of slots in a histogram: one per bound plus the overflow slot. */
export const BUCKET_COUNT = BOUNDS.length + 1

export type Buckets = readonly number[]

export function emptyBuckets(): number[] {
  return new Array<number>(BUCKET_COUNT).fill(0)
}

/** Index of the bucket a duration falls in: the first bound at or above it (negative counts as 0). */
export function bucketOf(ms: number): number {
  if (!(ms > BOUNDS[0]!)) return 0 // also NaN
  let low = 1
  let high = BOUNDS.length // the overflow slot
  while (low < high) {
    const mid = (low + high) >> 1
    if (ms <= BOUNDS[mid]!) high = mid
    else low = mid + 1
  }
  return low
}

/** Slot-by-slot sum; a shorter array counts as zeros in its missing slots. */
export function mergeBuckets(a: Buckets, b: Buckets): number[] {
  const merged = new Array<number>(Math.max(a.length, b.length))
  for (let i = 0; i < merged.length; i++) merged[i] = (a[i] ?? 0) + (b[i] ?? 0)
  return merged
}

export function totalCount(buckets: Buckets): number {
  let total = 0
  for (const count of buckets) total += count
  return total
}

/** Lower and upper edge of a bucket in ms; the overflow slot's upper edge is Infinity. */
export function bucketRange(index: number): [number, number] {
  return [index === 0 ? 0 : BOUNDS[index - 1]!, index < BOUNDS.length ? BOUNDS[index]! : Infinity]
}

/**
 * The q-quantile (0 ≤ q ≤ 1) estimated from bucket counts the way Prometheus' histogram_quantile
 * does: the target rank is q × total; find the first non-empty bucket whose cumulative count
 * reaches it, and interpolate linearly inside that bucket, assuming its values are spread evenly:
 *   lower + (upper − lower) × (rank − count below the bucket) / count in the bucket.
 * Bucket 0's lower edge is 0. A rank that lands in the overflow slot returns the last bound
 * (65 536 ms: "at least this"). Returns null for an empty histogram.
 */
export function percentile(buckets: Buckets, q: number): number | null {
  const total = totalCount(buckets)
  if (total === 0) return null
  const rank = Math.min(Math.max(q, 0), 1) * total
  let below = 0
  for (let i = 0; i < buckets.length; i++) {
    const count = buckets[i] ?? 0
    if (count > 0 && below + count >= rank) {
      const [lower, upper] = bucketRange(i)
      if (upper === Infinity) return lower
      return lower + ((upper - lower) * (rank - below)) / count
    }
    below += count
  }
  return null
}

/** Mean duration from the exact sum kept beside the buckets. */
export function mean(sumMs: number, count: number): number | null {
  return count > 0 ? sumMs / count : null
}
