import { Prisma } from "@/generated/prisma/client"
import type { Tx } from "@/lib/analytics/model/watermarks"

// The people rollup: retention by first seen (lib/analytics/reports/cohorts-queries.ts) counts
// people, and finding each one's first day over every visitor day took the report half a second.
// It is a function of analytics_visitor_days alone, counting consented or signed-in days only
// ("known": an anonymous id lasts one day):
//   analytics_person_visitors: each visitor id with a known day → its person: "u:<user id>" of the
//     first of its days that names a user (a visitor that signs in weeks later becomes that user,
//     earlier days included), else "v:<visitor id>".
//   analytics_person_periods: each person's weeks (ISO, from Monday) and months holding a known day
//     of theirs, each row carrying the person's first known day.
//   analytics_first_seen_cells: those rows counted per (kind, first day, start): what the report reads.
// It stays that function because whatever changes visitor days (a rollup batch, retention) then
// refreshes the visitor ids it touched, in the same transaction: their links are recomputed, every
// person they belonged to before or belong to now is recomputed whole, and so are the cells of
// every first day such a person had before or has now. Late events, repeated runs and batch sizes
// therefore end in the same rows; a rebuild recomputes everything.

const KNOWN = Prisma.sql`(d.consented OR d.user_id IS NOT NULL)`

/** Links visitor ids to people; `scope` narrows the visitor days read (alias d). */
function linkVisitors(scope: Prisma.Sql) {
  // Days are unique per visitor id, so "first" is exact. 'u:' || NULL is NULL: no user, the visitor itself.
  return Prisma.sql`
    INSERT INTO analytics_person_visitors (visitor_id, person)
    SELECT d.visitor_id, COALESCE('u:' || (array_agg(d.user_id ORDER BY d.day) FILTER (WHERE d.user_id IS NOT NULL))[1], 'v:' || d.visitor_id)
    FROM analytics_visitor_days d
    WHERE ${KNOWN} ${scope}
    GROUP BY d.visitor_id`
}

/** Writes the periods of people; `scope` narrows the people (alias m). */
function insertPeriods(tx: Tx, scope: Prisma.Sql): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO analytics_person_periods (person, kind, start, first_day)
    SELECT person, kind, start, min(first_day) OVER (PARTITION BY person)
    FROM (
      SELECT m.person, k.kind, date_trunc(k.kind, d.day::timestamp)::date AS start, min(d.day) AS first_day
      FROM analytics_person_visitors m
      JOIN analytics_visitor_days d ON d.visitor_id = m.visitor_id
      CROSS JOIN (VALUES ('week'), ('month')) AS k(kind)
      WHERE ${KNOWN} ${scope}
      GROUP BY m.person, k.kind, start
    ) periods`
}

/** Counts the periods into cells; `scope` narrows the cells (alias p). */
function insertCells(tx: Tx, scope: Prisma.Sql): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO analytics_first_seen_cells (kind, first_day, start, people)
    SELECT p.kind, p.first_day, p.start, count(*)::int FROM analytics_person_periods p
    WHERE true ${scope}
    GROUP BY p.kind, p.first_day, p.start`
}

/** Recomputes every person from the visitor days (first build, reset, new zone). Returns the number of people. */
export async function rebuildPeople(tx: Tx): Promise<number> {
  await tx.$executeRaw`DELETE FROM analytics_first_seen_cells`
  await tx.$executeRaw`DELETE FROM analytics_person_periods`
  await tx.$executeRaw`DELETE FROM analytics_person_visitors`
  await tx.$executeRaw(linkVisitors(Prisma.empty))
  await insertPeriods(tx, Prisma.empty)
  await insertCells(tx, Prisma.empty)
  const [row] = await tx.$queryRaw<
    { people: number }[]
  >`SELECT count(DISTINCT person)::int AS people FROM analytics_person_visitors`
  return row?.people ?? 0
}

/**
 * Brings the people of the visitor ids that `visitorIds` selects (one column, visitor_id) in line
 * with their visitor days as they are now. Once per transaction (its temporary tables live until
 * the commit). Returns the number of people recomputed.
 */
export async function refreshPeople(tx: Tx, visitorIds: Prisma.Sql): Promise<number> {
  await tx.$executeRaw`CREATE TEMP TABLE analytics_rollup_touched (visitor_id text PRIMARY KEY) ON COMMIT DROP`
  const visitors =
    await tx.$executeRaw`INSERT INTO analytics_rollup_touched (visitor_id) SELECT DISTINCT visitor_id FROM (${visitorIds}) ids`
  if (visitors === 0) return 0
  await tx.$executeRaw`CREATE TEMP TABLE analytics_rollup_people (person text PRIMARY KEY) ON COMMIT DROP`
  // Temporary tables have no statistics until analyzed (see recompute.ts).
  await tx.$executeRaw`ANALYZE analytics_rollup_touched`
  // The people these visitors belonged to, then the ones they belong to now.
  await tx.$executeRaw`
    INSERT INTO analytics_rollup_people (person)
    SELECT DISTINCT m.person FROM analytics_person_visitors m JOIN analytics_rollup_touched t ON t.visitor_id = m.visitor_id`
  await tx.$executeRaw`DELETE FROM analytics_person_visitors m USING analytics_rollup_touched t WHERE m.visitor_id = t.visitor_id`
  await tx.$executeRaw`
    WITH linked AS (${linkVisitors(Prisma.sql`AND d.visitor_id IN (SELECT visitor_id FROM analytics_rollup_touched)`)} RETURNING person)
    INSERT INTO analytics_rollup_people (person) SELECT DISTINCT person FROM linked ON CONFLICT DO NOTHING`
  await tx.$executeRaw`ANALYZE analytics_rollup_people`
  // The cells their periods were counted in before and are now: the ones to count again.
  await tx.$executeRaw`CREATE TEMP TABLE analytics_rollup_cells (kind text, first_day date, start date, PRIMARY KEY (kind, first_day, start)) ON COMMIT DROP`
  const cellsOfPeople = Prisma.sql`
    INSERT INTO analytics_rollup_cells (kind, first_day, start)
    SELECT DISTINCT p.kind, p.first_day, p.start FROM analytics_person_periods p JOIN analytics_rollup_people t ON t.person = p.person
    ON CONFLICT DO NOTHING`
  await tx.$executeRaw(cellsOfPeople)
  await tx.$executeRaw`DELETE FROM analytics_person_periods p USING analytics_rollup_people t WHERE p.person = t.person`
  await insertPeriods(tx, Prisma.sql`AND m.person IN (SELECT person FROM analytics_rollup_people)`)
  await tx.$executeRaw(cellsOfPeople)
  await tx.$executeRaw`ANALYZE analytics_rollup_cells`
  await tx.$executeRaw`DELETE FROM analytics_first_seen_cells c USING analytics_rollup_cells t WHERE c.kind = t.kind AND c.first_day = t.first_day AND c.start = t.start`
  await insertCells(
    tx,
    Prisma.sql`AND (p.kind, p.first_day, p.start) IN (SELECT kind, first_day, start FROM analytics_rollup_cells)`,
  )
  const [row] = await tx.$queryRaw<{ people: number }[]>`SELECT count(*)::int AS people FROM analytics_rollup_people`
  return row?.people ?? 0
}
