// Exact percentiles from bucket counts, no I/O. A rollup counts values in fixed, disjoint buckets
// and keeps each bucket's least and greatest value; the counts of a range tell which bucket holds a
// rank, and the value itself is known at once when the rank is the bucket's first or last or every
// value in it is equal. Only otherwise are that bucket's values read, from where it starts: a few
// thousand values sorted instead of all of them.

/**
 * One bucket of a histogram: how many values, the least and the greatest of them; `loose` when
 * values were taken out after those were found, so they only bound the values left.
 */
export type Bucket = { count: number; min: number; max: number; loose?: boolean }

/** Reads `count` values of `bucket` in ascending order from the `offset`-th (0-based). */
export type ReadBucket<B extends Bucket = Bucket> = (bucket: B, offset: number, count: number) => Promise<number[]>

/**
 * The ranks (0-based) that percentile_cont(p) interpolates between among `count` sorted values, and
 * the weight of the higher: h = (count − 1)·p, low = ⌊h⌋, high = ⌈h⌉, weight = h − ⌊h⌋. Null for no values.
 */
export function percentileRanks(count: number, p: number): { low: number; high: number; weight: number } | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be within [0, 1], got ${p}`)
  if (count === 0) return null
  const h = (count - 1) * p
  return { low: Math.floor(h), high: Math.ceil(h), weight: h - Math.floor(h) }
}

/** The bucket holding the value of 0-based `rank` among all the buckets' values (buckets in ascending order), and its offset there. */
export function locateRank<B extends Bucket>(buckets: readonly B[], rank: number): { bucket: B; offset: number } {
  let before = 0
  for (const bucket of buckets) {
    if (rank < before + bucket.count) return { bucket, offset: rank - before }
    before += bucket.count
  }
  throw new RangeError(`rank ${rank} is beyond the ${before} values counted`)
}

/** The value at `offset` of `bucket` when the counts alone tell it. */
function knownValue(bucket: Bucket, offset: number): number | undefined {
  if (bucket.min === bucket.max) return bucket.min
  if (bucket.loose) return undefined
  if (offset === 0) return bucket.min
  if (offset === bucket.count - 1) return bucket.max
  return undefined
}

async function readValues<B extends Bucket>(
  read: ReadBucket<B>,
  bucket: B,
  offset: number,
  count: number,
): Promise<number[]> {
  const values = await read(bucket, offset, count)
  if (values.length !== count)
    throw new Error(
      `a bucket counted ${bucket.count} values, but ${values.length} of ${count} were read from offset ${offset}`,
    )
  return values
}

/**
 * percentile_cont(p) of the values counted in `buckets` (ascending and disjoint: every value of a
 * bucket lies below every value of the next), reading values only where the counts cannot tell.
 * Null when nothing is counted.
 */
export async function bucketPercentile<B extends Bucket>(
  buckets: readonly B[],
  p: number,
  read: ReadBucket<B>,
): Promise<number | null> {
  const ranks = percentileRanks(
    buckets.reduce((total, bucket) => total + bucket.count, 0),
    p,
  )
  if (!ranks) return null
  const low = locateRank(buckets, ranks.low)
  const high = locateRank(buckets, ranks.high)
  let lowValue = knownValue(low.bucket, low.offset)
  let highValue = knownValue(high.bucket, high.offset)
  if (lowValue === undefined && highValue === undefined && low.bucket === high.bucket) {
    // Neighbours in one bucket: one read for both.
    const values = await readValues(read, low.bucket, low.offset, high.offset - low.offset + 1)
    lowValue = values[0]!
    highValue = values[values.length - 1]!
  }
  lowValue ??= (await readValues(read, low.bucket, low.offset, 1))[0]!
  highValue ??= (await readValues(read, high.bucket, high.offset, 1))[0]!
  return lowValue + ranks.weight * (highValue - lowValue)
}
