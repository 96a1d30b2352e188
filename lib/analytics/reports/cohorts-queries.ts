import type { Prisma, PrismaClient } from "@/generated/prisma/client"
import { peopleRolledUp } from "@/lib/analytics/model/watermarks"
import { db } from "@/lib/db"
import { dayStart } from "@/lib/utils/time-range"
import { type CohortBasis, type CohortCounts, type CohortPeriod, shiftPeriod } from "./cohorts"

type Client = PrismaClient | Prisma.TransactionClient

type CountRow = { cohort: string; period: string | null; people: number; size: boolean }

export type CohortQuery = { by: CohortBasis; period: CohortPeriod; starts: readonly string[]; timeZone: string }

/**
 * Cohort sizes and distinct people active per (cohort, period), as countCohorts() counts them:
 * first seen from analytics_visitor_days (consented or signed-in days only, visitors joined to their
 * user) through the people rollup made of them, or sign-up from users.created_at (subscribers; the
 * local day in the zone) with activity from the visitor days carrying their user id, from the
 * sign-up day on. Days in analytics_visitor_days are already local days of the zone; weeks are
 * date_trunc's ISO weeks (Monday).
 */
export async function queryCohortCounts(query: CohortQuery, client: Client = db): Promise<CohortCounts> {
  if (query.starts.length === 0) return { sizes: [], activity: [] }
  const first = query.starts[0]!
  const end = shiftPeriod(query.starts.at(-1)!, query.period, 1)
  const rows =
    query.by === "first_seen"
      ? await firstSeenCounts(client, query, first, end)
      : await signupCounts(
          client,
          query.period,
          dayStart(first, query.timeZone),
          dayStart(end, query.timeZone),
          query.timeZone,
        )
  return {
    sizes: rows.filter((row) => row.size).map((row) => ({ cohort: row.cohort, people: row.people })),
    activity: rows
      .filter((row) => !row.size && row.period !== null)
      .map((row) => ({ cohort: row.cohort, period: row.period!, people: row.people })),
  }
}

async function firstSeenCounts(client: Client, query: CohortQuery, first: string, end: string): Promise<CountRow[]> {
  // Until a rollup run first builds the people (a new database, a reset, a new zone), the same
  // figures straight from the visitor days.
  if (await peopleRolledUp(client, query.timeZone)) return firstSeenFromPeople(client, query.period, first, end)
  return firstSeenFromVisitorDays(client, query.period, first, end)
}

/** People first seen per day, active per period (analytics_first_seen_cells), summed into cohorts. */
function firstSeenFromPeople(client: Client, period: CohortPeriod, first: string, end: string): Promise<CountRow[]> {
  // Everyone is active in their own cohort's period (their first day lies in it): that cell is the cohort's size.
  return client.$queryRaw<CountRow[]>`
    WITH cells AS (
      SELECT date_trunc(${period}, first_day::timestamp)::date AS cohort, start AS period, sum(people)::int AS people
      FROM analytics_first_seen_cells
      WHERE kind = ${period} AND first_day >= ${first}::date AND first_day < ${end}::date
      GROUP BY 1, 2
    )
    SELECT to_char(cohort, 'YYYY-MM-DD') AS cohort, to_char(period, 'YYYY-MM-DD') AS period, people, false AS size FROM cells
    UNION ALL
    SELECT to_char(cohort, 'YYYY-MM-DD'), NULL, people, true FROM cells WHERE period = cohort`
}

function firstSeenFromVisitorDays(
  client: Client,
  period: CohortPeriod,
  first: string,
  end: string,
): Promise<CountRow[]> {
  return client.$queryRaw<CountRow[]>`
    WITH known AS (
      SELECT day, visitor_id, user_id FROM analytics_visitor_days WHERE consented OR user_id IS NOT NULL
    ),
    links AS (
      SELECT DISTINCT ON (visitor_id) visitor_id, user_id FROM known WHERE user_id IS NOT NULL ORDER BY visitor_id, day
    ),
    days AS (
      SELECT COALESCE('u:' || l.user_id, 'v:' || k.visitor_id) COLLATE "C" AS person, k.day FROM known k LEFT JOIN links l USING (visitor_id)
    ),
    joined AS (
      SELECT person, day, min(day) OVER (PARTITION BY person) AS joined FROM days
    ),
    cells AS (
      SELECT person, date_trunc(${period}, joined::timestamp)::date AS cohort, date_trunc(${period}, day::timestamp)::date AS period
      FROM joined WHERE joined >= ${first}::date AND joined < ${end}::date
    )
    SELECT to_char(cohort, 'YYYY-MM-DD') AS cohort, to_char(period, 'YYYY-MM-DD') AS period, count(DISTINCT person)::int AS people, GROUPING(period) = 1 AS size
    FROM cells GROUP BY GROUPING SETS ((cohort, period), (cohort))`
}

function signupCounts(
  client: Client,
  period: CohortPeriod,
  from: Date,
  to: Date,
  timeZone: string,
): Promise<CountRow[]> {
  return client.$queryRaw<CountRow[]>`
    WITH joined AS (
      SELECT id, (created_at AT TIME ZONE ${timeZone})::date AS joined FROM users
      WHERE role = 'SUBSCRIBER' AND created_at >= ${from} AND created_at < ${to}
    ),
    cells AS (
      SELECT j.id, date_trunc(${period}, j.joined::timestamp)::date AS cohort, date_trunc(${period}, d.day::timestamp)::date AS period
      FROM joined j LEFT JOIN analytics_visitor_days d ON d.user_id = j.id AND d.day >= j.joined
    )
    SELECT to_char(cohort, 'YYYY-MM-DD') AS cohort, to_char(period, 'YYYY-MM-DD') AS period, count(DISTINCT id)::int AS people, GROUPING(period) = 1 AS size
    FROM cells GROUP BY GROUPING SETS ((cohort, period), (cohort))`
}
