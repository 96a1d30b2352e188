import { Prisma } from "@/generated/prisma/client"
import { EPOCH_MARK } from "@/lib/analytics/rollups/state"
import { rawTransaction } from "@/lib/database/raw-transaction"
import { type FunnelBreakdown, type FunnelFigures, type FunnelOptions, readWindow, sortSegments, type StepCount, summarizeSteps } from "./funnels"
import { DURATIONS, entryValue, eventsOfPersons, frozenThrough, laterStepCtes, PERSON, SEGMENT_VALUES, STEP_TABLES, stepMatching, stepMicros, userLinksSql } from "./funnels-sql"

/**
 * Where the funnel's entrants come from. "raw": every step event of the range. "kept": the kept
 * entries of the funnel (lib/analytics/rollups/funnels.ts), whose watermark is `watermark`, for the
 * whole days firstDay … lastDay of `timeZone`; the people with events received since are counted
 * from raw events instead. `peopleMark`: the people rollup's watermark (identity links, see
 * userLinksSql; EPOCH_MARK when it never ran).
 */
export type FunnelSource =
  | { kind: "raw"; peopleMark: string; timeZone: string }
  | { kind: "kept"; peopleMark: string; funnel: string; watermark: string; firstDay: string; lastDay: string; timeZone: string }

/** The tallies of every step for one breakdown value or (total) for everyone: pk people, mk median and sk sum of durations (µs). */
type TallyRow = { segment: string | null; total: boolean } & Record<`p${number}`, number> & Record<`m${number}` | `s${number}`, number | null>

/**
 * The funnel of funnels.ts in one statement, with nothing per person sent back: per step, its
 * count and the median and sum of its durations (µs), per breakdown value and in total;
 * summarizeSteps does the rest.
 */
export async function queryFunnel(options: FunnelOptions, source: FunnelSource = { kind: "raw", peopleMark: EPOCH_MARK, timeZone: "UTC" }): Promise<FunnelFigures> {
  const stepCount = options.steps.length
  // Hash joins whatever the estimates (a CTE's row count is a guess, and a nested loop over tens of
  // thousands of people takes minutes); room in memory for the per-person tables.
  // A transaction of our own (lib/database/raw-transaction.ts) for the SET LOCALs: Prisma's batch
  // transaction gives up after 5 s, which a long range on a busy database can take.
  const rows = await rawTransaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_nestloop = off`
    await tx.$executeRaw`SET LOCAL work_mem = '32MB'`
    await tx.$executeRaw`SET LOCAL jit = off`
    return tx.$queryRaw<TallyRow[]>(funnelSql(options, source))
  })
  const counts = (row: TallyRow): StepCount[] =>
    Array.from({ length: stepCount }, (_, k) => (k === 0 ? { people: row.p0, medianUs: null, sumUs: null } : { people: row[`p${k}`], medianUs: row[`m${k}`], sumUs: row[`s${k}`] }))
  const none: StepCount[] = Array.from({ length: stepCount }, () => ({ people: 0, medianUs: null, sumUs: null }))
  const totalRow = rows.find((row) => row.total)
  const total = totalRow ? counts(totalRow) : none
  const bySegment = new Map(rows.filter((row) => !row.total).map((row) => [row.segment, counts(row)]))
  const steps = summarizeSteps(total)
  if (!options.breakdown) return { steps, segments: null }
  return { steps, segments: sortSegments([...bySegment].map(([value, counts]) => ({ value, steps: summarizeSteps(counts) }))) }
}

/**
 * The statement of queryFunnel, for it and for EXPLAIN. From raw events: the steps' events in
 * [from, to + window) through the (name, at) index, each with its person; step 1 is each person's
 * first matching instant in the range, later steps follow laterStepCtes. From kept entries: the
 * rows of the range's days whose person had no entry earlier in the range, plus the same raw
 * computation for the people whose events arrived after the entries' watermark (their rows are
 * left out, unless their first entry in the range is older than the raw events kept: final, and
 * no longer computable).
 */
export function funnelSql(options: FunnelOptions, source: FunnelSource): Prisma.Sql {
  const { from, end } = readWindow(options)
  const { perStep, filter, symbol } = stepMatching(options.steps)
  const segment = options.breakdown ? SEGMENT_VALUES[options.breakdown] : Prisma.sql`NULL::text`
  const kept = source.kind === "kept"
  const recounted = kept ? Prisma.sql`AND ${PERSON} IN (SELECT person FROM recount)` : Prisma.empty
  const events = kept ? Prisma.sql`(${eventsOfPersons(Prisma.sql`SELECT person FROM recount`)})` : Prisma.sql`analytics_events`
  return Prisma.sql`
    WITH links AS MATERIALIZED (${userLinksSql(source.peopleMark, source.timeZone)})
    ${kept ? keptCtes(source) : Prisma.empty},
    pe AS MATERIALIZED (
      SELECT ${PERSON} AS person, e.at, ${symbol} AS symbol, ${segment} AS segment
      FROM ${events} e LEFT JOIN links l ON l.visitor_id = e.visitor_id
      WHERE ${filter} AND e.at >= ${from} AND e.at < ${end} ${recounted}
    ),
    s0 AS (SELECT person, min(at) AS t0, ${options.breakdown ? entryValue(Prisma.sql`segment`) : Prisma.sql`NULL::text`} AS segment FROM pe WHERE symbol = ${perStep[0]!} AND at < ${options.to} GROUP BY person)
    ${laterStepCtes(perStep, options.windowDays, ["segment"])}
    ${tallies(options.steps.length, options.breakdown ?? null, kept ? source : null)}`
}

type KeptSource = Extract<FunnelSource, { kind: "kept" }>

/** The kept entries that are the range's entrants: on its days, with no entry earlier in it. */
function keptInRange(source: KeptSource): Prisma.Sql {
  return Prisma.sql`f.funnel = ${source.funnel} AND f.entry_day >= ${source.firstDay}::date AND f.entry_day <= ${source.lastDay}::date
    AND (f.previous_entry_day IS NULL OR f.previous_entry_day < ${source.firstDay}::date)`
}

/** tail: the people of events received after the entries' watermark; recount: those counted from raw events. */
function keptCtes(source: KeptSource): Prisma.Sql {
  return Prisma.sql`,
    tail AS MATERIALIZED (
      SELECT DISTINCT x.person FROM analytics_events e LEFT JOIN links l ON l.visitor_id = e.visitor_id
      LEFT JOIN analytics_person_visitors p ON p.visitor_id = e.visitor_id
      CROSS JOIN LATERAL (VALUES (${PERSON}), ('v:' || e.visitor_id COLLATE "C"), (p.person COLLATE "C")) AS x(person)
      WHERE e.received_at > ${source.watermark}::timestamptz AND x.person IS NOT NULL
    ),
    recount AS MATERIALIZED (
      SELECT t.person FROM tail t WHERE NOT EXISTS (
        SELECT 1 FROM analytics_funnel_entries f WHERE f.person = t.person AND ${keptInRange(source)} AND f.entry_day <= ${frozenThrough(source.timeZone)})
    )`
}

/**
 * Every entrant as one row (breakdown value, d1 … dn), from the walk over raw events and, when
 * kept, from the kept entries; then one aggregate: per step, who reached it and the median and sum
 * of their durations, per breakdown value and in total.
 */
function tallies(stepCount: number, breakdown: FunnelBreakdown | null, kept: KeptSource | null): Prisma.Sql {
  const durations = DURATIONS.slice(1, stepCount)
  const walked = STEP_TABLES.slice(1, stepCount).map((table) => Prisma.sql`LEFT JOIN ${table} ON ${table}.person = s0.person`)
  const keptRows = kept
    ? Prisma.sql`UNION ALL SELECT ${breakdown ? Prisma.raw(`f.${breakdown}`) : Prisma.sql`NULL::text`}, ${Prisma.join(durations.map((duration) => Prisma.sql`f.${duration}`))}
      FROM analytics_funnel_entries f WHERE ${keptInRange(kept)} AND f.person NOT IN (SELECT person FROM recount)`
    : Prisma.empty
  const rows = Prisma.sql`
    SELECT s0.segment, ${Prisma.join(durations.map((duration, index) => Prisma.sql`${stepMicros(STEP_TABLES[index + 1]!, index + 1)} AS ${duration}`))}
    FROM s0 ${Prisma.join(walked, " ")}
    ${keptRows}`
  const perStep = durations.map((duration, index) => {
    const k = index + 1
    return Prisma.sql`count(${duration})::int AS ${Prisma.raw(`p${k}`)},
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${duration}) FILTER (WHERE ${duration} IS NOT NULL) AS ${Prisma.raw(`m${k}`)},
      sum(${duration})::float8 AS ${Prisma.raw(`s${k}`)}`
  })
  const grouping = breakdown ? Prisma.sql`GROUP BY GROUPING SETS ((segment), ())` : Prisma.empty
  return Prisma.sql`, entrants AS (${rows})
    SELECT ${breakdown ? Prisma.sql`segment` : Prisma.sql`NULL::text`} AS segment, ${breakdown ? Prisma.sql`GROUPING(segment) = 1` : Prisma.sql`true`} AS total,
      count(*)::int AS p0, ${Prisma.join(perStep)}
    FROM entrants ${grouping}`
}
