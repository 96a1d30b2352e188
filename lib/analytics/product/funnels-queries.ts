import { Prisma } from "@/generated/prisma/client"
import { rawTransaction } from "@/lib/database/raw-transaction"
import { DAY_MS, type FunnelBreakdown, type FunnelFigures, type FunnelOptions, PAGE_VIEW, readWindow, sortSegments, type StepCount, stepSymbols, summarizeSteps } from "./funnels"

// The entry event's breakdown value.
const SEGMENTS: Record<FunnelBreakdown, Prisma.Sql> = {
  country: Prisma.sql`e.country`,
  device: Prisma.sql`e.device`,
  utm_source: Prisma.sql`e.utm_source`,
  variant: Prisma.sql`e.props ->> 'variant'`,
}

// Names of the per-step tables and columns: fixed identifiers, never built from input.
const STEP_TABLES = ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"].map((name) => Prisma.raw(name))
const STEP_TIMES = ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"].map((name) => Prisma.raw(name))

/** One step's tally, for one breakdown value or (total) for everyone. */
type TallyRow = { step: number; segment: string | null; total: boolean; people: number; median: number | null; sum: number | null }

/**
 * The funnel of funnels.ts in one statement, with no per-person sort and nothing per person sent
 * back. It reads only the steps' events in [from, to + window) through the (name, at) index and
 * gives each its person (identity.ts). Then one hash aggregate per step: step 1 is each person's
 * first matching instant in the range; step k joins the people at step k − 1 to their events of
 * step k at or after that instant and inside the window, and keeps the earliest (the previous
 * instant itself only while an event there is left unused). Per step, its count and the median and
 * sum of its durations (µs) come back per breakdown value and in total; summarizeSteps does the rest.
 */
export async function queryFunnel(options: FunnelOptions): Promise<FunnelFigures> {
  const stepCount = options.steps.length
  // Hash joins whatever the estimates (a CTE's row count is a guess, and a nested loop over tens of
  // thousands of people takes minutes); room in memory for the per-person tables.
  // A transaction of our own (lib/database/raw-transaction.ts) for the SET LOCALs: Prisma's batch
  // transaction gives up after 5 s, which a long range on a busy database can take.
  const rows = await rawTransaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_nestloop = off`
    await tx.$executeRaw`SET LOCAL work_mem = '32MB'`
    return tx.$queryRaw<TallyRow[]>(funnelSql(options))
  })
  const empty = (): StepCount[] => Array.from({ length: stepCount }, () => ({ people: 0, medianUs: null, sumUs: null }))
  const total = empty()
  const bySegment = new Map<string | null, StepCount[]>()
  for (const row of rows) {
    const counts = row.total ? total : (bySegment.get(row.segment) ?? bySegment.set(row.segment, empty()).get(row.segment)!)
    counts[row.step] = { people: row.people, medianUs: row.median, sumUs: row.sum }
  }
  const steps = summarizeSteps(total)
  if (!options.breakdown) return { steps, segments: null }
  return { steps, segments: sortSegments([...bySegment].map(([value, counts]) => ({ value, steps: summarizeSteps(counts) }))) }
}

/** The statement of queryFunnel, for it and for EXPLAIN. */
export function funnelSql(options: FunnelOptions): Prisma.Sql {
  const { from, end } = readWindow(options)
  const { perStep, matchers } = stepSymbols(options.steps)
  const pages = matchers.filter((matcher) => matcher.step.kind === "page")
  const events = matchers.filter((matcher) => matcher.step.kind === "event")
  const names = [...(pages.length ? [PAGE_VIEW] : []), ...events.map((matcher) => matcher.step.match)]
  const pagePaths = pages.map((matcher) => matcher.step.match)
  const windowMs = options.windowDays * DAY_MS
  const segment = options.breakdown ? SEGMENTS[options.breakdown] : Prisma.sql`NULL::text`
  const grouping = options.breakdown ? Prisma.sql`GROUP BY GROUPING SETS ((segment), ())` : Prisma.empty
  const total = options.breakdown ? Prisma.sql`GROUPING(segment) = 1` : Prisma.sql`true`
  const segmentColumn = options.breakdown ? Prisma.sql`segment` : Prisma.sql`NULL::text`

  const laterSteps = perStep.slice(1).map((symbol, index) => {
    const k = index + 1
    const [table, previousTable, time, previousTime] = [STEP_TABLES[k]!, STEP_TABLES[k - 1]!, STEP_TIMES[k]!, STEP_TIMES[k - 1]!]
    const carried = Prisma.join(STEP_TIMES.slice(0, k).map((column) => Prisma.sql`s.${column}`))
    // Events of this matcher at the previous instant already serving an earlier step.
    const sameMatcher = perStep.slice(0, k).flatMap((other, j) => (other === symbol ? [STEP_TIMES[j]!] : []))
    const used = sameMatcher.length ? Prisma.join(sameMatcher.map((column) => Prisma.sql`(s.${column} = s.${previousTime})::int`), " + ") : Prisma.sql`0`
    const reached = Prisma.sql`CASE WHEN count(*) FILTER (WHERE e.at = s.${previousTime}) > ${used} THEN s.${previousTime} ELSE min(e.at) FILTER (WHERE e.at > s.${previousTime}) END`
    return Prisma.sql`, ${table} AS (
      SELECT s.person, s.segment, ${carried}, ${reached} AS ${time}
      FROM ${previousTable} s JOIN pe e ON e.person = s.person
      WHERE e.symbol = ${symbol} AND e.at >= s.${previousTime} AND e.at < s.t0 + ${windowMs} * interval '1 millisecond'
      GROUP BY s.person, s.segment, ${carried}
      HAVING ${reached} IS NOT NULL
    )`
  })
  // One aggregate per step over its own table: no join of the steps back together.
  const tallies = perStep.slice(1).map((_, index) => {
    const k = index + 1
    const micros = Prisma.sql`(extract(epoch FROM ${STEP_TIMES[k]!} - ${STEP_TIMES[k - 1]!}) * 1000000)::float8`
    return Prisma.sql`UNION ALL SELECT ${k}::int, ${segmentColumn}, ${total}, count(*)::int, percentile_cont(0.5) WITHIN GROUP (ORDER BY ${micros}), sum(${micros})
      FROM ${STEP_TABLES[k]!} ${grouping}`
  })
  // The entry's value: the smallest at the entry instant (NULLS LAST), as funnels.ts picks it.
  const entrySegment = options.breakdown ? Prisma.sql`(array_agg(segment ORDER BY at, segment NULLS LAST))[1]` : Prisma.sql`NULL::text`
  return Prisma.sql`
    WITH ev AS MATERIALIZED (
      SELECT e.at, e.visitor_id, e.user_id, ${segment} AS segment,
        CASE WHEN e.name = ${PAGE_VIEW}
          THEN (${pages.map((matcher) => matcher.symbol)}::int[])[array_position(${pagePaths}::text[], e.path)]
          ELSE (${events.map((matcher) => matcher.symbol)}::int[])[array_position(${events.map((matcher) => matcher.step.match)}::text[], e.name)] END AS symbol
      FROM analytics_events e
      WHERE e.name = ANY(${names}::text[]) AND e.at >= ${from} AND e.at < ${end}
        AND (e.name <> ${PAGE_VIEW} OR e.path = ANY(${pagePaths}::text[]))
    ),
    links AS (
      SELECT DISTINCT ON (visitor_id) visitor_id, user_id FROM ev WHERE user_id IS NOT NULL ORDER BY visitor_id, at, user_id
    ),
    pe AS MATERIALIZED (
      SELECT COALESCE('u:' || COALESCE(ev.user_id, l.user_id), 'v:' || ev.visitor_id) COLLATE "C" AS person, ev.at, ev.symbol, ev.segment
      FROM ev LEFT JOIN links l USING (visitor_id)
    ),
    s0 AS (SELECT person, min(at) AS t0, ${entrySegment} AS segment FROM pe WHERE symbol = ${perStep[0]!} AND at < ${options.to} GROUP BY person)
    ${Prisma.join(laterSteps, "")}
    SELECT 0::int AS step, ${segmentColumn} AS segment, ${total} AS total, count(*)::int AS people, NULL::float8 AS median, NULL::float8 AS sum FROM s0 ${grouping}
    ${Prisma.join(tallies, " ")}`
}
