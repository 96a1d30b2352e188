import { Prisma } from "@/generated/prisma/client"
import { durationBucket } from "./duration-buckets"
import { dayOfAt, dayStartOf } from "./recompute"
import { type Tx, writeMark } from "./state"

// analytics_session_groups: sessions by the zone day they started, counted by entry page, exit
// page, referrer and UTM campaign, with bounces; analytics_session_durations: the same sessions by
// duration bucket. The traffic report sums a few rows per day instead of grouping and sorting
// every session of a long range. Functions of analytics_sessions: whatever a rollup batch changes
// there, the days those sessions started on (before and after) are counted again in the same
// transaction; a run that has caught up counts every day when the zone has no counts yet (a new
// zone, a reset).

/** A bounce: one page view and nothing else. */
export const BOUNCE = Prisma.sql`page_views = 1 AND events = 1`

/**
 * The groupings of a session `s` (columns as analytics_sessions): kind, value and campaign, "" for
 * none; value null when the session has no such group (no page view: no entry or exit page; no UTM
 * tag: no campaign).
 */
export const SESSION_GROUPS = Prisma.sql`CROSS JOIN LATERAL (VALUES
    ('entry', s.entry_path, ''),
    ('exit', s.exit_path, ''),
    ('referrer', coalesce(s.referrer, ''), ''),
    ('campaign', CASE WHEN s.utm_source IS NULL AND s.utm_campaign IS NULL THEN NULL ELSE coalesce(s.utm_source, '') END, coalesce(s.utm_campaign, ''))
  ) AS g(kind, value, campaign)`

/**
 * A session `s`'s duration in whole microseconds (last event − first event), exactly; the
 * expression analytics_sessions_duration_idx is built on (lib/database/migrate.ts).
 */
export const SESSION_MICROS = Prisma.sql`((extract(epoch FROM s.ended_at - s.started_at) * 1000000)::bigint)`

/** The columns of analytics_session_durations, aggregated over sessions `s`, grouped by bucket. */
export const DURATION_TALLIES = Prisma.sql`count(*)::int AS sessions, (count(*) FILTER (WHERE ${BOUNCE}))::int AS bounces,
  sum(${SESSION_MICROS}) AS total_us, min(${SESSION_MICROS}) AS min_us, max(${SESSION_MICROS}) AS max_us`

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
  await insertGroups(tx, timeZone, Prisma.sql`JOIN analytics_rollup_session_days t ON s.started_at >= t.first_at AND s.started_at < t.next_at`)
}

// Built once per time zone: until a run has counted every day in the zone, readers group sessions.
const stateName = (timeZone: string) => `session_groups@${timeZone}`

export async function sessionGroupsBuilt(client: Pick<Tx, "$queryRaw">, timeZone: string): Promise<boolean> {
  const [row] = await client.$queryRaw<{ built: boolean }[]>`SELECT EXISTS (SELECT 1 FROM analytics_rollup_state WHERE name = ${stateName(timeZone)}) AS built`
  return row?.built === true
}

/** Once the rollups have caught up: counts every day in the zone when that was never done. Returns whether it did. */
export async function syncSessionGroups(tx: Tx, timeZone: string, sessionsMark: string): Promise<boolean> {
  if (await sessionGroupsBuilt(tx, timeZone)) return false
  await rebuildSessionGroups(tx, timeZone)
  await writeMark(tx, stateName(timeZone), sessionsMark)
  return true
}
