import type { PrismaClient } from "@/generated/prisma/client"
import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { dayOf, dayStart } from "@/lib/utils/time-range"
import { EVENT_ROLLUPS, stateKey } from "./watermarks"

// Where a report switches from rollups to raw events. Every event received up to `until` is in
// every rollup; the unit that holds `until` may be partial, so readers take rollup rows for the
// units before it and raw events from its start on. Disjoint by `at`, so nothing counts twice;
// only an event that arrived after `until` for an earlier unit (a late one) waits for the next run.

const HOUR_MS = 3_600_000

export type RollupCoverage = {
  /** Events received up to here are rolled up; null before the first run. */
  until: Date | null
  /** analytics_hourly rows with hour < this are complete; raw events from here on. */
  hoursBefore: Date
  /** analytics_daily / analytics_visitor_days rows with day < this (YYYY-MM-DD in the zone) are complete. */
  daysBefore: string
  /** The first instant of `daysBefore` in the zone: read raw events from here on. */
  daysBeforeStart: Date
}

/** The split for a watermark (pure). With none, everything is read raw. */
export function coverageAt(until: Date | null, timeZone: string): RollupCoverage {
  if (!until)
    return {
      until: null,
      hoursBefore: new Date(0),
      daysBefore: "1970-01-01",
      daysBeforeStart: dayStart("1970-01-01", timeZone),
    }
  const daysBefore = dayOf(until, timeZone)
  return {
    until,
    hoursBefore: new Date(Math.floor(until.getTime() / HOUR_MS) * HOUR_MS),
    daysBefore,
    daysBeforeStart: dayStart(daysBefore, timeZone),
  }
}

/** The slowest rollup's watermark (milliseconds; the stored microseconds are cut off), or null if one never ran. */
export async function rolledUntil(options: { client?: PrismaClient; timeZone?: string } = {}): Promise<Date | null> {
  const client = options.client ?? db
  const timeZone = options.timeZone ?? env().ANALYTICS_TIME_ZONE
  const keys = EVENT_ROLLUPS.map((rollup) => stateKey(rollup, timeZone))
  const [row] = await client.$queryRaw<{ until: Date | null; known: number }[]>`
    SELECT min(watermark) AS until, count(*)::int AS known FROM analytics_rollup_state WHERE name = ANY(${keys}::text[])`
  return row && row.known === keys.length ? row.until : null
}

/** rolledUntil() and where each table's complete rows end. */
export async function rollupCoverage(
  options: { client?: PrismaClient; timeZone?: string } = {},
): Promise<RollupCoverage> {
  return coverageAt(await rolledUntil(options), options.timeZone ?? env().ANALYTICS_TIME_ZONE)
}
