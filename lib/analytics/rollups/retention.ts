import { Prisma, type PrismaClient } from "@/generated/prisma/client"
import { countMonthCells } from "@/lib/analytics/funnels/kept-cells"
import { rawCutoff } from "@/lib/analytics/model/raw-events"
import { EVENT_ROLLUPS, RAW_DELETED_BEFORE, type Tx } from "@/lib/analytics/model/watermarks"
import { setLocalStatementTimeout } from "@/lib/database/statement-timeout"
import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { dayOf, shiftDay } from "@/lib/utils/time-range"
import { refreshPeople } from "./people"
import { readMarks, waitForRollupLock, writeMark } from "./state"

// How long analytics data is kept. Raw events: ANALYTICS_RAW_RETENTION_DAYS (default 90), whole
// days of the reporting zone, and only once every rollup has read them. Rollups, longer:
//   hourly 400 days (a year and a month: the same hour last year);
//   daily 1,500 days (the longest report range, 731 days, and its previous period);
//   visitor days, daily actives, sessions and their groups 800 days (two years of cohorts and
//   traffic, and a month of slack);
//   people (people.ts) are made of visitor days: they lose those days with them;
//   funnel entries (lib/analytics/funnels/kept-entries.ts) 800 days, as the visitor days (an entry's previous day may then
//   name a day whose row is gone: it still says the person entered before).

export const ROLLUP_RETENTION_DAYS = {
  hourly: 400,
  daily: 1500,
  visitorDays: 800,
  sessions: 800,
  funnelEntries: 800,
} as const
const BATCH = 5000
/** Longest a transaction here may take, waiting for the rollup lock included (past DATABASE_STATEMENT_TIMEOUT_MS). */
const RETENTION_TRANSACTION_MS = 60_000
const DAY_MS = 86_400_000

export type AnalyticsRetentionReport = {
  /** Raw events with `at` before this are gone (null when nothing could be deleted yet). */
  rawDeletedBefore: string | null
  /** True when old raw events were not rolled up yet: they stay until a later run. */
  rawDeferred: boolean
  rawEvents: number
  hourly: number
  daily: number
  visitorDays: number
  sessions: number
  funnelEntries: number
}

export async function applyAnalyticsRetention(
  options: { client?: PrismaClient; now?: Date; timeZone?: string; rawDays?: number } = {},
): Promise<AnalyticsRetentionReport> {
  const client = options.client ?? db
  const now = options.now ?? new Date()
  const timeZone = options.timeZone ?? env().ANALYTICS_TIME_ZONE
  const cutoff = rawCutoff(now, options.rawDays ?? env().ANALYTICS_RAW_RETENTION_DAYS, timeZone)

  // Under the rollup lock: first the horizon moves (from then on no rollup recomputes a unit before
  // it), then the rows go. Refused while an old event is still unread by some rollup.
  const plan = await client.$transaction(
    async (tx) => {
      // Waiting for a rollup batch to finish may take longer than a request's statement timeout.
      await setLocalStatementTimeout(tx, RETENTION_TRANSACTION_MS)
      await waitForRollupLock(tx)
      const marks = await readMarks(tx, timeZone)
      const rolled = EVENT_ROLLUPS.map((rollup) => marks[rollup]).reduce((a, b) => (a < b ? a : b))
      const [pending] = await tx.$queryRaw<{ unrolled: boolean }[]>`
        SELECT EXISTS (SELECT 1 FROM analytics_events WHERE at < ${cutoff} AND received_at > ${rolled}::timestamptz) AS unrolled`
      if (pending?.unrolled) return { deferred: true as const }
      await writeMark(tx, RAW_DELETED_BEFORE, cutoff.toISOString(), { onlyForward: true })
      return { deferred: false as const, rolled }
    },
    { maxWait: 10_000, timeout: RETENTION_TRANSACTION_MS },
  )

  const report: AnalyticsRetentionReport = {
    rawDeletedBefore: null,
    rawDeferred: plan.deferred,
    rawEvents: 0,
    hourly: 0,
    daily: 0,
    visitorDays: 0,
    sessions: 0,
    funnelEntries: 0,
  }
  if (!plan.deferred) {
    report.rawDeletedBefore = cutoff.toISOString()
    report.rawEvents = await inBatches(
      () => client.$executeRaw`
        DELETE FROM analytics_events WHERE id IN (
          SELECT id FROM analytics_events WHERE at < ${cutoff} AND received_at <= ${plan.rolled}::timestamptz LIMIT ${BATCH})`,
    )
    // Their typed copies go with them (whatever the copy's state: none before the horizon is read again).
    await inBatches(
      () =>
        client.$executeRaw`DELETE FROM analytics_web_vitals WHERE event_id IN (SELECT event_id FROM analytics_web_vitals WHERE at < ${cutoff} LIMIT ${BATCH})`,
    )
  }
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS)
  const dayBefore = (days: number) => shiftDay(dayOf(now, timeZone), -days)
  report.hourly = await inBatches(
    () =>
      client.$executeRaw`DELETE FROM analytics_hourly WHERE ctid IN (SELECT ctid FROM analytics_hourly WHERE hour < ${before(ROLLUP_RETENTION_DAYS.hourly)} LIMIT ${BATCH})`,
  )
  report.daily = await inBatches(
    () =>
      client.$executeRaw`DELETE FROM analytics_daily WHERE ctid IN (SELECT ctid FROM analytics_daily WHERE day < ${dayBefore(ROLLUP_RETENTION_DAYS.daily)}::date LIMIT ${BATCH})`,
  )
  const visitorDaysBefore = dayBefore(ROLLUP_RETENTION_DAYS.visitorDays)
  report.visitorDays = await inBatches(() =>
    client.$transaction(
      async (tx) => {
        // Under the rollup lock, as a rollup batch would: the people of these days change with them.
        await setLocalStatementTimeout(tx, RETENTION_TRANSACTION_MS)
        await waitForRollupLock(tx)
        return deleteVisitorDays(tx, visitorDaysBefore)
      },
      { maxWait: 10_000, timeout: RETENTION_TRANSACTION_MS },
    ),
  )
  // Whole days, so in one statement; they follow the visitor days they are counted from.
  await client.$executeRaw`DELETE FROM analytics_daily_actives WHERE day < ${visitorDaysBefore}::date`
  // Active days too (a later day's previous day may name a day gone: it is still before every range).
  await inBatches(
    () =>
      client.$executeRaw`DELETE FROM analytics_active_days WHERE ctid IN (SELECT ctid FROM analytics_active_days WHERE day < ${visitorDaysBefore}::date LIMIT ${BATCH})`,
  )
  report.sessions = await inBatches(
    () => client.$executeRaw`
      DELETE FROM analytics_sessions WHERE session_id IN (SELECT session_id FROM analytics_sessions WHERE started_at < ${before(ROLLUP_RETENTION_DAYS.sessions)} LIMIT ${BATCH})`,
  )
  // Days whose sessions are all gone (sessions go by instant: the cutoff's own day goes next time).
  await client.$executeRaw`DELETE FROM analytics_session_groups WHERE day < ${dayOf(before(ROLLUP_RETENTION_DAYS.sessions), timeZone)}::date`
  await client.$executeRaw`DELETE FROM analytics_session_durations WHERE day < ${dayOf(before(ROLLUP_RETENTION_DAYS.sessions), timeZone)}::date`
  await deleteCellsBefore(client, dayBefore(ROLLUP_RETENTION_DAYS.funnelEntries))
  report.funnelEntries = await inBatches(
    () => client.$executeRaw`
      DELETE FROM analytics_funnel_entries WHERE ctid IN (SELECT ctid FROM analytics_funnel_entries WHERE entry_day < ${dayBefore(ROLLUP_RETENTION_DAYS.funnelEntries)}::date LIMIT ${BATCH})`,
  )
  return report
}

/** Deletes a batch of visitor days before `day` and refreshes the people they belonged to. */
async function deleteVisitorDays(tx: Tx, day: string): Promise<number> {
  await tx.$executeRaw`CREATE TEMP TABLE analytics_retention_visitors (visitor_id text) ON COMMIT DROP`
  const deleted = await tx.$executeRaw`
    WITH gone AS (
      DELETE FROM analytics_visitor_days WHERE ctid IN (SELECT ctid FROM analytics_visitor_days WHERE day < ${day}::date LIMIT ${BATCH}) RETURNING visitor_id
    )
    INSERT INTO analytics_retention_visitors (visitor_id) SELECT visitor_id FROM gone`
  if (deleted > 0) await refreshPeople(tx, Prisma.sql`SELECT visitor_id FROM analytics_retention_visitors`)
  return deleted
}

/** Funnel cells go with their entries' days; the month holding the cutoff is summed again from the days left. */
async function deleteCellsBefore(client: PrismaClient, day: string): Promise<void> {
  await client.$executeRaw`DELETE FROM analytics_funnel_cells WHERE entry_day < ${day}::date`
  await client.$executeRaw`DELETE FROM analytics_funnel_month_cells WHERE month < date_trunc('month', ${day}::date)::date`
  const funnels = await client.$queryRaw<
    { funnel: string }[]
  >`SELECT DISTINCT funnel FROM analytics_funnel_month_cells WHERE month = date_trunc('month', ${day}::date)::date`
  for (const { funnel } of funnels)
    await countMonthCells(client, funnel, Prisma.sql`SELECT date_trunc('month', ${day}::date)::date AS month`)
}

async function inBatches(deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0
  for (;;) {
    const deleted = await deleteBatch()
    total += deleted
    if (deleted < BATCH) return total
  }
}
