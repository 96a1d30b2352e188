import { Prisma } from "@/generated/prisma/client"
import {
  EPOCH_MARK,
  markText,
  RAW_DELETED_BEFORE,
  ROLLUPS,
  type RollupName,
  stateKey,
  type Tx,
} from "@/lib/analytics/model/watermarks"

// Reading and moving the watermarks of analytics_rollup_state (their names and marks:
// lib/analytics/model/watermarks.ts), and the one lock every writer of the rollup tables takes.

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
export async function writeMark(
  tx: Tx,
  name: string,
  mark: string,
  options: { onlyForward?: boolean } = {},
): Promise<void> {
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

/** Compares two marks (exact text of a fixed width, so text order is time order). */
export function earlier(a: string, b: string): boolean {
  return a < b
}

/** One key for every writer of the rollup tables (rollup batches, the retention horizon). */
export const ROLLUP_LOCK_KEY = 7_306_010_011

export async function tryRollupLock(tx: Tx): Promise<boolean> {
  const [row] = await tx.$queryRaw<
    { locked: boolean }[]
  >`SELECT pg_try_advisory_xact_lock(${ROLLUP_LOCK_KEY}::bigint) AS locked`
  return row?.locked === true
}

export async function waitForRollupLock(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${ROLLUP_LOCK_KEY}::bigint)`
}
