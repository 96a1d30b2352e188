import { Prisma } from "@/generated/prisma/client"

// Fixed buckets of durations in microseconds, shared by the rollups that count durations so their
// medians are exact from counts (bucket-percentile.ts), and by the reports that read them: session
// durations (lib/analytics/rollups/session-groups.ts) and the time between funnel steps
// (lib/analytics/funnels/kept-cells.ts).

/**
 * Lower bounds of the buckets, µs: bucket 0 is 0 µs alone, bucket 1 under a millisecond, then four
 * buckets an octave up to about 12.4 days (2³⁰ ms); the last is open. Changing them means counting
 * every stored bucket again (in a migration: drop the session groups' states and the funnels' entries).
 */
export const DURATION_BUCKET_BOUNDS: readonly number[] = [
  1,
  ...Array.from({ length: 121 }, (_, k) => Math.round(1000 * 2 ** (k / 4))),
]

/** The bucket of a duration in µs (width_bucket: 0 below the first bound, i from the i-th on). */
export const durationBucket = (micros: Prisma.Sql) =>
  Prisma.sql`width_bucket(${micros}, ${DURATION_BUCKET_BOUNDS}::bigint[])`
