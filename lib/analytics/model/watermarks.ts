import { Prisma, type PrismaClient } from "@/generated/prisma/client"

// The names and marks of analytics_rollup_state, as every stage reads them. Watermarks travel as
// exact text ("2026-11-26T03:00:00.123456Z"), never as a JS Date: received_at has microseconds, a
// Date keeps milliseconds, and a watermark rounded down would pick the same events up again. The
// rollups move them (lib/analytics/rollups/state.ts).

export type Tx = Prisma.TransactionClient

/** The rollups read from raw events: where readers switch to raw events, and what raw retention waits for. */
export const EVENT_ROLLUPS = ["hourly", "daily", "visitor_days", "sessions", "web_vitals"] as const
/** "people" is made of visitor days, not raw events: its watermark follows theirs (lib/analytics/rollups/people.ts). */
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
export const markText = (expression: Prisma.Sql) =>
  Prisma.sql`to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/**
 * The state key of a rollup. Days depend on ANALYTICS_TIME_ZONE, so the daily rollups (and people,
 * made of visitor days) are keyed by zone: after a change of zone their watermark is new and they
 * rebuild from the raw events still kept.
 */
export function stateKey(rollup: RollupName, timeZone: string): string {
  return rollup === "daily" || rollup === "visitor_days" || rollup === "people" ? `${rollup}@${timeZone}` : rollup
}

/**
 * True once a rollup run has built the people rollup in the zone: from then on it equals what the
 * visitor days give. Before that (a new database, a reset, a new zone) read the visitor days.
 */
export async function peopleRolledUp(client: PrismaClient | Tx, timeZone: string): Promise<boolean> {
  const [row] = await client.$queryRaw<
    { built: boolean }[]
  >`SELECT EXISTS (SELECT 1 FROM analytics_rollup_state WHERE name = ${stateKey("people", timeZone)}) AS built`
  return row?.built === true
}
