import { Prisma } from "@/generated/prisma/client"
import { ACTIVE_PERSON } from "@/lib/analytics/model/actives"
import type { Tx } from "@/lib/analytics/model/watermarks"

// analytics_active_days: each person active on a day as feature usage counts people (DAU, WAU,
// MAU: lib/analytics/reports/usage.ts), with their previous active day. A person is "u:<user id>"
// for a visitor day naming a user, else the visitor id; visitor ids "u:<id>" (server events with
// no browser behind them) are no one. The people active over days A … B are then the rows of
// those days whose previous day is before A (or none): a range scan, no distinct count. A function
// of analytics_visitor_days: whenever a batch recomputes visitor days, every person they belonged
// to before or belong to now has all their rows written again.

const TOUCHED = Prisma.raw("analytics_rollup_active_people")

/**
 * Adds the people of the visitor days `pairs` selects ((day, visitor_id) rows) to those whose active
 * days will be written again: call before they change and after.
 */
export async function touchActivePeople(tx: Tx, pairs: Prisma.Sql): Promise<void> {
  await tx.$executeRaw`CREATE TEMP TABLE IF NOT EXISTS ${TOUCHED} (person text PRIMARY KEY) ON COMMIT DROP`
  await tx.$executeRaw`
    INSERT INTO ${TOUCHED} (person)
    SELECT DISTINCT ${ACTIVE_PERSON} FROM analytics_visitor_days v JOIN (${pairs}) t ON t.day = v.day AND t.visitor_id = v.visitor_id
    WHERE v.visitor_id NOT LIKE 'u:%'
    ON CONFLICT DO NOTHING`
}

/** Writes again every active day of the people touched (touchActivePeople), from their visitor days as they now stand. */
export async function refreshActiveDays(tx: Tx): Promise<number> {
  await tx.$executeRaw`DELETE FROM analytics_active_days WHERE person IN (SELECT person FROM ${TOUCHED})`
  // Users through the (user_id, day) index, anonymous visitor ids through (visitor_id, day).
  const written = await tx.$executeRaw`
    INSERT INTO analytics_active_days (person, day, previous_day)
    SELECT person, day, lag(day) OVER (PARTITION BY person COLLATE "C" ORDER BY day) FROM (
      SELECT DISTINCT ${ACTIVE_PERSON} AS person, v.day FROM analytics_visitor_days v
      WHERE v.user_id IN (SELECT substr(person, 3) FROM ${TOUCHED} WHERE person LIKE 'u:%') AND v.visitor_id NOT LIKE 'u:%'
      UNION
      SELECT v.visitor_id, v.day FROM analytics_visitor_days v
      WHERE v.visitor_id IN (SELECT person FROM ${TOUCHED} WHERE person NOT LIKE 'u:%') AND v.user_id IS NULL
    ) p`
  await tx.$executeRaw`DROP TABLE ${TOUCHED}`
  return written
}
