import "server-only"
import { Prisma } from "@/generated/prisma/client"
import { type RollupCoverage, rollupCoverage } from "@/lib/analytics/model/coverage"
import { NONE } from "@/lib/analytics/model/dimensions"
import type { ProductRange } from "@/lib/analytics/model/range"
import { rawEventsKeptFrom } from "@/lib/analytics/model/raw-events"
import { db } from "@/lib/db"
import { countByCountry } from "./geography-math"
import { type Region, regionOf } from "./geography-regions"
import { dailySql, splitDays } from "./traffic-sources"
import { type Compared, compare, share } from "./usage-math"

// Where visitors and subscribers are, for a range and the period before it.
//
// - visitors: daily unique visitors who viewed a page, summed over the days (daily rollup + raw
//   tail), by the country of their events (NONE = unknown);
// - payers: users with an `order_paid` event in the range (a first payment or a reactivation);
//   conversion rate = payers / visitors of the country. Server events carry no country, so a payer
//   is placed in their own country: the one most of their events came from (userCountries);
// - subscribers and MRR: subscriptions whose MRR in the revenue ledger is above zero at the end of
//   the range (changes effective before `to`, or up to now for a range ending today: the revenue
//   module's rule, a subscription's MRR is the sum of its ledger deltas), by their user's country;
// - regional trends: visitors per continent (geography-regions.ts) per week (weeks start Monday).
// Per-event data (who paid) lives in raw events, kept ANALYTICS_RAW_RETENTION_DAYS: `perUserSince`.

export type CountryRow = {
  country: string
  region: Region
  visitors: number
  previousVisitors: number
  payers: number
  conversionRate: number | null
  subscribers: number
  mrrCents: number
}

export type RegionWeek = { week: string; region: Region; visitors: number }

export type GeographyReport = {
  countries: CountryRow[]
  visitors: Compared
  payers: Compared
  conversionRate: Compared
  subscribers: number
  mrrCents: number
  /** The instant subscribers and MRR are taken at. */
  mrrAt: Date
  regionWeeks: RegionWeek[]
  perUserSince: Date | null
}

type CountryWeek = { week: string; country: string; visitors: number }

async function visitorsByWeek(range: ProductRange, coverage: RollupCoverage): Promise<CountryWeek[]> {
  const split = splitDays(range.firstDay, range.lastDay, range.timeZone, coverage)
  return db.$queryRaw<CountryWeek[]>`
    SELECT date_trunc('week', day)::date::text AS week, value AS country, sum(visitors)::int AS visitors
    FROM (${dailySql(split, "page_view", "country")}) d GROUP BY 1, 2`
}

async function payers(range: ProductRange): Promise<string[]> {
  const rows = await db.$queryRaw<{ user_id: string }[]>`
    SELECT DISTINCT user_id FROM analytics_events WHERE name = 'order_paid' AND at >= ${range.from} AND at < ${range.to} AND user_id IS NOT NULL`
  return rows.map((row) => row.user_id)
}

/** MRR in cents per user with a live subscription at `at` (`inclusive`: changes at `at` count). */
async function mrrByUser(at: Date, inclusive: boolean): Promise<Map<string, number>> {
  const until = inclusive ? Prisma.sql`c.effective_at <= ${at}` : Prisma.sql`c.effective_at < ${at}`
  const rows = await db.$queryRaw<{ user_id: string; mrr: number }[]>`
    SELECT user_id, sum(mrr)::float8 AS mrr FROM (
      SELECT s.user_id, sum(c.mrr_delta_cents) AS mrr FROM subscription_changes c JOIN subscriptions s ON s.id = c.subscription_id
      WHERE ${until} GROUP BY s.id, s.user_id HAVING sum(c.mrr_delta_cents) > 0
    ) live GROUP BY user_id`
  return new Map(rows.map((row) => [row.user_id, row.mrr]))
}

/**
 * Each user's country: the one most of their events came from (visitor-days weighted by their
 * events, each in its first country of the day, + the raw tail); a tie goes to the first code in
 * alphabetical order, so the answer never depends on row order. Users never seen with a country are absent.
 */
async function userCountries(userIds: string[], coverage: RollupCoverage): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map()
  // The raw tail is short (normally today): read it by time, then keep these users' rows, rather
  // than probe every user's events through the user index.
  const rows = await db.$queryRaw<{ user_id: string; country: string }[]>`
    WITH tail AS MATERIALIZED (
      SELECT user_id, country FROM analytics_events WHERE at >= ${coverage.daysBeforeStart} AND user_id IS NOT NULL AND country IS NOT NULL
    )
    SELECT DISTINCT ON (user_id COLLATE "C") user_id, country FROM (
      SELECT user_id, country, sum(events) AS events FROM (
        SELECT user_id, country, events FROM analytics_visitor_days
        WHERE user_id = ANY(${userIds}::text[]) AND country IS NOT NULL AND day < ${coverage.daysBefore}::date
        UNION ALL
        SELECT user_id, country, 1 FROM tail WHERE user_id = ANY(${userIds}::text[])
      ) seen GROUP BY 1, 2
    ) totals ORDER BY user_id COLLATE "C", events DESC, country COLLATE "C"`
  return new Map(rows.map((row) => [row.user_id, row.country]))
}

function sumBy<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => number): Map<string, number> {
  const sums = new Map<string, number>()
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + value(row))
  return sums
}

/** The geography report for `range`, visitors and conversion beside those of `previous`. */
export async function geographyReport(
  range: ProductRange,
  previous: ProductRange,
  options: { coverage?: RollupCoverage; now?: Date } = {},
): Promise<GeographyReport> {
  const coverage = options.coverage ?? (await rollupCoverage({ timeZone: range.timeZone }))
  const now = options.now ?? new Date()
  const endsToday = range.to > now
  const mrrAt = endsToday ? now : range.to
  const [weeksNow, weeksBefore, payersNow, payersBefore, mrr, perUserSince] = await Promise.all([
    visitorsByWeek(range, coverage),
    visitorsByWeek(previous, coverage),
    payers(range),
    payers(previous),
    mrrByUser(mrrAt, endsToday),
    rawEventsKeptFrom(),
  ])
  const countries = await userCountries([...new Set([...payersNow, ...mrr.keys()])], coverage)

  const visitorsNow = sumBy(
    weeksNow,
    (row) => row.country,
    (row) => row.visitors,
  )
  const visitorsBefore = sumBy(
    weeksBefore,
    (row) => row.country,
    (row) => row.visitors,
  )
  const payersByCountry = countByCountry(payersNow, countries, NONE)
  const subscribersByCountry = countByCountry(mrr.keys(), countries, NONE)
  const mrrByCountry = countByCountry(mrr.keys(), countries, NONE, (userId) => mrr.get(userId)!)

  const codes = new Set([...visitorsNow.keys(), ...payersByCountry.keys(), ...subscribersByCountry.keys()])
  const rows: CountryRow[] = [...codes].map((country) => {
    const visitors = visitorsNow.get(country) ?? 0
    const paid = payersByCountry.get(country) ?? 0
    return {
      country,
      region: regionOf(country === NONE ? null : country),
      visitors,
      previousVisitors: visitorsBefore.get(country) ?? 0,
      payers: paid,
      conversionRate: share(paid, visitors),
      subscribers: subscribersByCountry.get(country) ?? 0,
      mrrCents: mrrByCountry.get(country) ?? 0,
    }
  })
  rows.sort((a, b) => b.visitors - a.visitors || b.mrrCents - a.mrrCents || a.country.localeCompare(b.country))

  const total = (map: Map<string, number>) => [...map.values()].reduce((sum, value) => sum + value, 0)
  const regionWeeks = [
    ...sumBy(
      weeksNow,
      (row) => `${row.week}|${regionOf(row.country === NONE ? null : row.country)}`,
      (row) => row.visitors,
    ),
  ].map(([key, visitors]) => {
    const [week, region] = key.split("|") as [string, Region]
    return { week, region, visitors }
  })
  regionWeeks.sort((a, b) => a.week.localeCompare(b.week) || a.region.localeCompare(b.region))
  return {
    countries: rows,
    visitors: compare(total(visitorsNow), total(visitorsBefore)),
    payers: compare(payersNow.length, payersBefore.length),
    conversionRate: compare(
      share(payersNow.length, total(visitorsNow)),
      share(payersBefore.length, total(visitorsBefore)),
    ),
    subscribers: mrr.size,
    mrrCents: total(mrr),
    mrrAt,
    regionWeeks,
    perUserSince,
  }
}
