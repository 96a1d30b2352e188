import "server-only"
import { Prisma } from "@/generated/prisma/client"
import { bucketPercentile } from "@/lib/analytics/model/bucket-percentile"
import { type RollupCoverage, rollupCoverage } from "@/lib/analytics/model/coverage"
import { NONE } from "@/lib/analytics/model/dimensions"
import { durationBucket } from "@/lib/analytics/model/duration-buckets"
import type { ProductRange } from "@/lib/analytics/model/range"
import {
  BOUNCE,
  DURATION_TALLIES,
  SESSION_GROUPS,
  SESSION_MICROS,
  sessionGroupsBuilt,
} from "@/lib/analytics/model/sessions"
import { rawTransaction, type RawSql } from "@/lib/database/raw-transaction"
import { db } from "@/lib/db"
import { dayStart, shiftDay } from "@/lib/utils/time-range"
import { type DaySplit, dailySql, sessionsSql, splitDays } from "./traffic-sources"
import { type Compared, compare, share } from "./usage-math"

// Where visitors come from and what they do, for a range and the period before it.
//
// - pages: page views per path and their visitors, a visitor counted once per day they viewed the
//   page (daily rollup + raw tail; anonymous ids last a day, so a day is what a visitor means);
// - sessions (the day rollups of analytics_sessions, then the sessions themselves, then the raw
//   tail): those that started in the range. A bounce is a session with exactly one page view and no
//   other event (traffic-math.ts); bounce rate = bounces / sessions. Duration = last event − first
//   event, so a one-event session lasts 0 s and counts in the average and median (the median
//   interpolates, as percentile_cont);
// - referrers, UTM campaigns, entry and exit pages: sessions by the referrer and UTM tags of their
//   first event, by the path of their first and last page view.

export const TRAFFIC_LIST_LIMIT = 20

export type PageRow = { path: string; views: number; visitors: number; previousViews: number }
export type SessionGroup = { value: string; sessions: number; bounceRate: number | null }
export type CampaignGroup = {
  source: string | null
  campaign: string | null
  sessions: number
  bounceRate: number | null
}

export type TrafficReport = {
  pageViews: Compared
  /** Visitors counted once per day (the sum of daily unique visitors). */
  visitors: Compared
  sessions: Compared
  bounceRate: Compared
  averageDurationSeconds: Compared
  medianDurationSeconds: Compared
  pages: PageRow[]
  referrers: SessionGroup[]
  campaigns: CampaignGroup[]
  entryPages: SessionGroup[]
  exitPages: SessionGroup[]
}

type SessionTotals = { sessions: number; bounces: number; average: number | null; median: number | null }

/**
 * Which sessions come from the day rollups of sessions (lib/analytics/rollups/session-groups.ts): those of whole rolled
 * days once they are counted in the zone; the rest (all of them until then) from sessionsSql.
 */
function sessionDays(range: ProductRange, coverage: RollupCoverage, counted: boolean): DaySplit {
  const split = splitDays(range.firstDay, range.lastDay, range.timeZone, coverage)
  return counted ? split : { ...split, rolled: null, raw: { from: range.from, to: range.to } }
}

/** A duration bucket of the sessions of a period: how many, their bounces, the sum and extremes of their durations (µs). */
type DurationBucket = { count: number; bounces: number; total: number; min: number; max: number }

/**
 * Sessions, bounces, mean and median duration (s): the durations' buckets summed over rolled days
 * and the sessions of the rest; the median exact from the bucket holding it (lib/analytics/model/bucket-percentile.ts),
 * whose values are read only when its counts do not tell. One snapshot for every statement.
 */
async function sessionTotals(split: DaySplit, coverage: RollupCoverage): Promise<SessionTotals> {
  return rawTransaction(async (tx) => {
    await tx.$executeRaw`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`
    const parts: Prisma.Sql[] = []
    if (split.rolled) {
      parts.push(Prisma.sql`SELECT bucket, sessions, bounces, total_us, min_us, max_us FROM analytics_session_durations
        WHERE day >= ${split.rolled.firstDay}::date AND day <= ${split.rolled.lastDay}::date`)
    }
    if (split.raw) {
      parts.push(Prisma.sql`SELECT ${durationBucket(SESSION_MICROS)} AS bucket, ${DURATION_TALLIES}
        FROM (${sessionsSql(split.raw, coverage.hoursBefore)}) s GROUP BY 1`)
    }
    if (parts.length === 0) return { sessions: 0, bounces: 0, average: null, median: null }
    const buckets = await tx.$queryRaw<DurationBucket[]>`
      SELECT sum(sessions)::int AS count, sum(bounces)::int AS bounces, sum(total_us)::float8 AS total, min(min_us)::float8 AS min, max(max_us)::float8 AS max
      FROM (${Prisma.join(parts, " UNION ALL ")}) p GROUP BY bucket ORDER BY bucket`
    const sessions = buckets.reduce((sum, bucket) => sum + bucket.count, 0)
    const total = buckets.reduce((sum, bucket) => sum + bucket.total, 0)
    const median = await bucketPercentile(buckets, 0.5, (bucket, offset, count) =>
      readDurations(tx, split, coverage, { ...bucket, offset, count }),
    )
    return {
      sessions,
      bounces: buckets.reduce((sum, bucket) => sum + bucket.bounces, 0),
      average: sessions ? total / sessions / 1e6 : null,
      median: median === null ? null : median / 1e6,
    }
  })
}

/** `count` durations (µs) from the `offset`-th in order of the period's sessions lasting min … max µs (analytics_sessions_duration_idx). */
async function readDurations(
  tx: RawSql,
  split: DaySplit,
  coverage: RollupCoverage,
  read: { min: number; max: number; offset: number; count: number },
): Promise<number[]> {
  const within = Prisma.sql`${SESSION_MICROS} BETWEEN ${read.min}::bigint AND ${read.max}::bigint`
  const parts: Prisma.Sql[] = []
  if (split.rolled) {
    parts.push(Prisma.sql`SELECT ${SESSION_MICROS} AS micros FROM analytics_sessions s
      WHERE s.started_at >= ${dayStart(split.rolled.firstDay, split.timeZone)} AND s.started_at < ${dayStart(shiftDay(split.rolled.lastDay, 1), split.timeZone)} AND ${within}`)
  }
  if (split.raw)
    parts.push(
      Prisma.sql`SELECT ${SESSION_MICROS} AS micros FROM (${sessionsSql(split.raw, coverage.hoursBefore)}) s WHERE ${within}`,
    )
  const rows = await tx.$queryRaw<{ micros: number }[]>`
    SELECT micros::float8 AS micros FROM (${Prisma.join(parts, " UNION ALL ")}) v ORDER BY micros OFFSET ${read.offset} LIMIT ${read.count}`
  return rows.map((row) => row.micros)
}

type GroupKind = "entry" | "exit" | "referrer" | "campaign"
/** value: the path, referrer host or UTM source; campaign: the UTM campaign of a campaign row. Null for none. */
type GroupRow = { kind: GroupKind; value: string | null; campaign: string | null; sessions: number; bounces: number }

/**
 * Sessions grouped four ways (entry page, exit page, referrer, UTM source and campaign): the
 * day rollup (lib/analytics/rollups/session-groups.ts) for the days it has, the raw tail's sessions grouped the same way;
 * the top `limit` of each.
 */
async function sessionGroups(split: DaySplit, coverage: RollupCoverage, limit: number): Promise<GroupRow[]> {
  const parts: Prisma.Sql[] = []
  if (split.rolled) {
    parts.push(Prisma.sql`SELECT kind, value, campaign, sessions, bounces FROM analytics_session_groups
      WHERE day >= ${split.rolled.firstDay}::date AND day <= ${split.rolled.lastDay}::date`)
  }
  if (split.raw) {
    parts.push(Prisma.sql`SELECT g.kind, g.value, g.campaign, 1 AS sessions, (${BOUNCE})::int AS bounces
      FROM (${sessionsSql(split.raw, coverage.hoursBefore)}) s ${SESSION_GROUPS} WHERE g.value IS NOT NULL`)
  }
  if (parts.length === 0) return []
  return db.$queryRaw<GroupRow[]>`
    WITH grouped AS (
      SELECT kind, value, campaign, sum(sessions)::int AS sessions, sum(bounces)::int AS bounces
      FROM (${Prisma.join(parts, " UNION ALL ")}) p GROUP BY kind, value, campaign
    )
    SELECT kind, nullif(value, '') AS value, nullif(campaign, '') AS campaign, sessions, bounces FROM (
      SELECT *, row_number() OVER (PARTITION BY kind ORDER BY sessions DESC, value, campaign) AS rank FROM grouped
    ) ranked WHERE rank <= ${limit}
    ORDER BY kind, rank`
}

type PageTotals = { path: string; views: number; visitors: number }

/** Page views and daily visitors per path; `paths` limits it to those, else the top `limit`. */
async function pages(
  range: ProductRange,
  coverage: RollupCoverage,
  select: { limit: number } | { paths: string[] },
): Promise<PageTotals[]> {
  const split = splitDays(range.firstDay, range.lastDay, range.timeZone, coverage)
  const filter = "paths" in select ? Prisma.sql`WHERE value = ANY(${select.paths}::text[])` : Prisma.empty
  const limit = "limit" in select ? Prisma.sql`LIMIT ${select.limit}` : Prisma.empty
  return db.$queryRaw<PageTotals[]>`
    SELECT value AS path, sum(events)::int AS views, sum(visitors)::int AS visitors
    FROM (${dailySql(split, "page_view", "path")}) d ${filter}
    GROUP BY value ORDER BY views DESC, value ${limit}`
}

async function pageViewTotals(
  range: ProductRange,
  coverage: RollupCoverage,
): Promise<{ views: number; visitors: number }> {
  const split = splitDays(range.firstDay, range.lastDay, range.timeZone, coverage)
  const [row] = await db.$queryRaw<{ views: number; visitors: number }[]>`
    SELECT coalesce(sum(events), 0)::int AS views, coalesce(sum(visitors), 0)::int AS visitors FROM (${dailySql(split, "page_view", "")}) d`
  return row ?? { views: 0, visitors: 0 }
}

function toGroup(value: string, row: GroupRow): SessionGroup {
  return { value, sessions: row.sessions, bounceRate: share(row.bounces, row.sessions) }
}

const ofKind = (rows: GroupRow[], kind: GroupKind) => rows.filter((row) => row.kind === kind)

/** The traffic report for `range`, totals beside those of `previous`. */
export async function trafficReport(
  range: ProductRange,
  previous: ProductRange,
  options: { coverage?: RollupCoverage; limit?: number } = {},
): Promise<TrafficReport> {
  const coverage = options.coverage ?? (await rollupCoverage({ timeZone: range.timeZone }))
  const limit = options.limit ?? TRAFFIC_LIST_LIMIT
  const counted = await sessionGroupsBuilt(db, range.timeZone)
  const sessionsNow = sessionDays(range, coverage, counted)
  const [totalsNow, totalsBefore, viewsNow, viewsBefore, topPages, groups] = await Promise.all([
    sessionTotals(sessionsNow, coverage),
    sessionTotals(sessionDays(previous, coverage, counted), coverage),
    pageViewTotals(range, coverage),
    pageViewTotals(previous, coverage),
    pages(range, coverage, { limit }),
    sessionGroups(sessionsNow, coverage, limit),
  ])
  const before = topPages.length ? await pages(previous, coverage, { paths: topPages.map((page) => page.path) }) : []
  const previousViews = new Map(before.map((page) => [page.path, page.views]))
  return {
    pageViews: compare(viewsNow.views, viewsBefore.views),
    visitors: compare(viewsNow.visitors, viewsBefore.visitors),
    sessions: compare(totalsNow.sessions, totalsBefore.sessions),
    bounceRate: compare(
      share(totalsNow.bounces, totalsNow.sessions),
      share(totalsBefore.bounces, totalsBefore.sessions),
    ),
    averageDurationSeconds: compare(totalsNow.average, totalsBefore.average),
    medianDurationSeconds: compare(totalsNow.median, totalsBefore.median),
    pages: topPages.map((page) => ({ ...page, previousViews: previousViews.get(page.path) ?? 0 })),
    referrers: ofKind(groups, "referrer").map((row) => toGroup(row.value ?? NONE, row)),
    campaigns: ofKind(groups, "campaign").map((row) => ({
      source: row.value,
      campaign: row.campaign,
      sessions: row.sessions,
      bounceRate: share(row.bounces, row.sessions),
    })),
    entryPages: ofKind(groups, "entry").map((row) => toGroup(row.value!, row)),
    exitPages: ofKind(groups, "exit").map((row) => toGroup(row.value!, row)),
  }
}
