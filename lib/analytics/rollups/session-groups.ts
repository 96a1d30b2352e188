import { Prisma } from "@/generated/prisma/client"
import { dayOfAt, dayStartOf } from "@/lib/analytics/model/days"
import { durationBucket } from "@/lib/analytics/model/duration-buckets"
import {
  BOUNCE,
  DURATION_TALLIES,
  SESSION_GROUPS,
  SESSION_MICROS,
  sessionGroupsBuilt,
  sessionGroupsKey,
} from "@/lib/analytics/model/sessions"
import type { Tx } from "@/lib/analytics/model/watermarks"
import { writeMark } from "./state"

// analytics_session_groups: sessions by the zone day they started, counted by entry page, exit
// page, referrer and UTM campaign, with bounces; analytics_session_durations: the same sessions by
// duration bucket. The traffic report sums a few rows per day instead of grouping and sorting
// every session of a long range. Functions of analytics_sessions: whatever a rollup batch changes
// there, the days those sessions started on (before and after) are counted again in the same
// transaction; a run that has caught up counts every day when the zone has no counts yet (a new
// zone, a reset).

function insertDurations(tx: Tx, timeZone: string, days: Prisma.Sql): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO analytics_session_durations (day, bucket, sessions, bounces, total_us, min_us, max_us)
    SELECT ${dayOfAt(timeZone, Prisma.sql`s.started_at`)} AS day, ${durationBucket(SESSION_MICROS)} AS bucket, ${DURATION_TALLIES}
    FROM analytics_sessions s ${days}
    GROUP BY 1, 2`
}

async function insertGroups(tx: Tx, timeZone: string, days: Prisma.Sql): Promise<void> {
  await insertDurations(tx, timeZone, days)
  await tx.$executeRaw`
    INSERT INTO analytics_session_groups (day, kind, value, campaign, sessions, bounces)
    SELECT ${dayOfAt(timeZone, Prisma.sql`s.started_at`)} AS day, g.kind, g.value, g.campaign, count(*)::int, (count(*) FILTER (WHERE ${BOUNCE}))::int
    FROM analytics_sessions s ${days} ${SESSION_GROUPS}
    WHERE g.value IS NOT NULL
    GROUP BY 1, 2, 3, 4`
}

/** Counts every day again (first build, a new zone). */
async function rebuildSessionGroups(tx: Tx, timeZone: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM analytics_session_groups`
  await tx.$executeRaw`DELETE FROM analytics_session_durations`
  await insertGroups(tx, timeZone, Prisma.empty)
}

/**
 * Counts again the days on which the sessions recomputed in this batch (analytics_rollup_sessions,
 * with `was`, their start before) started, before and now.
 */
export async function recountSessionGroups(tx: Tx, timeZone: string): Promise<void> {
  await tx.$executeRaw`CREATE TEMP TABLE analytics_rollup_session_days (day date PRIMARY KEY, first_at timestamptz, next_at timestamptz) ON COMMIT DROP`
  await tx.$executeRaw`
    INSERT INTO analytics_rollup_session_days (day, first_at, next_at)
    SELECT day, ${dayStartOf(timeZone, Prisma.sql`day`)}, ${dayStartOf(timeZone, Prisma.sql`day + 1`)} FROM (
      SELECT ${dayOfAt(timeZone, Prisma.sql`t.was`)} AS day FROM analytics_rollup_sessions t WHERE t.was IS NOT NULL
      UNION SELECT ${dayOfAt(timeZone, Prisma.sql`s.started_at`)} FROM analytics_sessions s JOIN analytics_rollup_sessions t ON t.session_id = s.session_id
    ) touched`
  await tx.$executeRaw`DELETE FROM analytics_session_groups WHERE day IN (SELECT day FROM analytics_rollup_session_days)`
  await tx.$executeRaw`DELETE FROM analytics_session_durations WHERE day IN (SELECT day FROM analytics_rollup_session_days)`
  await insertGroups(
    tx,
    timeZone,
    Prisma.sql`JOIN analytics_rollup_session_days t ON s.started_at >= t.first_at AND s.started_at < t.next_at`,
  )
}

/** Once the rollups have caught up: counts every day in the zone when that was never done. Returns whether it did. */
export async function syncSessionGroups(tx: Tx, timeZone: string, sessionsMark: string): Promise<boolean> {
  if (await sessionGroupsBuilt(tx, timeZone)) return false
  await rebuildSessionGroups(tx, timeZone)
  await writeMark(tx, sessionGroupsKey(timeZone), sessionsMark)
  return true
}
