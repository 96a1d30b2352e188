import { Prisma } from "@/generated/prisma/client"
import { RAW_DELETED_BEFORE } from "@/lib/analytics/model/watermarks"
import { DAY_MS, type FunnelOptions, type FunnelStep, PAGE_VIEW, readWindow, stepSymbols } from "./rules"

// SQL pieces shared by the funnel report (queries.ts) and the kept entries of funnels
// (kept-entries.ts), so both walk steps and tell people apart the same way.

// Names of the per-step tables and columns: fixed identifiers, never built from input.
export const STEP_TABLES = ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"].map((name) => Prisma.raw(name))
export const STEP_TIMES = ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"].map((name) => Prisma.raw(name))
/** dk: microseconds from step k − 1 to step k (d0 is never used). */
export const DURATIONS = ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7"].map((name) => Prisma.raw(name))

/** Step k's duration (µs, exact) from the instants tk − 1 and tk of `table`; null when step k was not reached. */
export function stepMicros(table: Prisma.Sql, k: number): Prisma.Sql {
  return Prisma.sql`(extract(epoch FROM ${table}.${STEP_TIMES[k]!} - ${table}.${STEP_TIMES[k - 1]!}) * 1000000)::bigint`
}

/** Breakdown values of an event `e`, by column name of the kept entries. */
export const SEGMENT_VALUES = {
  country: Prisma.sql`e.country`,
  device: Prisma.sql`e.device`,
  utm_source: Prisma.sql`e.utm_source`,
  variant: Prisma.sql`e.props ->> 'variant'`,
} as const

/**
 * visitor id → user id (lib/analytics/model/identity.ts: the user of the visitor's first event naming one, over every
 * event kept): the people rollup's links, except for visitor ids with an event naming a user
 * received after `since` (the people rollup's watermark; every event when it never ran): a late
 * event may name an earlier user, so theirs are found again from their raw events, unless the
 * people rollup linked them on a day whose raw events are gone (that day came first).
 */
export function userLinksSql(since: string, timeZone: string): Prisma.Sql {
  const relinked = Prisma.sql`SELECT DISTINCT visitor_id FROM analytics_events WHERE received_at > ${since}::timestamptz AND user_id IS NOT NULL`
  const linkedBeforeRaw = (visitor: Prisma.Sql) => Prisma.sql`EXISTS (
    SELECT 1 FROM analytics_visitor_days d WHERE d.visitor_id = ${visitor} AND d.user_id IS NOT NULL AND d.day <= ${frozenThrough(timeZone)})`
  return Prisma.sql`
    SELECT p.visitor_id, substr(p.person, 3) AS user_id FROM analytics_person_visitors p
    WHERE p.person LIKE 'u:%' AND (p.visitor_id NOT IN (${relinked}) OR ${linkedBeforeRaw(Prisma.sql`p.visitor_id`)})
    UNION ALL
    (SELECT DISTINCT ON (e.visitor_id) e.visitor_id, e.user_id FROM analytics_events e
     WHERE e.visitor_id IN (${relinked}) AND e.user_id IS NOT NULL AND NOT ${linkedBeforeRaw(Prisma.sql`e.visitor_id`)}
     ORDER BY e.visitor_id, e.at, e.user_id)`
}

/** The last day of `timeZone` that began before the raw-deletion horizon: its raw events are (partly) gone. */
export function frozenThrough(timeZone: string): Prisma.Sql {
  return Prisma.sql`((coalesce((SELECT watermark FROM analytics_rollup_state WHERE name = ${RAW_DELETED_BEFORE}), 'epoch') - interval '1 microsecond') AT TIME ZONE ${timeZone})::date`
}

/** The person of event `e` with its link `l` (a LEFT JOIN of the links above on visitor_id). */
export const PERSON = Prisma.sql`COALESCE('u:' || COALESCE(e.user_id, l.user_id), 'v:' || e.visitor_id) COLLATE "C"`

/**
 * Events that may belong to the people of `persons` (a query of one column, person), with `links`
 * the name of the links CTE: a user's own events, and those without a user of their visitor ids.
 * Callers keep the rows whose PERSON is one of them.
 */
export function eventsOfPersons(persons: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT e.* FROM analytics_events e
    WHERE e.user_id IN (SELECT substr(person, 3) FROM (${persons}) p WHERE person LIKE 'u:%')
    UNION ALL
    SELECT e.* FROM analytics_events e
    WHERE e.user_id IS NULL AND e.visitor_id IN (
      SELECT substr(person, 3) FROM (${persons}) p WHERE person LIKE 'v:%'
      UNION ALL
      SELECT l.visitor_id FROM links l WHERE 'u:' || l.user_id IN (SELECT person FROM (${persons}) p))`
}

/** What a funnel's steps need of an event `e`: which events match, and the matcher number of each. */
export function stepMatching(steps: readonly FunnelStep[]): {
  perStep: number[]
  filter: Prisma.Sql
  symbol: Prisma.Sql
} {
  const { perStep, matchers } = stepSymbols(steps)
  const pages = matchers.filter((matcher) => matcher.step.kind === "page")
  const events = matchers.filter((matcher) => matcher.step.kind === "event")
  const names = [...(pages.length ? [PAGE_VIEW] : []), ...events.map((matcher) => matcher.step.match)]
  const pagePaths = pages.map((matcher) => matcher.step.match)
  const eventNames = events.map((matcher) => matcher.step.match)
  return {
    perStep,
    filter: Prisma.sql`e.name = ANY(${names}::text[]) AND (e.name <> ${PAGE_VIEW} OR e.path = ANY(${pagePaths}::text[]))`,
    symbol: Prisma.sql`CASE WHEN e.name = ${PAGE_VIEW}
      THEN (${pages.map((matcher) => matcher.symbol)}::int[])[array_position(${pagePaths}::text[], e.path)]
      ELSE (${events.map((matcher) => matcher.symbol)}::int[])[array_position(${eventNames}::text[], e.name)] END`,
  }
}

/**
 * CTEs s1 … s(n−1) after s0, over `pe` (person, at, symbol): step k joins the rows at step k − 1 to
 * their person's events of step k at or after that instant and inside the window from t0, and
 * keeps the earliest (the previous instant itself only while an event there is left unused).
 * `carried` are the columns of s0 besides person and the times (a breakdown value, an entry day).
 */
export function laterStepCtes(perStep: readonly number[], windowDays: number, carried: readonly string[]): Prisma.Sql {
  const windowMs = windowDays * DAY_MS
  const keys = carried.map((column) => Prisma.raw(`s.${column}`))
  const ctes = perStep.slice(1).map((symbol, index) => {
    const k = index + 1
    const [table, previousTable, time, previousTime] = [
      STEP_TABLES[k]!,
      STEP_TABLES[k - 1]!,
      STEP_TIMES[k]!,
      STEP_TIMES[k - 1]!,
    ]
    const times = STEP_TIMES.slice(0, k).map((column) => Prisma.sql`s.${column}`)
    const group = Prisma.join([Prisma.sql`s.person`, ...keys, ...times])
    // Events of this matcher at the previous instant already serving an earlier step.
    const sameMatcher = perStep.slice(0, k).flatMap((other, j) => (other === symbol ? [STEP_TIMES[j]!] : []))
    const used = sameMatcher.length
      ? Prisma.join(
          sameMatcher.map((column) => Prisma.sql`(s.${column} = s.${previousTime})::int`),
          " + ",
        )
      : Prisma.sql`0`
    const reached = Prisma.sql`CASE WHEN count(*) FILTER (WHERE e.at = s.${previousTime}) > ${used} THEN s.${previousTime} ELSE min(e.at) FILTER (WHERE e.at > s.${previousTime}) END`
    return Prisma.sql`, ${table} AS (
      SELECT ${group}, ${reached} AS ${time}
      FROM ${previousTable} s JOIN pe e ON e.person = s.person
      WHERE e.symbol = ${symbol} AND e.at >= s.${previousTime} AND e.at < s.t0 + ${windowMs} * interval '1 millisecond'
      GROUP BY ${group}
      HAVING ${reached} IS NOT NULL
    )`
  })
  return Prisma.join(ctes, "")
}

/** The value of `column` among a person's entry events at their entry instant: the smallest, as rules.ts picks it. */
export function entryValue(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(array_agg(${column} ORDER BY at, ${column} NULLS LAST))[1]`
}

/**
 * Every entrant of the funnel in [from, to) as a row (segment, d1 … dn−1: the breakdown value, the
 * µs between steps, null from the first step missed), walked from raw events: the steps' events in
 * [from, to + window) through the (name, at) index, each with its person (identity from the people
 * rollup's links at `peopleMark`, see userLinksSql); step 1 is each person's first matching instant
 * in the range, later steps follow laterStepCtes. Everyone's, or only the people `persons` selects
 * (a query of one column, person).
 */
export function entrantsSql(
  options: FunnelOptions,
  identity: { peopleMark: string; timeZone: string },
  persons: Prisma.Sql | null,
): Prisma.Sql {
  const { from, end } = readWindow(options)
  const { perStep, filter, symbol } = stepMatching(options.steps)
  const stepCount = options.steps.length
  const segment = options.breakdown ? SEGMENT_VALUES[options.breakdown] : Prisma.sql`NULL::text`
  const events = persons ? Prisma.sql`(${eventsOfPersons(persons)})` : Prisma.sql`analytics_events`
  const scope = persons ? Prisma.sql`AND ${PERSON} IN (SELECT person FROM (${persons}) p)` : Prisma.empty
  const durations = DURATIONS.slice(1, stepCount).map(
    (duration, index) => Prisma.sql`${stepMicros(STEP_TABLES[index + 1]!, index + 1)} AS ${duration}`,
  )
  const walked = STEP_TABLES.slice(1, stepCount).map(
    (table) => Prisma.sql`LEFT JOIN ${table} ON ${table}.person = s0.person`,
  )
  return Prisma.sql`
    WITH links AS MATERIALIZED (${userLinksSql(identity.peopleMark, identity.timeZone)}),
    pe AS MATERIALIZED (
      SELECT ${PERSON} AS person, e.at, ${symbol} AS symbol, ${segment} AS segment
      FROM ${events} e LEFT JOIN links l ON l.visitor_id = e.visitor_id
      WHERE ${filter} AND e.at >= ${from} AND e.at < ${end} ${scope}
    ),
    s0 AS (SELECT person, min(at) AS t0, ${options.breakdown ? entryValue(Prisma.sql`segment`) : Prisma.sql`NULL::text`} AS segment FROM pe WHERE symbol = ${perStep[0]!} AND at < ${options.to} GROUP BY person)
    ${laterStepCtes(perStep, options.windowDays, ["segment"])}
    SELECT s0.segment, ${Prisma.join(durations)}
    FROM s0 ${Prisma.join(walked, " ")}`
}
