import { Prisma } from "@/generated/prisma/client"
import { DAILY_ACTIVES } from "@/lib/analytics/model/actives"
import { dayOfAt, dayStartOf } from "@/lib/analytics/model/days"
import { NONE } from "@/lib/analytics/model/dimensions"
import type { RollupName, Tx } from "@/lib/analytics/model/watermarks"
import { refreshActiveDays, touchActivePeople } from "./active-days"

// Each function recomputes, from raw analytics_events, every unit (hour, day, visitor-day, session)
// that an event of the current batch falls in, and replaces that unit's rows: delete, then insert,
// inside the caller's transaction. The batch is the temporary table analytics_rollup_batch (the
// received_at, at, visitor_id and session_id of the events received in the batch's interval);
// `since` is the rollup's own watermark (it may lag the batch's start), `horizon` the instant before
// which raw events were deleted: units starting before it are left as they are.

// One row per event and dimension; `feature` (props.feature) only for events that carry one.
const DIMENSIONS = Prisma.sql`CROSS JOIN LATERAL (VALUES
    ('', ''),
    ('path', coalesce(e.path, ${NONE})),
    ('referrer', coalesce(e.referrer, ${NONE})),
    ('utm_source', coalesce(e.utm_source, ${NONE})),
    ('utm_campaign', coalesce(e.utm_campaign, ${NONE})),
    ('country', coalesce(e.country, ${NONE})),
    ('device', coalesce(e.device, ${NONE})),
    ('browser', coalesce(e.browser, ${NONE})),
    ('feature', e.props ->> 'feature')
  ) AS d(dimension, value)`

export async function recomputeHours(tx: Tx, since: string, horizon: string): Promise<number> {
  await tx.$executeRaw`CREATE TEMP TABLE analytics_rollup_hours (hour timestamptz PRIMARY KEY) ON COMMIT DROP`
  const hours = await tx.$executeRaw`
    INSERT INTO analytics_rollup_hours (hour)
    SELECT DISTINCT date_trunc('hour', at, 'UTC') FROM analytics_rollup_batch
    WHERE received_at > ${since}::timestamptz AND date_trunc('hour', at, 'UTC') >= ${horizon}::timestamptz`
  if (hours === 0) return 0
  // Temporary tables have no statistics until analyzed: without them the planner can pick a plan
  // that reads the events many times over.
  await tx.$executeRaw`ANALYZE analytics_rollup_hours`
  await tx.$executeRaw`DELETE FROM analytics_hourly h USING analytics_rollup_hours t WHERE h.hour = t.hour`
  await tx.$executeRaw`
    INSERT INTO analytics_hourly (hour, name, dimension, value, events, visitors)
    SELECT t.hour, e.name, d.dimension, d.value, count(*)::int, count(DISTINCT e.visitor_id)::int
    FROM analytics_rollup_hours t
    JOIN analytics_events e ON e.at >= t.hour AND e.at < t.hour + interval '1 hour'
    ${DIMENSIONS}
    WHERE d.value IS NOT NULL
    GROUP BY t.hour, e.name, d.dimension, d.value`
  return hours
}

export async function recomputeDays(tx: Tx, since: string, horizon: string, timeZone: string): Promise<number> {
  await tx.$executeRaw`CREATE TEMP TABLE analytics_rollup_days (day date PRIMARY KEY, first_at timestamptz, next_at timestamptz) ON COMMIT DROP`
  const days = await tx.$executeRaw`
    INSERT INTO analytics_rollup_days (day, first_at, next_at)
    SELECT day, ${dayStartOf(timeZone, Prisma.sql`day`)}, ${dayStartOf(timeZone, Prisma.sql`day + 1`)}
    FROM (SELECT DISTINCT ${dayOfAt(timeZone, Prisma.sql`at`)} AS day FROM analytics_rollup_batch WHERE received_at > ${since}::timestamptz) touched
    WHERE ${dayStartOf(timeZone, Prisma.sql`day`)} >= ${horizon}::timestamptz`
  if (days === 0) return 0
  await tx.$executeRaw`ANALYZE analytics_rollup_days`
  await tx.$executeRaw`DELETE FROM analytics_daily r USING analytics_rollup_days t WHERE r.day = t.day`
  // Exact uniques: count(DISTINCT visitor_id) over the whole day, never a sum of hours.
  await tx.$executeRaw`
    INSERT INTO analytics_daily (day, name, dimension, value, events, visitors)
    SELECT t.day, e.name, d.dimension, d.value, count(*)::int, count(DISTINCT e.visitor_id)::int
    FROM analytics_rollup_days t
    JOIN analytics_events e ON e.at >= t.first_at AND e.at < t.next_at
    ${DIMENSIONS}
    WHERE d.value IS NOT NULL
    GROUP BY t.day, e.name, d.dimension, d.value`
  return days
}

export async function recomputeVisitorDays(tx: Tx, since: string, horizon: string, timeZone: string): Promise<number> {
  await tx.$executeRaw`
    CREATE TEMP TABLE analytics_rollup_visitor_days (day date, visitor_id text, first_at timestamptz, next_at timestamptz, PRIMARY KEY (day, visitor_id)) ON COMMIT DROP`
  const touched = await tx.$executeRaw`
    INSERT INTO analytics_rollup_visitor_days (day, visitor_id, first_at, next_at)
    SELECT day, visitor_id, ${dayStartOf(timeZone, Prisma.sql`day`)}, ${dayStartOf(timeZone, Prisma.sql`day + 1`)}
    FROM (SELECT DISTINCT ${dayOfAt(timeZone, Prisma.sql`at`)} AS day, visitor_id FROM analytics_rollup_batch WHERE received_at > ${since}::timestamptz) touched
    WHERE ${dayStartOf(timeZone, Prisma.sql`day`)} >= ${horizon}::timestamptz`
  if (touched === 0) return 0
  await tx.$executeRaw`ANALYZE analytics_rollup_visitor_days`
  const pairs = Prisma.sql`SELECT day, visitor_id FROM analytics_rollup_visitor_days`
  await touchActivePeople(tx, pairs)
  await tx.$executeRaw`DELETE FROM analytics_visitor_days r USING analytics_rollup_visitor_days t WHERE r.day = t.day AND r.visitor_id = t.visitor_id`
  // Reads each visitor's day through the (visitor_id, at) index. User, country and device: the first
  // non-null of the day (ties in time by id, the order rows were stored in; users by the smallest
  // id, as lib/analytics/model/identity.ts links a visitor).
  await tx.$executeRaw`
    INSERT INTO analytics_visitor_days (day, visitor_id, user_id, consented, events, page_views, country, device)
    SELECT t.day, t.visitor_id,
      (array_agg(e.user_id ORDER BY e.at, e.user_id) FILTER (WHERE e.user_id IS NOT NULL))[1],
      bool_or(e.consented),
      count(*)::int,
      (count(*) FILTER (WHERE e.name = 'page_view'))::int,
      (array_agg(e.country ORDER BY e.at, e.id) FILTER (WHERE e.country IS NOT NULL))[1],
      (array_agg(e.device ORDER BY e.at, e.id) FILTER (WHERE e.device IS NOT NULL))[1]
    FROM analytics_rollup_visitor_days t
    JOIN analytics_events e ON e.visitor_id = t.visitor_id AND e.at >= t.first_at AND e.at < t.next_at
    GROUP BY t.day, t.visitor_id`
  await recountDailyActives(tx)
  await touchActivePeople(tx, pairs)
  await refreshActiveDays(tx)
  return touched
}

/** The actives of the days just recomputed, from their visitor days (a day with none has no row). */
async function recountDailyActives(tx: Tx): Promise<void> {
  const touched = Prisma.sql`SELECT DISTINCT day FROM analytics_rollup_visitor_days`
  await tx.$executeRaw`DELETE FROM analytics_daily_actives WHERE day IN (${touched})`
  await tx.$executeRaw`
    INSERT INTO analytics_daily_actives (day, actives)
    SELECT day, ${DAILY_ACTIVES} FROM analytics_visitor_days
    WHERE day IN (${touched}) AND visitor_id NOT LIKE 'u:%'
    GROUP BY day`
}

export async function recomputeSessions(tx: Tx, since: string, horizon: string): Promise<number> {
  // was: the session's start as stored before (null for a new one), for the days it leaves (session-groups.ts).
  await tx.$executeRaw`CREATE TEMP TABLE analytics_rollup_sessions (session_id text PRIMARY KEY, lo timestamptz, hi timestamptz, was timestamptz) ON COMMIT DROP`
  // A session's events all lie between its stored start and end (it was computed from every one of
  // them received so far) widened by this batch's events of it: that range is read, nothing more.
  const sessions = await tx.$executeRaw`
    INSERT INTO analytics_rollup_sessions (session_id, lo, hi, was)
    SELECT t.session_id, least(t.lo, s.started_at), greatest(t.hi, s.ended_at), s.started_at
    FROM (
      SELECT session_id, min(at) AS lo, max(at) AS hi FROM analytics_rollup_batch
      WHERE received_at > ${since}::timestamptz AND session_id IS NOT NULL GROUP BY session_id
    ) t
    LEFT JOIN analytics_sessions s ON s.session_id = t.session_id
    WHERE least(t.lo, s.started_at) >= ${horizon}::timestamptz`
  if (sessions === 0) return 0
  await tx.$executeRaw`ANALYZE analytics_rollup_sessions`
  await tx.$executeRaw`DELETE FROM analytics_sessions r USING analytics_rollup_sessions t WHERE r.session_id = t.session_id`
  await tx.$executeRaw`
    INSERT INTO analytics_sessions (session_id, visitor_id, user_id, started_at, ended_at, entry_path, exit_path, page_views, events, referrer, utm_source, utm_campaign, country, device)
    SELECT e.session_id,
      (array_agg(e.visitor_id ORDER BY e.at, e.id))[1],
      (array_agg(e.user_id ORDER BY e.at, e.id) FILTER (WHERE e.user_id IS NOT NULL))[1],
      min(e.at), max(e.at),
      (array_agg(e.path ORDER BY e.at, e.id) FILTER (WHERE e.name = 'page_view'))[1],
      (array_agg(e.path ORDER BY e.at DESC, e.id DESC) FILTER (WHERE e.name = 'page_view'))[1],
      (count(*) FILTER (WHERE e.name = 'page_view'))::int,
      count(*)::int,
      (array_agg(e.referrer ORDER BY e.at, e.id))[1],
      (array_agg(e.utm_source ORDER BY e.at, e.id))[1],
      (array_agg(e.utm_campaign ORDER BY e.at, e.id))[1],
      (array_agg(e.country ORDER BY e.at, e.id) FILTER (WHERE e.country IS NOT NULL))[1],
      (array_agg(e.device ORDER BY e.at, e.id) FILTER (WHERE e.device IS NOT NULL))[1]
    FROM analytics_events e
    WHERE e.session_id IN (SELECT session_id FROM analytics_rollup_sessions)
      AND e.at >= (SELECT min(lo) FROM analytics_rollup_sessions)
      AND e.at <= (SELECT max(hi) FROM analytics_rollup_sessions)
    GROUP BY e.session_id`
  return sessions
}

/** Deletes a rollup's rows of units that start at or after `horizon` (a rebuild's first step). */
export async function clearRollup(tx: Tx, rollup: RollupName, horizon: string, timeZone: string): Promise<void> {
  if (rollup === "hourly") await tx.$executeRaw`DELETE FROM analytics_hourly WHERE hour >= ${horizon}::timestamptz`
  if (rollup === "daily")
    await tx.$executeRaw`DELETE FROM analytics_daily WHERE ${dayStartOf(timeZone, Prisma.sql`day`)} >= ${horizon}::timestamptz`
  if (rollup === "visitor_days") {
    await tx.$executeRaw`DELETE FROM analytics_visitor_days WHERE ${dayStartOf(timeZone, Prisma.sql`day`)} >= ${horizon}::timestamptz`
    await tx.$executeRaw`DELETE FROM analytics_daily_actives WHERE ${dayStartOf(timeZone, Prisma.sql`day`)} >= ${horizon}::timestamptz`
    await tx.$executeRaw`DELETE FROM analytics_active_days WHERE ${dayStartOf(timeZone, Prisma.sql`day`)} >= ${horizon}::timestamptz`
  }
  if (rollup === "sessions")
    await tx.$executeRaw`DELETE FROM analytics_sessions WHERE started_at >= ${horizon}::timestamptz`
  if (rollup === "web_vitals")
    await tx.$executeRaw`DELETE FROM analytics_web_vitals WHERE at >= ${horizon}::timestamptz`
}
