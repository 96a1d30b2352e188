import "server-only"
import { Prisma } from "@/generated/prisma/client"
import { ACTIVE_PERSON, DAILY_ACTIVES } from "@/lib/analytics/model/actives"
import { type RollupCoverage, rollupCoverage } from "@/lib/analytics/model/coverage"
import type { ProductRange } from "@/lib/analytics/model/range"
import { rawEventsKeptFrom } from "@/lib/analytics/model/raw-events"
import { db } from "@/lib/db"
import { shiftDay } from "@/lib/utils/time-range"
import { type DaySplit, splitDays, visitorDaysSql } from "./traffic-sources"
import { featureLabel, PORTAL_FEATURES } from "./usage-features"
import { averageDaily, type Compared, compare, share, stickiness } from "./usage-math"

// Feature usage of the portal (`feature_used` events, props.feature) and how often people come back.
//
// Definitions (each figure below, for the range and the period before it):
// - events per feature: every `feature_used` event of the feature (daily rollup + raw tail);
// - active subscribers: users with a subscription whose MRR in the revenue ledger was above zero
//   at some instant of the range (subscriptionsLiveIn below; the ledger is the history, the
//   subscriptions table only the present);
// - adoption: the share of those subscribers with at least one `feature_used` of the feature in the
//   range. Per-user use is only in raw events, which live ANALYTICS_RAW_RETENTION_DAYS: before that
//   horizon (`perUserSince`) adoption cannot count anyone;
// - active (DAU/WAU/MAU): a person with at least one event of any kind that day, from their own
//   browser or request. Events recorded for a user with no browser behind them (webhooks, staff
//   actions: visitor "u:<id>") do not make anyone active. A person is their user id when the row
//   names one, else the visitor id; anonymous visitors who did not consent get a new id every day,
//   so over a week or a month they count once per day they came;
// - DAU: average daily actives over the range's days; WAU / MAU: distinct actives over the 7 / 30
//   days ending on the range's last day; stickiness: the average daily actives of those 30 days
//   over MAU (numerator and denominator describe the same days).

export type FeatureUsage = {
  feature: string
  label: string
  events: Compared
  subscribersUsing: Compared
  adoption: Compared
}
export type DailyActives = { day: string; actives: number }

export type FeatureUsageReport = {
  features: FeatureUsage[]
  activeSubscribers: Compared
  dau: Compared
  wau: Compared
  mau: Compared
  stickiness: Compared
  /** Daily actives of the range, one row per day (0 on idle days), for the chart. */
  daily: DailyActives[]
  /** Raw events (and so per-user feature use) are kept from here; null when nothing was deleted yet. */
  perUserSince: Date | null
}

type PeriodUsage = {
  featureEvents: Map<string, number>
  subscribersUsing: Map<string, number>
  activeSubscribers: number
  daily: DailyActives[]
  dau: number | null
  wau: number
  mau: number
  stickiness: number | null
}

/** Users with a subscription whose ledger MRR was above zero at some instant of [from, to). */
export function subscriptionsLiveIn(period: { from: Date; to: Date }): Prisma.Sql {
  // MRR at `from` is the ledger summed up to and including it (the revenue module's rule); after
  // that it only changes at a ledger row, so it is positive somewhere in the range exactly when it
  // is at `from` or some row inside the range leaves it positive.
  return Prisma.sql`SELECT DISTINCT s.user_id FROM subscriptions s JOIN (
      SELECT subscription_id FROM subscription_changes WHERE effective_at < ${period.to}
      GROUP BY subscription_id
      HAVING coalesce(sum(mrr_delta_cents) FILTER (WHERE effective_at <= ${period.from}), 0) > 0
        OR coalesce(bool_or(effective_at > ${period.from} AND mrr_after_cents > 0), false)
    ) live ON live.subscription_id = s.id`
}

async function featureEvents(range: ProductRange, coverage: RollupCoverage): Promise<Map<string, number>> {
  const split = splitDays(range.firstDay, range.lastDay, range.timeZone, coverage)
  const parts: Prisma.Sql[] = []
  if (split.rolled) {
    parts.push(Prisma.sql`SELECT value AS feature, events FROM analytics_daily
      WHERE name = 'feature_used' AND dimension = 'feature' AND day >= ${split.rolled.firstDay}::date AND day <= ${split.rolled.lastDay}::date`)
  }
  if (split.raw) {
    parts.push(Prisma.sql`SELECT props ->> 'feature' AS feature, 1 AS events FROM analytics_events
      WHERE name = 'feature_used' AND at >= ${split.raw.from} AND at < ${split.raw.to} AND props ->> 'feature' IS NOT NULL`)
  }
  if (parts.length === 0) return new Map()
  const rows = await db.$queryRaw<{ feature: string; events: number }[]>`
    SELECT feature, sum(events)::int AS events FROM (${Prisma.join(parts, " UNION ALL ")}) f GROUP BY feature`
  return new Map(rows.map((row) => [row.feature, row.events]))
}

async function adoption(
  range: ProductRange,
): Promise<{ activeSubscribers: number; subscribersUsing: Map<string, number> }> {
  const rows = await db.$queryRaw<{ feature: string | null; users: number; subscribers: number }[]>`
    WITH active AS (${subscriptionsLiveIn(range)}),
      used AS (
        SELECT DISTINCT props ->> 'feature' AS feature, user_id FROM analytics_events
        WHERE name = 'feature_used' AND at >= ${range.from} AND at < ${range.to} AND user_id IS NOT NULL AND props ->> 'feature' IS NOT NULL
      )
    SELECT NULL AS feature, 0 AS users, (SELECT count(*) FROM active)::int AS subscribers
    UNION ALL
    SELECT u.feature, count(*)::int, 0 FROM used u JOIN active a ON a.user_id = u.user_id GROUP BY u.feature`
  const subscribersUsing = new Map<string, number>()
  let activeSubscribers = 0
  for (const row of rows) {
    if (row.feature === null) activeSubscribers = row.subscribers
    else subscribersUsing.set(row.feature, row.users)
  }
  return { activeSubscribers, subscribersUsing }
}

/**
 * The people active from `first` to the end of `month` (its rolled days and raw tail): the rolled
 * days' active days whose previous one is before `first` (each person once, on their first day
 * there), plus the people of the tail with no active day there.
 */
function peopleActive(first: string, month: DaySplit): Prisma.Sql {
  // Rolled days from `first` on; none when the rollups end before it (an empty span then).
  const lastRolled = month.rolled && month.rolled.lastDay >= first ? month.rolled.lastDay : shiftDay(first, -1)
  const tail = visitorDaysSql({ ...month, rolled: null })
  return Prisma.sql`(
    (SELECT count(*) FROM analytics_active_days WHERE day >= ${first}::date AND day <= ${lastRolled}::date AND (previous_day IS NULL OR previous_day < ${first}::date))
    + (SELECT count(DISTINCT ${ACTIVE_PERSON}) FROM (${tail}) v WHERE v.visitor_id NOT LIKE 'u:%' AND v.day >= ${first}::date AND NOT EXISTS (
        SELECT 1 FROM analytics_active_days a WHERE a.person = ${ACTIVE_PERSON} AND a.day >= ${first}::date AND a.day <= ${lastRolled}::date))
  )::int`
}

async function actives(
  range: ProductRange,
  coverage: RollupCoverage,
): Promise<Pick<PeriodUsage, "daily" | "dau" | "wau" | "mau" | "stickiness">> {
  const monthStart = shiftDay(range.lastDay, -29)
  const weekStart = shiftDay(range.lastDay, -6)
  const firstDay = range.firstDay < monthStart ? range.firstDay : monthStart
  const split = splitDays(firstDay, range.lastDay, range.timeZone, coverage)
  const month = splitDays(monthStart, range.lastDay, range.timeZone, coverage)
  // Per day, a person is one visitor id, or every visitor id of one user that day: the rollup's
  // count for the days it has, the same count over the raw tail's visitor days after them.
  const perDayParts = [
    Prisma.sql`SELECT day, ${DAILY_ACTIVES} AS actives FROM (${visitorDaysSql({ ...split, rolled: null })}) vd WHERE visitor_id NOT LIKE 'u:%' GROUP BY day`,
  ]
  if (split.rolled)
    perDayParts.push(
      Prisma.sql`SELECT day, actives FROM analytics_daily_actives WHERE day >= ${split.rolled.firstDay}::date AND day <= ${split.rolled.lastDay}::date`,
    )
  const [perDay, [distinct]] = await Promise.all([
    db.$queryRaw<
      { day: string; actives: number }[]
    >`SELECT day::text AS day, actives FROM (${Prisma.join(perDayParts, " UNION ALL ")}) a`,
    db.$queryRaw<
      { wau: number; mau: number }[]
    >`SELECT ${peopleActive(weekStart, month)} AS wau, ${peopleActive(monthStart, month)} AS mau`,
  ])
  const byDay = new Map(perDay.map((row) => [row.day, row.actives]))
  const daily: DailyActives[] = []
  for (let day = range.firstDay; day <= range.lastDay; day = shiftDay(day, 1))
    daily.push({ day, actives: byDay.get(day) ?? 0 })
  const sumFrom = (first: string) => perDay.reduce((total, row) => (row.day >= first ? total + row.actives : total), 0)
  const mau = distinct?.mau ?? 0
  return {
    daily,
    dau: averageDaily(sumFrom(range.firstDay), range.days),
    wau: distinct?.wau ?? 0,
    mau,
    stickiness: stickiness(averageDaily(sumFrom(monthStart), 30), mau),
  }
}

async function periodUsage(range: ProductRange, coverage: RollupCoverage): Promise<PeriodUsage> {
  const [events, adopted, active] = await Promise.all([
    featureEvents(range, coverage),
    adoption(range),
    actives(range, coverage),
  ])
  return { featureEvents: events, ...adopted, ...active }
}

/** The feature-usage report for `range`, each figure beside the same figure of `previous`. */
export async function featureUsageReport(
  range: ProductRange,
  previous: ProductRange,
  options: { coverage?: RollupCoverage } = {},
): Promise<FeatureUsageReport> {
  const coverage = options.coverage ?? (await rollupCoverage({ timeZone: range.timeZone }))
  const [now, before, perUserSince] = await Promise.all([
    periodUsage(range, coverage),
    periodUsage(previous, coverage),
    rawEventsKeptFrom(),
  ])
  const names = new Set([...Object.keys(PORTAL_FEATURES), ...now.featureEvents.keys(), ...before.featureEvents.keys()])
  const features = [...names].map((feature) => {
    const usingNow = now.subscribersUsing.get(feature) ?? 0
    const usingBefore = before.subscribersUsing.get(feature) ?? 0
    return {
      feature,
      label: featureLabel(feature),
      events: compare(now.featureEvents.get(feature) ?? 0, before.featureEvents.get(feature) ?? 0),
      subscribersUsing: compare(usingNow, usingBefore),
      adoption: compare(share(usingNow, now.activeSubscribers), share(usingBefore, before.activeSubscribers)),
    }
  })
  features.sort((a, b) => (b.events.current ?? 0) - (a.events.current ?? 0) || a.feature.localeCompare(b.feature))
  return {
    features,
    activeSubscribers: compare(now.activeSubscribers, before.activeSubscribers),
    dau: compare(now.dau, before.dau),
    wau: compare(now.wau, before.wau),
    mau: compare(now.mau, before.mau),
    stickiness: compare(now.stickiness, before.stickiness),
    daily: now.daily,
    perUserSince,
  }
}
