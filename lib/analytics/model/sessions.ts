import { Prisma } from "@/generated/prisma/client"
import type { Tx } from "./watermarks"

// The rows of analytics_session_groups and analytics_session_durations as their writer
// (lib/analytics/rollups/session-groups.ts) and the traffic report (lib/analytics/reports/traffic.ts)
// both count them: what a bounce, a session's groupings and its duration are.

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

/** Their state row: built once per time zone; until a run has counted every day in the zone, readers group sessions. */
export const sessionGroupsKey = (timeZone: string) => `session_groups@${timeZone}`

export async function sessionGroupsBuilt(client: Pick<Tx, "$queryRaw">, timeZone: string): Promise<boolean> {
  const [row] = await client.$queryRaw<
    { built: boolean }[]
  >`SELECT EXISTS (SELECT 1 FROM analytics_rollup_state WHERE name = ${sessionGroupsKey(timeZone)}) AS built`
  return row?.built === true
}
