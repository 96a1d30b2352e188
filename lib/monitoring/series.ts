// Time-series downsampling shared by the monitoring charts: epoch-aligned buckets, so the same
// range always yields the same buckets whichever instance answers.

/**
 * Bucket width in seconds for a chart of at most `maxPoints` points over [from, to): a multiple of
 * `stepSeconds` (the data's own resolution), wide enough that the epoch-aligned buckets the range
 * touches never number more than `maxPoints`.
 */
export function bucketSeconds(from: Date, to: Date, maxPoints: number, stepSeconds: number): number {
  const rangeSeconds = Math.max(0, (to.getTime() - from.getTime()) / 1000)
  // A range of R seconds touches at most floor(R / w) + 1 aligned buckets of width w.
  const points = Math.max(1, Math.floor(maxPoints) - 1)
  const width = Math.max(stepSeconds, Math.ceil(rangeSeconds / points))
  return Math.ceil(width / stepSeconds) * stepSeconds
}

/** Start of the epoch-aligned bucket holding `at`. */
export function bucketStart(at: Date, widthSeconds: number): Date {
  const width = widthSeconds * 1000
  return new Date(Math.floor(at.getTime() / width) * width)
}

export function startOfMinute(at: Date): Date {
  return bucketStart(at, 60)
}
