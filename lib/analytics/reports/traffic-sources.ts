import { Prisma } from "@/generated/prisma/client"
import type { RollupCoverage } from "@/lib/analytics/model/coverage"
import { NONE } from "@/lib/analytics/model/dimensions"
import { dayStart, shiftDay } from "@/lib/utils/time-range"

// Where the usage, traffic and geography reports read their rows: rollup tables for the days (and
// sessions) the rollups have completed, raw analytics_events only for the short tail after that
// (today, normally). Split by event time, so nothing is counted twice (lib/analytics/model/coverage.ts).

/** Days [firstDay, lastDay] of the zone, split between the rollups and raw events. */
export type DaySplit = {
  timeZone: string
  /** Rolled-up days of the period, or null when none is complete. */
  rolled: { firstDay: string; lastDay: string } | null
  /** Raw events of the period from `from` to `to`, or null when every day is rolled up. */
  raw: { from: Date; to: Date } | null
}

/** Which days come from the rollups and which instants from raw events (pure). */
export function splitDays(
  firstDay: string,
  lastDay: string,
  timeZone: string,
  coverage: Pick<RollupCoverage, "daysBefore" | "daysBeforeStart">,
): DaySplit {
  const lastRolled = shiftDay(coverage.daysBefore, -1) < lastDay ? shiftDay(coverage.daysBefore, -1) : lastDay
  const rolled = lastRolled >= firstDay ? { firstDay, lastDay: lastRolled } : null
  const from = dayStart(firstDay, timeZone)
  const to = dayStart(shiftDay(lastDay, 1), timeZone)
  const rawFrom = coverage.daysBeforeStart > from ? coverage.daysBeforeStart : from
  return { timeZone, rolled, raw: rawFrom < to ? { from: rawFrom, to } : null }
}

function unionAll(parts: Prisma.Sql[]): Prisma.Sql {
  // A period always has rolled days or a raw tail; the empty select keeps the SQL valid regardless.
  return parts.length
    ? Prisma.join(parts, " UNION ALL ")
    : Prisma.sql`SELECT NULL::date AS day, NULL::text AS visitor_id, NULL::text AS user_id, NULL::text AS country, 0 AS events WHERE false`
}

/**
 * (day, visitor_id, user_id, country, events): one row per visitor id and active day, from
 * analytics_visitor_days and, for the tail, built from raw events the way the rollup builds them.
 */
export function visitorDaysSql(split: DaySplit): Prisma.Sql {
  const parts: Prisma.Sql[] = []
  if (split.rolled) {
    parts.push(Prisma.sql`SELECT day, visitor_id, user_id, country, events FROM analytics_visitor_days
      WHERE day >= ${split.rolled.firstDay}::date AND day <= ${split.rolled.lastDay}::date`)
  }
  if (split.raw) {
    parts.push(Prisma.sql`SELECT (at AT TIME ZONE ${split.timeZone})::date AS day, visitor_id,
        (array_agg(user_id ORDER BY at, user_id) FILTER (WHERE user_id IS NOT NULL))[1] AS user_id,
        (array_agg(country ORDER BY at, id) FILTER (WHERE country IS NOT NULL))[1] AS country,
        count(*)::int AS events
      FROM analytics_events WHERE at >= ${split.raw.from} AND at < ${split.raw.to}
      GROUP BY 1, 2`)
  }
  return unionAll(parts)
}

/**
 * (day, value, events, visitors) of one event name and dimension per day: analytics_daily rows and
 * the raw tail counted the same way (visitors exact per day; never add them across days as people).
 * `dimension` is a column of analytics_events; a missing value is NONE, like the rollup stores it.
 */
export function dailySql(split: DaySplit, name: string, dimension: "" | "path" | "country"): Prisma.Sql {
  const parts: Prisma.Sql[] = []
  if (split.rolled) {
    parts.push(Prisma.sql`SELECT day, value, events, visitors FROM analytics_daily
      WHERE name = ${name} AND dimension = ${dimension} AND day >= ${split.rolled.firstDay}::date AND day <= ${split.rolled.lastDay}::date`)
  }
  if (split.raw) {
    // "" is the event's total row (value ""); a fixed column name otherwise, never caller text.
    const column = dimension === "" ? Prisma.sql`NULL::text` : Prisma.raw(dimension)
    const none = dimension === "" ? "" : NONE
    parts.push(Prisma.sql`SELECT (at AT TIME ZONE ${split.timeZone})::date AS day, coalesce(${column}, ${none}) AS value, count(*)::int AS events, count(DISTINCT visitor_id)::int AS visitors
      FROM analytics_events WHERE name = ${name} AND at >= ${split.raw.from} AND at < ${split.raw.to}
      GROUP BY 1, 2`)
  }
  return parts.length
    ? Prisma.join(parts, " UNION ALL ")
    : Prisma.sql`SELECT NULL::date AS day, NULL::text AS value, 0 AS events, 0 AS visitors WHERE false`
}

/**
 * Sessions that started in [from, to): analytics_sessions rows that started before `rolledBefore`,
 * and sessions built from raw events from then on (those the rollup has not written yet).
 * Columns as analytics_sessions.
 */
export function sessionsSql(period: { from: Date; to: Date }, rolledBefore: Date): Prisma.Sql {
  const rolledTo = rolledBefore < period.to ? rolledBefore : period.to
  const rolled = Prisma.sql`SELECT session_id, visitor_id, started_at, ended_at, entry_path, exit_path, page_views, events, referrer, utm_source, utm_campaign
    FROM analytics_sessions WHERE started_at >= ${period.from} AND started_at < ${rolledTo}`
  if (rolledBefore >= period.to) return rolled
  // Events of a session the table already holds (it started earlier) belong to that row. Read from
  // a day before the period at most: a session that started earlier (and is not in the table, so
  // not rolled up) would otherwise look like one starting inside it; none runs a day without a pause.
  const dayBefore = new Date(period.from.getTime() - 86_400_000)
  const rawFrom = rolledBefore > dayBefore ? rolledBefore : dayBefore
  const raw = Prisma.sql`SELECT * FROM (
      SELECT e.session_id, (array_agg(e.visitor_id ORDER BY e.at, e.id))[1] AS visitor_id, min(e.at) AS started_at, max(e.at) AS ended_at,
        (array_agg(e.path ORDER BY e.at, e.id) FILTER (WHERE e.name = 'page_view'))[1] AS entry_path,
        (array_agg(e.path ORDER BY e.at DESC, e.id DESC) FILTER (WHERE e.name = 'page_view'))[1] AS exit_path,
        (count(*) FILTER (WHERE e.name = 'page_view'))::int AS page_views, count(*)::int AS events,
        (array_agg(e.referrer ORDER BY e.at, e.id))[1] AS referrer, (array_agg(e.utm_source ORDER BY e.at, e.id))[1] AS utm_source,
        (array_agg(e.utm_campaign ORDER BY e.at, e.id))[1] AS utm_campaign
      FROM analytics_events e
      WHERE e.session_id IS NOT NULL AND e.at >= ${rawFrom} AND e.at < ${period.to}
        AND NOT EXISTS (SELECT 1 FROM analytics_sessions s WHERE s.session_id = e.session_id AND s.started_at < ${rolledBefore})
      GROUP BY e.session_id
    ) tail WHERE started_at >= ${period.from}`
  return Prisma.sql`${rolled} UNION ALL ${raw}`
}
