import { Prisma } from "@/generated/prisma/client"
import { EPOCH_MARK } from "@/lib/analytics/model/watermarks"
import { rawTransaction } from "@/lib/database/raw-transaction"
import { type KeptSource, queryKeptFunnel } from "./kept-queries"
import { type FunnelFigures, type FunnelOptions, sortSegments, type StepCount, summarizeSteps } from "./rules"
import { DURATIONS, entrantsSql } from "./step-sql"

/**
 * Where the funnel's entrants come from. "raw": every step event of the range. "kept": the kept
 * entries of a funnel and their cells (kept-queries.ts). `peopleMark`: the people rollup's
 * watermark (identity links, see userLinksSql; EPOCH_MARK when it never ran).
 */
export type FunnelSource = { kind: "raw"; peopleMark: string; timeZone: string } | KeptSource

/** The tallies of every step for one breakdown value or (total) for everyone: pk people, mk median and sk sum of durations (µs). */
type TallyRow = { segment: string | null; total: boolean } & Record<`p${number}`, number> &
  Record<`m${number}` | `s${number}`, number | null>

/**
 * The funnel of rules.ts. From raw events, in one statement with nothing per person sent back:
 * per step, its count and the median and sum of its durations (µs), per breakdown value and in
 * total; summarizeSteps does the rest.
 */
export async function queryFunnel(
  options: FunnelOptions,
  source: FunnelSource = { kind: "raw", peopleMark: EPOCH_MARK, timeZone: "UTC" },
): Promise<FunnelFigures> {
  if (source.kind === "kept") return queryKeptFunnel(options, source)
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
    Array.from({ length: stepCount }, (_, k) =>
      k === 0
        ? { people: row.p0, medianUs: null, sumUs: null }
        : { people: row[`p${k}`], medianUs: row[`m${k}`], sumUs: row[`s${k}`] },
    )
  const none: StepCount[] = Array.from({ length: stepCount }, () => ({ people: 0, medianUs: null, sumUs: null }))
  const totalRow = rows.find((row) => row.total)
  const total = totalRow ? counts(totalRow) : none
  const bySegment = new Map(rows.filter((row) => !row.total).map((row) => [row.segment, counts(row)]))
  const steps = summarizeSteps(total)
  if (!options.breakdown) return { steps, segments: null }
  return {
    steps,
    segments: sortSegments([...bySegment].map(([value, counts]) => ({ value, steps: summarizeSteps(counts) }))),
  }
}

/**
 * The statement of queryFunnel from raw events, for it and for EXPLAIN: every entrant
 * (entrantsSql), then one aggregate: per step, who reached it and the median and sum of their
 * durations, per breakdown value and in total.
 */
export function funnelSql(options: FunnelOptions, source: Extract<FunnelSource, { kind: "raw" }>): Prisma.Sql {
  const breakdown = options.breakdown ?? null
  const durations = DURATIONS.slice(1, options.steps.length)
  const perStep = durations.map((duration, index) => {
    const k = index + 1
    return Prisma.sql`count(${duration})::int AS ${Prisma.raw(`p${k}`)},
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${duration}) FILTER (WHERE ${duration} IS NOT NULL) AS ${Prisma.raw(`m${k}`)},
      sum(${duration})::float8 AS ${Prisma.raw(`s${k}`)}`
  })
  const grouping = breakdown ? Prisma.sql`GROUP BY GROUPING SETS ((segment), ())` : Prisma.empty
  return Prisma.sql`
    SELECT ${breakdown ? Prisma.sql`segment` : Prisma.sql`NULL::text`} AS segment, ${breakdown ? Prisma.sql`GROUPING(segment) = 1` : Prisma.sql`true`} AS total,
      count(*)::int AS p0, ${Prisma.join(perStep)}
    FROM (${entrantsSql(options, source, null)}) entrants ${grouping}`
}
