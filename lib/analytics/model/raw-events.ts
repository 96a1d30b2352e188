import { db } from "@/lib/db"
import { dayOf, dayStart } from "@/lib/utils/time-range"
import { RAW_DELETED_BEFORE } from "./watermarks"

// How far back raw analytics_events reach: ANALYTICS_RAW_RETENTION_DAYS whole days of the zone
// (the rollups' retention deletes them, lib/analytics/rollups/retention.ts), so whatever reads raw
// events (funnels, web vitals, per-user usage) reaches back that far only.

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

/**
 * The first instant whose raw events are kept at `now`: the start of the zone's day `days` days
 * back, rounded down to a whole UTC hour so that hourly units are deleted whole too.
 */
export function rawCutoff(now: Date, days: number, timeZone: string): Date {
  const start = dayStart(dayOf(new Date(now.getTime() - days * DAY_MS), timeZone), timeZone)
  return new Date(Math.floor(start.getTime() / HOUR_MS) * HOUR_MS)
}

/** Raw events before this instant are deleted (retention); null while nothing has been. */
export async function rawEventsKeptFrom(): Promise<Date | null> {
  const [row] = await db.$queryRaw<
    { watermark: Date }[]
  >`SELECT watermark FROM analytics_rollup_state WHERE name = ${RAW_DELETED_BEFORE}`
  return row && row.watermark.getTime() > 0 ? row.watermark : null
}
