import { Prisma } from "@/generated/prisma/client"
import { durationBucket } from "@/lib/analytics/model/duration-buckets"
import type { Tx } from "@/lib/analytics/model/watermarks"

// analytics_funnel_cells: a kept funnel's first entries (kept-entries.ts; of people with no entry
// before, so entrants of every range that holds their day) counted per entry day, breakdown value,
// step and duration bucket, so a report over a long range sums a few thousand cells instead of
// sorting every entrant's durations (kept-queries.ts); the few people returning are added one by
// one. A function of the entries: counted whole when a funnel is built, and for the days whose
// entries a rollup batch changed.

/** (breakdown, segment) of an entry `f`: everyone's (""), and each breakdown's (a column of the entries) value ("" for none). */
export const CELL_SEGMENTS = Prisma.sql`CROSS JOIN LATERAL (VALUES
    ('', ''), ('country', coalesce(f.country, '')), ('device', coalesce(f.device, '')),
    ('utm_source', coalesce(f.utm_source, '')), ('variant', coalesce(f.variant, ''))
  ) AS b(breakdown, segment)`

/** (step, micros) of an entry `f`: step 0 (the entry, 0 µs) and each later step, null when not reached. */
export const CELL_STEPS = Prisma.sql`CROSS JOIN LATERAL (VALUES
    (0, 0::bigint), (1, f.d1), (2, f.d2), (3, f.d3), (4, f.d4), (5, f.d5), (6, f.d6), (7, f.d7)
  ) AS s(step, micros)`

/**
 * Counts the cells of `funnel` again for the entry days `days` selects (one column, day; read more
 * than once), or for every day, and the month cells of their months.
 */
export async function countCells(tx: Tx, funnel: string, days: Prisma.Sql | null): Promise<void> {
  const scope = days ? Prisma.sql`AND entry_day IN (SELECT day FROM (${days}) d)` : Prisma.empty
  await tx.$executeRaw`DELETE FROM analytics_funnel_cells WHERE funnel = ${funnel} ${scope}`
  await tx.$executeRaw`
    INSERT INTO analytics_funnel_cells (funnel, entry_day, breakdown, segment, step, bucket, people, total_us, min_us, max_us)
    SELECT f.funnel, f.entry_day, b.breakdown, b.segment, s.step, ${durationBucket(Prisma.sql`s.micros`)}, count(*)::int, sum(s.micros), min(s.micros), max(s.micros)
    FROM (SELECT * FROM analytics_funnel_entries WHERE funnel = ${funnel} AND previous_entry_day IS NULL ${scope}) f ${CELL_SEGMENTS} ${CELL_STEPS}
    WHERE s.micros IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6`
  await countMonthCells(
    tx,
    funnel,
    days ? Prisma.sql`SELECT DISTINCT date_trunc('month', day)::date AS month FROM (${days}) d` : null,
  )
}

/** Sums the day cells of `funnel` again into the months `months` selects (one column, month: a first day), or every month. */
export async function countMonthCells(
  tx: Pick<Tx, "$executeRaw">,
  funnel: string,
  months: Prisma.Sql | null,
): Promise<void> {
  const scope = months ? Prisma.sql`AND month IN (SELECT month FROM (${months}) m)` : Prisma.empty
  await tx.$executeRaw`DELETE FROM analytics_funnel_month_cells WHERE funnel = ${funnel} ${scope}`
  const source = months
    ? Prisma.sql`(SELECT month FROM (${months}) m) m JOIN analytics_funnel_cells c ON c.funnel = ${funnel} AND c.entry_day >= m.month AND c.entry_day < (m.month + interval '1 month')::date`
    : Prisma.sql`(SELECT *, date_trunc('month', entry_day)::date AS month FROM analytics_funnel_cells WHERE funnel = ${funnel}) c`
  await tx.$executeRaw`
    INSERT INTO analytics_funnel_month_cells (funnel, month, breakdown, segment, step, bucket, people, total_us, min_us, max_us)
    SELECT ${funnel}, ${months ? Prisma.sql`m.month` : Prisma.sql`c.month`}, c.breakdown, c.segment, c.step, c.bucket, sum(c.people)::int, sum(c.total_us), min(c.min_us), max(c.max_us)
    FROM ${source}
    GROUP BY 2, 3, 4, 5, 6`
}

// What cells are counted from: whether an entry is a first one, its day, durations and breakdown values (not its person).
const COUNTED = Prisma.sql`previous_entry_day IS NULL AS first, entry_day, d1, d2, d3, d4, d5, d6, d7, country, device, utm_source, variant`

/**
 * Around a rewrite of some entries of `funnel` (those `where` selects, a condition on
 * analytics_funnel_entries): keeps what they counted before, rewrites, then counts again only the
 * days whose counted values changed. Returns what `rewrite` returns.
 */
export async function recountAround<T>(
  tx: Tx,
  funnel: string,
  where: Prisma.Sql,
  rewrite: () => Promise<T>,
): Promise<T> {
  await tx.$executeRaw`CREATE TEMP TABLE analytics_rollup_funnel_was ON COMMIT DROP AS SELECT ${COUNTED} FROM analytics_funnel_entries WHERE funnel = ${funnel} AND ${where}`
  const result = await rewrite()
  const now = Prisma.sql`SELECT ${COUNTED} FROM analytics_funnel_entries WHERE funnel = ${funnel} AND ${where}`
  await tx.$executeRaw`
    CREATE TEMP TABLE analytics_rollup_funnel_days ON COMMIT DROP AS
    SELECT DISTINCT entry_day AS day FROM ((SELECT * FROM analytics_rollup_funnel_was EXCEPT ALL ${now}) UNION ALL (${now} EXCEPT ALL SELECT * FROM analytics_rollup_funnel_was)) changed`
  await countCells(tx, funnel, Prisma.sql`SELECT day FROM analytics_rollup_funnel_days`)
  await tx.$executeRaw`DROP TABLE analytics_rollup_funnel_was, analytics_rollup_funnel_days`
  return result
}
