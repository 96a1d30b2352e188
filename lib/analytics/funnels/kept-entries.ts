import { Prisma } from "@/generated/prisma/client"
import { dayOfAt } from "@/lib/analytics/model/days"
import type { Tx } from "@/lib/analytics/model/watermarks"
import { countCells, recountAround } from "./kept-cells"
import { DAY_MS, DEFAULT_FUNNEL_STEPS, DEFAULT_WINDOW_DAYS, type FunnelStep } from "./rules"
import { funnelStepsSchema } from "./schemas"
import {
  DURATIONS,
  entryValue,
  eventsOfPersons,
  frozenThrough,
  PERSON,
  SEGMENT_VALUES,
  STEP_TIMES,
  stepMatching,
  stepMicros,
  userLinksSql,
} from "./step-sql"

// Kept entries of funnels (analytics_funnel_entries), so a funnel over a long range reads one row
// per entrant instead of walking every step event: for the default funnel and each saved one, one
// row per person and day with a step-1 event, holding the first such instant of the day, the time
// to each later step reached within the window (µs since the step before), the entry's breakdown
// values and the person's previous entry day (queries.ts reads them).
//
// They are a function of the raw events and the people rollup's identity links (visitor id → user),
// kept so the way the people rollup is: each rollup batch recomputes whole every person its events
// or its relinked visitors touch, after the people are refreshed; a rebuild of the people drops
// every funnel's entries, and a run that has caught up (syncKeptFunnels) builds those missing or
// defined differently (a saved funnel edited, a new time zone) and drops those no longer saved.
// Raw retention freezes entries: days that began before the deletion horizon are never
// recomputed (their window has closed by then: windows are at most 90 days, as is raw retention).
// Their cells (kept-cells.ts) follow them: counted with a build, and for the days a refresh changed.

export const DEFAULT_FUNNEL_KEY = "default"

export type KeptFunnel = { funnel: string; steps: readonly FunnelStep[]; windowDays: number }

/** What a funnel's entries depend on, as stored in analytics_funnel_rollups.definition. */
export function funnelDefinition(steps: readonly FunnelStep[], windowDays: number, timeZone: string): string {
  return JSON.stringify({ steps: steps.map((step) => ({ kind: step.kind, match: step.match })), windowDays, timeZone })
}

/** The default funnel and every saved one (a row that no longer validates is left out). */
export async function keptFunnels(tx: Tx): Promise<KeptFunnel[]> {
  const saved = await tx.savedFunnel.findMany({
    select: { id: true, steps: true, windowDays: true },
    orderBy: { id: "asc" },
  })
  const funnels: KeptFunnel[] = [
    { funnel: DEFAULT_FUNNEL_KEY, steps: DEFAULT_FUNNEL_STEPS, windowDays: DEFAULT_WINDOW_DAYS },
  ]
  for (const row of saved) {
    const steps = funnelStepsSchema.safeParse(row.steps)
    if (steps.success) funnels.push({ funnel: row.id, steps: steps.data, windowDays: row.windowDays })
  }
  return funnels
}

// Names of the walk's tables and columns: fixed identifiers, never built from input.
const WALKS = ["s0", "w1", "w2", "w3", "w4", "w5", "w6", "w7"].map((name) => Prisma.raw(name))
const column = (name: string, symbol: number) => Prisma.raw(`${name}${symbol}`)

/**
 * The walk of rules.ts from every entry at once, without joining an entry to all its person's
 * events (a person with an entry a day and an event a day would make that quadratic): `instants`
 * holds one row per person and instant with, per matcher j, the events of j at that instant (cj)
 * and the next later instant with one (nj); step k then looks up the instant of step k − 1 there.
 */
function walkCtes(perStep: readonly number[], windowDays: number): Prisma.Sql {
  const symbols = [...new Set(perStep)]
  const counts = symbols.map((j) => Prisma.sql`(count(*) FILTER (WHERE symbol = ${j}))::int AS ${column("c", j)}`)
  // Frames that grow from the partition's start: each next instant costs one step, not a rescan.
  const nexts = symbols.map(
    (j) => Prisma.sql`min(at) FILTER (WHERE ${column("c", j)} > 0) OVER later AS ${column("n", j)}`,
  )
  const steps = perStep.slice(1).map((symbol, index) => {
    const k = index + 1
    const [previousTime, time] = [STEP_TIMES[k - 1]!, STEP_TIMES[k]!]
    // Events of this matcher at the previous instant already serving an earlier step.
    const sameMatcher = perStep.slice(0, k).flatMap((other, j) => (other === symbol ? [STEP_TIMES[j]!] : []))
    const used = sameMatcher.length
      ? Prisma.join(
          sameMatcher.map((t) => Prisma.sql`(s.${t} = s.${previousTime})::int`),
          " + ",
        )
      : Prisma.sql`0`
    const next = Prisma.sql`CASE WHEN i.${column("c", symbol)} > ${used} THEN s.${previousTime} ELSE i.${column("n", symbol)} END`
    return Prisma.sql`, ${WALKS[k]!} AS (
      SELECT s.*, CASE WHEN ${next} < s.t0 + ${windowDays * DAY_MS} * interval '1 millisecond' THEN ${next} END AS ${time}
      FROM ${WALKS[k - 1]!} s LEFT JOIN instants i ON i.person = s.person AND i.at = s.${previousTime}
    )`
  })
  return Prisma.sql`, instants AS MATERIALIZED (
      SELECT person, at, ${Prisma.join(symbols.map((j) => column("c", j)))}, ${Prisma.join(nexts)}
      FROM (SELECT person, at, ${Prisma.join(counts)} FROM pe GROUP BY person, at) g
      WINDOW later AS (PARTITION BY person ORDER BY at DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    )
    ${Prisma.join(steps, "")}`
}

/**
 * Writes the entries of `funnel` after its frozen days, for the people `persons` selects (a query
 * of one column, person) or everyone. Identity: the people rollup's links only (events received
 * after its watermark are the report's to count). Returns the rows written.
 */
function writeEntries(tx: Tx, kept: KeptFunnel, input: EntriesInput): Promise<number> {
  return tx.$executeRaw(entriesSql(kept, input))
}

type EntriesInput = { timeZone: string; horizon: string; persons: Prisma.Sql | null }

/** The statement of writeEntries, for it and for EXPLAIN. */
export function entriesSql(kept: KeptFunnel, input: EntriesInput): Prisma.Sql {
  const { perStep, filter, symbol } = stepMatching(kept.steps)
  const stepCount = kept.steps.length
  const events = input.persons ? Prisma.sql`(${eventsOfPersons(input.persons)})` : Prisma.sql`analytics_events`
  const scope = input.persons ? Prisma.sql`AND ${PERSON} IN (SELECT person FROM (${input.persons}) p)` : Prisma.empty
  const segments = Object.keys(SEGMENT_VALUES).map((name) => Prisma.raw(name))
  const values = Object.entries(SEGMENT_VALUES).map(([name, value]) => Prisma.sql`${value} AS ${Prisma.raw(name)}`)
  const entryValues = segments.map((name) => Prisma.sql`${entryValue(name)} AS ${name}`)
  const durations = DURATIONS.slice(1, stepCount)
  const last = WALKS[stepCount - 1]!
  return Prisma.sql`
    WITH links AS MATERIALIZED (${userLinksSql("infinity", input.timeZone)}),
    pe AS MATERIALIZED (
      SELECT ${PERSON} AS person, e.at, ${symbol} AS symbol, ${Prisma.join(values)}
      FROM ${events} e LEFT JOIN links l ON l.visitor_id = e.visitor_id
      WHERE ${filter} AND e.at >= ${input.horizon}::timestamptz ${scope}
    ),
    s0 AS (
      SELECT person, ${dayOfAt(input.timeZone, Prisma.sql`at`)} AS entry_day, min(at) AS t0, ${Prisma.join(entryValues)}
      FROM pe WHERE symbol = ${perStep[0]!} AND ${dayOfAt(input.timeZone, Prisma.sql`at`)} > ${frozenThrough(input.timeZone)}
      GROUP BY person, entry_day
    )
    ${walkCtes(perStep, kept.windowDays)}
    INSERT INTO analytics_funnel_entries (funnel, person, entry_day, previous_entry_day, t0, ${Prisma.join(durations)}, ${Prisma.join(segments)})
    SELECT ${kept.funnel}, s.person, s.entry_day,
      -- The day before among these, else the person's last frozen one (their only rows left).
      COALESCE(lag(s.entry_day) OVER (PARTITION BY s.person ORDER BY s.entry_day), f.last_day),
      s.t0, ${Prisma.join(durations.map((_, index) => stepMicros(Prisma.sql`s`, index + 1)))}, ${Prisma.join(segments.map((name) => Prisma.sql`s.${name}`))}
    FROM ${last} s LEFT JOIN (
      SELECT person, max(entry_day) AS last_day FROM analytics_funnel_entries WHERE funnel = ${kept.funnel} ${input.persons ? Prisma.sql`AND person IN (SELECT person FROM (${input.persons}) p)` : Prisma.empty}
      GROUP BY person
    ) f ON f.person = s.person`
}

/** Builds a funnel's entries from every raw event kept, and their cells (its rows must be gone). */
export async function buildEntries(
  tx: Tx,
  kept: KeptFunnel,
  input: { timeZone: string; horizon: string },
): Promise<number> {
  const written = await writeEntries(tx, kept, { ...input, persons: null })
  await countCells(tx, kept.funnel, null)
  return written
}

/** Recomputes the unfrozen entries of the people `persons` selects (one column, person), and the cells of the days that changed. */
export async function refreshEntries(
  tx: Tx,
  kept: KeptFunnel,
  input: { timeZone: string; horizon: string; persons: Prisma.Sql },
): Promise<number> {
  const theirs = Prisma.sql`person IN (SELECT person FROM (${input.persons}) p) AND entry_day > ${frozenThrough(input.timeZone)}`
  return recountAround(tx, kept.funnel, theirs, async () => {
    await tx.$executeRaw`DELETE FROM analytics_funnel_entries WHERE funnel = ${kept.funnel} AND ${theirs}`
    return writeEntries(tx, kept, input)
  })
}

const TOUCHED = Prisma.sql`SELECT person FROM analytics_rollup_funnel_people`

/**
 * In a rollup batch, after the people were refreshed: recomputes, in every kept funnel still
 * defined as it was built, the people of the batch's events (their own, their visitor ids' people)
 * and, with `relinked`, the people refreshPeople recomputed (analytics_rollup_people), then moves
 * the funnels' watermark to `until`. Returns the entries written.
 */
export async function refreshKeptFunnels(
  tx: Tx,
  input: { timeZone: string; horizon: string; until: string; relinked: boolean },
): Promise<number> {
  const rows = await tx.$queryRaw<
    { funnel: string; definition: string }[]
  >`SELECT funnel, definition FROM analytics_funnel_rollups ORDER BY funnel`
  if (rows.length === 0) return 0
  const wanted = new Map((await keptFunnels(tx)).map((kept) => [kept.funnel, kept]))
  await tx.$executeRaw`CREATE TEMP TABLE analytics_rollup_funnel_people (person text PRIMARY KEY) ON COMMIT DROP`
  await tx.$executeRaw`
    INSERT INTO analytics_rollup_funnel_people (person)
    SELECT 'v:' || visitor_id FROM analytics_rollup_batch
    UNION SELECT 'u:' || user_id FROM analytics_rollup_batch WHERE user_id IS NOT NULL
    UNION SELECT m.person FROM analytics_rollup_batch b JOIN analytics_person_visitors m ON m.visitor_id = b.visitor_id
    ${input.relinked ? Prisma.sql`UNION SELECT person FROM analytics_rollup_people` : Prisma.empty}`
  await tx.$executeRaw`ANALYZE analytics_rollup_funnel_people`
  let written = 0
  for (const row of rows) {
    const kept = wanted.get(row.funnel)
    // Deleted or redefined since it was built: syncKeptFunnels drops or rebuilds it.
    if (!kept || funnelDefinition(kept.steps, kept.windowDays, input.timeZone) !== row.definition) continue
    written += await refreshEntries(tx, kept, { timeZone: input.timeZone, horizon: input.horizon, persons: TOUCHED })
    await tx.$executeRaw`UPDATE analytics_funnel_rollups SET watermark = ${input.until}::timestamptz, updated_at = now() WHERE funnel = ${row.funnel}`
  }
  return written
}

/** Every funnel's entries go (the people were rebuilt: every identity may have changed). */
export async function dropKeptFunnels(tx: Tx): Promise<void> {
  await tx.$executeRaw`DELETE FROM analytics_funnel_entries`
  await tx.$executeRaw`DELETE FROM analytics_funnel_cells`
  await tx.$executeRaw`DELETE FROM analytics_funnel_month_cells`
  await tx.$executeRaw`DELETE FROM analytics_funnel_rollups`
}

/**
 * Once the rollups have caught up (the people rollup at `peopleMark`): drops the entries of
 * funnels no longer saved or defined otherwise, and builds those missing. Returns the funnels built.
 */
export async function syncKeptFunnels(
  tx: Tx,
  input: { timeZone: string; horizon: string; peopleMark: string },
): Promise<number> {
  const wanted = await keptFunnels(tx)
  const definitions = new Map(
    wanted.map((kept) => [kept.funnel, funnelDefinition(kept.steps, kept.windowDays, input.timeZone)]),
  )
  const rows = await tx.$queryRaw<
    { funnel: string; definition: string }[]
  >`SELECT funnel, definition FROM analytics_funnel_rollups`
  const stale = rows.filter((row) => definitions.get(row.funnel) !== row.definition).map((row) => row.funnel)
  if (stale.length > 0) {
    await tx.$executeRaw`DELETE FROM analytics_funnel_entries WHERE funnel = ANY(${stale}::text[])`
    await tx.$executeRaw`DELETE FROM analytics_funnel_cells WHERE funnel = ANY(${stale}::text[])`
    await tx.$executeRaw`DELETE FROM analytics_funnel_month_cells WHERE funnel = ANY(${stale}::text[])`
    await tx.$executeRaw`DELETE FROM analytics_funnel_rollups WHERE funnel = ANY(${stale}::text[])`
  }
  const built = new Set(rows.filter((row) => !stale.includes(row.funnel)).map((row) => row.funnel))
  let count = 0
  for (const kept of wanted) {
    if (built.has(kept.funnel)) continue
    await buildEntries(tx, kept, input)
    await tx.$executeRaw`
      INSERT INTO analytics_funnel_rollups (funnel, definition, watermark, built_from, updated_at)
      VALUES (${kept.funnel}, ${definitions.get(kept.funnel)!}, ${input.peopleMark}::timestamptz, ${input.horizon}::timestamptz, now())`
    count += 1
  }
  return count
}
