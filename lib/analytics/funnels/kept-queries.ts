import { Prisma } from "@/generated/prisma/client"
import { type Bucket, bucketPercentile } from "@/lib/analytics/model/bucket-percentile"
import { wholeMonths } from "@/lib/analytics/model/days"
import { durationBucket } from "@/lib/analytics/model/duration-buckets"
import { rawTransaction, type RawSql } from "@/lib/database/raw-transaction"
import { CELL_SEGMENTS, CELL_STEPS } from "./kept-cells"
import {
  type FunnelFigures,
  type FunnelOptions,
  type FunnelSegment,
  sortSegments,
  type StepCount,
  summarizeSteps,
} from "./rules"
import { DURATIONS, entrantsSql, frozenThrough, PERSON, userLinksSql } from "./step-sql"

// A kept funnel over whole days (kept-entries.ts), exact up to the last event.
// A range's entrants are its entries whose person had none earlier in it: first entries ever
// (previous_entry_day null) and people returning after a gap that began before the range.
//  1. recount: the people of events received after the entries' watermark, unless their first
//     entry in the range is older than the raw events kept (final, no longer computable); walked:
//     their entrants, walked from raw events as a custom funnel is;
//  2. per breakdown value, step and duration bucket: the cells of the range (first entries: month
//     cells for its whole months, day cells for the rest), minus those of recounted people, plus
//     the range's returning entrants (few, from covering indexes: analytics_funnel_entries_
//     returning_idx by day for short ranges, _returned_idx by previous day for long ones) and the
//     walked ones;
//  3. from those: each step's people and sum, and its median exact from the bucket holding it
//     (lib/analytics/model/bucket-percentile.ts); the few buckets whose values the counts do not tell are read in one
//     statement per round, from the per-step indexes of the entries (analytics_funnel_entries_dk_idx).

/** The kept entries of `funnel` (watermark: the last event they hold), for the whole days firstDay … lastDay of `timeZone`. */
export type KeptSource = {
  kind: "kept"
  peopleMark: string
  funnel: string
  watermark: string
  firstDay: string
  lastDay: string
  timeZone: string
}

// Temporary tables of one report's transaction.
const RECOUNT = Prisma.raw("analytics_funnel_recount")
const WALKED = Prisma.raw("analytics_funnel_walked")

/** The entries `f` of the range that are its entrants. */
function entrantsOfRange(source: KeptSource): Prisma.Sql {
  return Prisma.sql`f.funnel = ${source.funnel} AND f.entry_day >= ${source.firstDay}::date AND f.entry_day <= ${source.lastDay}::date
    AND (f.previous_entry_day IS NULL OR f.previous_entry_day < ${source.firstDay}::date)`
}

export async function queryKeptFunnel(options: FunnelOptions, source: KeptSource): Promise<FunnelFigures> {
  return rawTransaction(async (tx) => {
    // One snapshot for the cells, the entries and whatever is read after them.
    await tx.$executeRaw`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`
    await tx.$executeRaw`SET LOCAL jit = off`
    await walkRecounted(tx, options, source)
    const cells = await sumCells(tx, options, source)
    return figures(
      cells,
      options,
      batchedReader((requests) => readValues(tx, options, source, requests)),
    )
  })
}

/** Step 1 above: the temporary tables RECOUNT (person) and WALKED (segment, d1 … d7). */
async function walkRecounted(tx: RawSql, options: FunnelOptions, source: KeptSource): Promise<void> {
  await tx.$executeRaw`
    CREATE TEMP TABLE ${RECOUNT} ON COMMIT DROP AS
    WITH links AS MATERIALIZED (${userLinksSql(source.peopleMark, source.timeZone)}),
    tail AS MATERIALIZED (
      SELECT DISTINCT x.person FROM analytics_events e LEFT JOIN links l ON l.visitor_id = e.visitor_id
      LEFT JOIN analytics_person_visitors p ON p.visitor_id = e.visitor_id
      CROSS JOIN LATERAL (VALUES (${PERSON}), ('v:' || e.visitor_id COLLATE "C"), (p.person COLLATE "C")) AS x(person)
      WHERE e.received_at > ${source.watermark}::timestamptz AND x.person IS NOT NULL
    )
    SELECT t.person FROM tail t WHERE NOT EXISTS (
      SELECT 1 FROM analytics_funnel_entries f WHERE f.person = t.person AND ${entrantsOfRange(source)} AND f.entry_day <= ${frozenThrough(source.timeZone)})`
  await tx.$executeRaw`CREATE TEMP TABLE ${WALKED} (segment text, d1 bigint, d2 bigint, d3 bigint, d4 bigint, d5 bigint, d6 bigint, d7 bigint) ON COMMIT DROP`
  const [recounted] = await tx.$queryRaw<{ people: number }[]>`SELECT count(*)::int AS people FROM ${RECOUNT}`
  if (!recounted?.people) return
  // Hash joins for the walk whatever the estimates (queries.ts), for this statement only.
  await tx.$executeRaw`SET LOCAL enable_nestloop = off`
  await tx.$executeRaw`
    INSERT INTO ${WALKED} (segment, ${Prisma.join(DURATIONS.slice(1, options.steps.length))})
    ${entrantsSql(options, source, Prisma.sql`SELECT person FROM ${RECOUNT}`)}`
  await tx.$executeRaw`SET LOCAL enable_nestloop = on`
  await tx.$executeRaw`ANALYZE ${RECOUNT}`
}

/** A bucket of one step's durations for one breakdown value ("" breakdown: everyone; "" segment: no value). */
type Cell = Bucket & { breakdown: string; segment: string; step: number; bucket: number; total: number; loose: boolean }

/** Step 2 above, ordered by breakdown, segment, step and bucket. */
function sumCells(tx: RawSql, options: FunnelOptions, source: KeptSource): Promise<Cell[]> {
  const breakdowns = ["", ...(options.breakdown ? [options.breakdown] : [])]
  const inRange = Prisma.sql`f.funnel = ${source.funnel} AND f.entry_day >= ${source.firstDay}::date AND f.entry_day <= ${source.lastDay}::date`
  const recounted = Prisma.sql`f.person IN (SELECT person FROM ${RECOUNT})`
  // Entrants the cells do not hold (+1: people returning, not recounted) or hold but are not (−1: recounted).
  const corrections = Prisma.sql`
    SELECT 1 AS sign, f.* FROM analytics_funnel_entries f
    WHERE ${inRange} AND f.previous_entry_day IS NOT NULL AND f.previous_entry_day < ${source.firstDay}::date AND NOT ${recounted}
    UNION ALL
    SELECT -1, f.* FROM analytics_funnel_entries f WHERE ${inRange} AND f.previous_entry_day IS NULL AND ${recounted}`
  // The range's whole months from the month cells, its other days from the day cells.
  const spans = wholeMonths(source.firstDay, source.lastDay)
  const cellsOf = (table: Prisma.Sql, column: Prisma.Sql, first: string, last: string) => Prisma.sql`
      SELECT breakdown, segment, step, bucket, people, total_us AS total, min_us AS least, max_us AS greatest, false AS trimmed
      FROM ${table} WHERE funnel = ${source.funnel} AND breakdown = ANY(${breakdowns}::text[]) AND ${column} >= ${first}::date AND ${column} <= ${last}::date`
  const cellsOfDays = [
    ...(spans.months
      ? [cellsOf(Prisma.sql`analytics_funnel_month_cells`, Prisma.sql`month`, spans.months.first, spans.months.last)]
      : []),
    ...spans.days.map((days) =>
      cellsOf(Prisma.sql`analytics_funnel_cells`, Prisma.sql`entry_day`, days.first, days.last),
    ),
  ]
  const walkedSegments = options.breakdown
    ? Prisma.sql`CROSS JOIN LATERAL (VALUES ('', ''), (${options.breakdown}, coalesce(f.segment, ''))) AS b(breakdown, segment)`
    : Prisma.sql`CROSS JOIN LATERAL (VALUES ('', '')) AS b(breakdown, segment)`
  const bucket = durationBucket(Prisma.sql`s.micros`)
  return tx.$queryRaw<Cell[]>`
    SELECT breakdown, segment, step::int AS step, bucket::int AS bucket, sum(people)::int AS count, sum(total)::float8 AS total,
      min(least)::float8 AS min, max(greatest)::float8 AS max, bool_or(trimmed) AS loose
    FROM (
      ${Prisma.join(cellsOfDays, " UNION ALL ")}
      UNION ALL
      SELECT b.breakdown, b.segment, s.step, ${bucket}, sum(f.sign), sum(f.sign * s.micros),
        min(s.micros) FILTER (WHERE f.sign > 0), max(s.micros) FILTER (WHERE f.sign > 0), bool_or(f.sign < 0)
      FROM (${corrections}) f ${CELL_SEGMENTS} ${CELL_STEPS}
      WHERE s.micros IS NOT NULL AND b.breakdown = ANY(${breakdowns}::text[])
      GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT b.breakdown, b.segment, s.step, ${bucket}, count(*), sum(s.micros), min(s.micros), max(s.micros), false
      FROM ${WALKED} f ${walkedSegments} ${CELL_STEPS}
      WHERE s.micros IS NOT NULL
      GROUP BY 1, 2, 3, 4
    ) c
    GROUP BY breakdown, segment, step, bucket HAVING sum(people) > 0
    ORDER BY breakdown COLLATE "C", segment COLLATE "C", step, bucket`
}

type ReadRequest = { cell: Cell; offset: number; count: number }
type Reader = (cell: Cell, offset: number, count: number) => Promise<number[]>

/**
 * Collects the reads the medians ask for in one turn of the event loop and answers them with one
 * call of `run` (which returns each request's values, in order).
 */
function batchedReader(run: (requests: ReadRequest[]) => Promise<number[][]>): Reader {
  let queue: { request: ReadRequest; resolve: (values: number[]) => void; reject: (error: unknown) => void }[] = []
  const flush = () => {
    const batch = queue
    queue = []
    run(batch.map((item) => item.request)).then(
      (results) => batch.forEach((item, index) => item.resolve(results[index]!)),
      (error: unknown) => batch.forEach((item) => item.reject(error)),
    )
  }
  return (cell, offset, count) =>
    new Promise((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush)
      queue.push({ request: { cell, offset, count }, resolve, reject })
    })
}

/**
 * The values the requests ask for, in one statement: the entrants' durations of the step and
 * bucket asked about, in order; everyone's straight from the step's index (stopping at the last
 * value asked for), a breakdown value's ranked among its own, one pass per step and bucket.
 */
async function readValues(
  tx: RawSql,
  options: FunnelOptions,
  source: KeptSource,
  requests: ReadRequest[],
): Promise<number[][]> {
  // Entries' own breakdown column, the walked entrants' segment; "" for everyone. With `first`,
  // only the first so many of each part, in order (so the step's index is read no further).
  const bucketValues = (
    step: number,
    least: number,
    greatest: number,
    by: { entries: Prisma.Sql; walked: Prisma.Sql },
    first?: number,
  ) => {
    const d = DURATIONS[step]!
    const within = Prisma.sql`BETWEEN ${least}::bigint AND ${greatest}::bigint`
    const limit = first === undefined ? Prisma.empty : Prisma.sql`ORDER BY f.${d} LIMIT ${first}`
    return Prisma.sql`
      (SELECT ${by.entries} AS segment, f.${d} AS d FROM analytics_funnel_entries f
      WHERE f.funnel = ${source.funnel} AND f.${d} ${within} AND ${entrantsOfRange(source)} AND f.person NOT IN (SELECT person FROM ${RECOUNT}) ${limit})
      UNION ALL
      (SELECT ${by.walked}, f.${d} FROM ${WALKED} f WHERE f.${d} ${within} ${limit})`
  }
  const everyone = requests.flatMap(({ cell, offset, count }, id) => {
    if (cell.breakdown !== "") return []
    const values = bucketValues(
      cell.step,
      cell.min,
      cell.max,
      { entries: Prisma.sql`''`, walked: Prisma.sql`''` },
      offset + count,
    )
    return [
      Prisma.sql`(SELECT ${id}::int AS id, v.d::float8 AS d FROM (${values}) v ORDER BY v.d OFFSET ${offset} LIMIT ${count})`,
    ]
  })
  const breakdown = options.breakdown ? Prisma.raw(options.breakdown) : null
  const groups = new Map<string, { step: number; least: number; greatest: number; ids: number[] }>()
  requests.forEach(({ cell }, id) => {
    if (cell.breakdown === "") return
    const key = `${cell.step}:${cell.bucket}`
    const group = groups.get(key) ?? { step: cell.step, least: cell.min, greatest: cell.max, ids: [] }
    groups.set(key, {
      ...group,
      least: Math.min(group.least, cell.min),
      greatest: Math.max(group.greatest, cell.max),
      ids: [...group.ids, id],
    })
  })
  const ranked = breakdown
    ? [...groups.values()].map((group) => {
        const ids = group.ids
        return Prisma.sql`(
          SELECT r.id, x.d FROM (
            SELECT v.segment, v.d::float8 AS d, (row_number() OVER (PARTITION BY v.segment ORDER BY v.d))::int - 1 AS rank
            FROM (${bucketValues(group.step, group.least, group.greatest, { entries: Prisma.sql`coalesce(f.${breakdown}, '') COLLATE "C"`, walked: Prisma.sql`coalesce(f.segment, '') COLLATE "C"` })}) v
          ) x
          JOIN unnest(${ids}::int[], ${ids.map((id) => requests[id]!.cell.segment)}::text[], ${ids.map((id) => requests[id]!.offset)}::int[],
            ${ids.map((id) => requests[id]!.offset + requests[id]!.count - 1)}::int[]) AS r(id, segment, first, last)
            ON x.segment = r.segment COLLATE "C" AND x.rank BETWEEN r.first AND r.last)`
      })
    : []
  const rows = await tx.$queryRaw<
    { id: number; d: number }[]
  >`SELECT id, d FROM (${Prisma.join([...everyone, ...ranked], " UNION ALL ")}) values ORDER BY id, d`
  const values: number[][] = requests.map(() => [])
  for (const row of rows) values[row.id]!.push(row.d)
  return values
}

/** Step 3 above: the figures of everyone and of each breakdown value. */
async function figures(cells: Cell[], options: FunnelOptions, read: Reader): Promise<FunnelFigures> {
  const stepCount = options.steps.length
  const groups = new Map<string, { breakdown: string; segment: string; cells: Cell[] }>()
  for (const cell of cells) {
    const key = `${cell.breakdown}\u0001${cell.segment}`
    const group = groups.get(key) ?? { breakdown: cell.breakdown, segment: cell.segment, cells: [] }
    group.cells.push(cell)
    groups.set(key, group)
  }
  const counted = await Promise.all(
    [...groups.values()].map(async (group) => {
      const counts = await Promise.all(
        Array.from({ length: stepCount }, async (_, k): Promise<StepCount> => {
          const buckets = group.cells.filter((cell) => cell.step === k)
          const people = buckets.reduce((sum, cell) => sum + cell.count, 0)
          if (k === 0 || people === 0) return { people, medianUs: null, sumUs: null }
          return {
            people,
            medianUs: await bucketPercentile(buckets, 0.5, read),
            sumUs: buckets.reduce((sum, cell) => sum + cell.total, 0),
          }
        }),
      )
      return { ...group, counts }
    }),
  )
  const none: StepCount[] = Array.from({ length: stepCount }, () => ({ people: 0, medianUs: null, sumUs: null }))
  const steps = summarizeSteps(counted.find((group) => group.breakdown === "")?.counts ?? none)
  if (!options.breakdown) return { steps, segments: null }
  const segments: FunnelSegment[] = counted
    .filter((group) => group.breakdown !== "")
    .map((group) => ({ value: group.segment === "" ? null : group.segment, steps: summarizeSteps(group.counts) }))
  return { steps, segments: sortSegments(segments) }
}
