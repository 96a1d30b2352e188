import { Prisma } from "@/generated/prisma/client"

// Rows of analytics_rollup_state. Watermarks travel as exact text ("2026-11-26T03:00:00.123456Z"),
// never as a JS Date: received_at has microseconds, a Date keeps milliseconds, and a watermark
// rounded down would pick the same events up again.

export type Tx = Prisma.TransactionClient

/** The rollups read from raw events: where readers switch to raw events, and what raw retention waits for. */
export const EVENT_ROLLUPS = ["hourly", "daily", "visitor_days", "sessions", "web_vitals"] as const
/** "people" is made of visitor days, not raw events: its watermark follows theirs (people.ts). */
export const ROLLUPS = [...EVENT_ROLLUPS, "people"] as const
export type RollupName = (typeof ROLLUPS)[number]

/**
 * Raw events with `at` before this instant have been deleted (retention): rollup units that start
 * before it are never recomputed, or their rows would shrink to what is left.
 */
export const RAW_DELETED_BEFORE = "raw_deleted_before"

/** Before any run: older than every event. */
export const EPOCH_MARK = "1970-01-01T00:00:00.000000Z"

/** The exact text of a timestamptz expression, in UTC. */
export const markText = (expression: Prisma.Sql) => Prisma.sql`to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/**
 * The state key of a rollup. Days depend on ANALYTICS_TIME_ZONE, so the daily rollups (and people,
 * made of visitor days) are keyed by zone: after a change of zone their watermark is new and they
 * rebuild from the raw events still kept.
 */
export function stateKey(rollup: RollupName, timeZone: string): string {
  return rollup === "daily" || rollup === "visitor_days" || rollup === "people" ? `${rollup}@${timeZone}` : rollup
}

export type Marks = Record<RollupName, string> & { rawDeletedBefore: string }

/** Every watermark (EPOCH_MARK when a rollup never ran) and the raw-deletion horizon. */
export async function readMarks(tx: Tx, timeZone: string): Promise<Marks> {
  const keys = ROLLUPS.map((rollup) => stateKey(rollup, timeZone))
  const rows = await tx.$queryRaw<{ name: string; mark: string }[]>`
    SELECT name, ${markText(Prisma.sql`watermark`)} AS mark FROM analytics_rollup_state WHERE name = ANY(${[...keys, RAW_DELETED_BEFORE]}::text[])`
  const byName = new Map(rows.map((row) => [row.name, row.mark]))
  const marks = { rawDeletedBefore: byName.get(RAW_DELETED_BEFORE) ?? EPOCH_MARK } as Marks
  for (const rollup of ROLLUPS) marks[rollup] = byName.get(stateKey(rollup, timeZone)) ?? EPOCH_MARK
  return marks
}

/** Sets a state row to `mark` (text); `onlyForward` keeps the later of the two. */
export async function writeMark(tx: Tx, name: string, mark: string, options: { onlyForward?: boolean } = {}): Promise<void> {
  if (options.onlyForward) {
    await tx.$executeRaw`
      INSERT INTO analytics_rollup_state (name, watermark, updated_at) VALUES (${name}, ${mark}::timestamptz, now())
      ON CONFLICT (name) DO UPDATE SET watermark = greatest(analytics_rollup_state.watermark, EXCLUDED.watermark), updated_at = now()`
  } else {
    await tx.$executeRaw`
      INSERT INTO analytics_rollup_state (name, watermark, updated_at) VALUES (${name}, ${mark}::timestamptz, now())
      ON CONFLICT (name) DO UPDATE SET watermark = EXCLUDED.watermark, updated_at = now()`
  }
}

/** Compares two marks of the form above (fixed width, so text order is time order). */
export function earlier(a: string, b: string): boolean {
  return a < b
}

/** One key for every writer of the rollup tables (rollup batches, the retention horizon). */
export const ROLLUP_LOCK_KEY = 7_306_010_011

export async function tryRollupLock(tx: Tx): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${ROLLUP_LOCK_KEY}::bigint) AS locked`
  return row?.locked === true
}

export async function waitForRollupLock(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${ROLLUP_LOCK_KEY}::bigint)`
}
