import { Prisma, type PrismaClient } from "@/generated/prisma/client"
import { dropKeptFunnels, refreshKeptFunnels, syncKeptFunnels } from "@/lib/analytics/funnels/kept-entries"
import { sessionGroupsBuilt } from "@/lib/analytics/model/sessions"
import {
  EPOCH_MARK,
  EVENT_ROLLUPS,
  markText,
  ROLLUPS,
  type RollupName,
  stateKey,
  type Tx,
} from "@/lib/analytics/model/watermarks"
import { setLocalStatementTimeout } from "@/lib/database/statement-timeout"
import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { rebuildPeople, refreshPeople } from "./people"
import { recountSessionGroups, syncSessionGroups } from "./session-groups"
import { copyWebVitals } from "./web-vitals"
import { clearRollup, recomputeDays, recomputeHours, recomputeSessions, recomputeVisitorDays } from "./recompute"
import { earlier, readMarks, tryRollupLock, writeMark } from "./state"

/** Events received in the last seconds may still be committing: a run reads only those received before now() minus this. */
export const SETTLE_SECONDS = 15
/** Events per batch transaction: a backlog is worked through in steps of about this many (ties in received_at stay together). */
export const BATCH_EVENTS = 10_000
/** Longest a batch transaction may take, and so each of its statements (past DATABASE_STATEMENT_TIMEOUT_MS). */
const ROLLUP_TRANSACTION_MS = 300_000

export type RollupOptions = {
  client?: PrismaClient
  /** Default ANALYTICS_TIME_ZONE. */
  timeZone?: string
  batchEvents?: number
  /** Default SETTLE_SECONDS; tests that insert and roll up at once pass 0. */
  settleSeconds?: number
  /** No new batch starts after this long (the job's next tick carries on). */
  budgetMs?: number
  signal?: AbortSignal
  log?: (line: string) => void
}

export type RollupReport = {
  /** False when another run held the rollup lock: this one did nothing. */
  ran: boolean
  batches: number
  events: number
  hours: number
  days: number
  visitorDays: number
  sessions: number
  /** People whose first day and periods were recomputed (people.ts). */
  people: number
  /** Entries of kept funnels written (lib/analytics/funnels/kept-entries.ts), and kept funnels built whole. */
  funnelEntries: number
  funnelsBuilt: number
  /** Where the slowest rollup's watermark stands now (received_at, UTC text). */
  watermark: string | null
  /** False when the budget or signal stopped the run before it caught up. */
  caughtUp: boolean
}

type BatchResult = {
  locked: boolean
  done: boolean
  events: number
  hours: number
  days: number
  visitorDays: number
  sessions: number
  people: number
  funnelEntries: number
  watermark: string
}

/**
 * Brings every rollup up to the events received until a few seconds ago, one batch transaction at
 * a time. Safe to run concurrently (a batch that finds the lock taken ends the run) and to repeat.
 */
export async function runRollups(options: RollupOptions = {}): Promise<RollupReport> {
  const client = options.client ?? db
  const timeZone = options.timeZone ?? env().ANALYTICS_TIME_ZONE
  const batchEvents = options.batchEvents ?? BATCH_EVENTS
  const settleSeconds = options.settleSeconds ?? SETTLE_SECONDS
  const deadline = options.budgetMs === undefined ? Infinity : Date.now() + options.budgetMs
  const report: RollupReport = {
    ran: true,
    batches: 0,
    events: 0,
    hours: 0,
    days: 0,
    visitorDays: 0,
    sessions: 0,
    people: 0,
    funnelEntries: 0,
    funnelsBuilt: 0,
    watermark: null,
    caughtUp: false,
  }
  for (;;) {
    if (options.signal?.aborted || Date.now() > deadline) return report
    const batch = await client.$transaction((tx) => rollBatch(tx, timeZone, batchEvents, settleSeconds), {
      maxWait: 10_000,
      timeout: ROLLUP_TRANSACTION_MS,
    })
    if (!batch.locked) return { ...report, ran: report.batches > 0 }
    report.batches += 1
    report.events += batch.events
    report.hours += batch.hours
    report.days += batch.days
    report.visitorDays += batch.visitorDays
    report.sessions += batch.sessions
    report.people += batch.people
    report.funnelEntries += batch.funnelEntries
    report.watermark = batch.watermark
    if (batch.events > 0) options.log?.(`rolled up ${report.events} events (${report.batches} batches)`)
    if (batch.done) {
      report.funnelsBuilt = await client.$transaction((tx) => syncBuilt(tx, timeZone), {
        maxWait: 10_000,
        timeout: ROLLUP_TRANSACTION_MS,
      })
      if (report.funnelsBuilt > 0) options.log?.(`built the entries of ${report.funnelsBuilt} funnels`)
      return { ...report, caughtUp: true }
    }
  }
}

/** What is built whole once the rollups have caught up: the session groups of a new zone, the entries of new funnels. Returns the funnels built. */
async function syncBuilt(tx: Tx, timeZone: string): Promise<number> {
  if (!(await tryRollupLock(tx))) return 0
  await tx.$executeRaw`SET LOCAL jit = off`
  // A first build reads every kept event: as long as its transaction may take, not a request's limit.
  await setLocalStatementTimeout(tx, ROLLUP_TRANSACTION_MS)
  const marks = await readMarks(tx, timeZone)
  if (marks.sessions !== EPOCH_MARK) await syncSessionGroups(tx, timeZone, marks.sessions)
  if (marks.people === EPOCH_MARK) return 0
  return syncKeptFunnels(tx, { timeZone, horizon: marks.rawDeletedBefore, peopleMark: marks.people })
}

async function rollBatch(tx: Tx, timeZone: string, batchEvents: number, settleSeconds: number): Promise<BatchResult> {
  const result: BatchResult = {
    locked: false,
    done: true,
    events: 0,
    hours: 0,
    days: 0,
    visitorDays: 0,
    sessions: 0,
    people: 0,
    funnelEntries: 0,
    watermark: "",
  }
  if (!(await tryRollupLock(tx))) return result
  result.locked = true
  // The planner's guesses for these joins run high enough to switch JIT compilation on, which costs
  // more than the queries themselves.
  await tx.$executeRaw`SET LOCAL jit = off`
  // A backlog's batch may run longer than a request's statement timeout, up to its transaction's.
  await setLocalStatementTimeout(tx, ROLLUP_TRANSACTION_MS)
  const marks = await readMarks(tx, timeZone)
  const from = ROLLUPS.map((rollup) => marks[rollup]).reduce((a, b) => (earlier(a, b) ? a : b))
  const [settled] = await tx.$queryRaw<
    { mark: string }[]
  >`SELECT ${markText(Prisma.sql`now() - make_interval(secs => ${settleSeconds})`)} AS mark`
  const upper = settled!.mark
  result.watermark = from
  if (!earlier(from, upper)) return result

  // One scan: the next N events by received_at, with every event that shares the last one's instant.
  // Fewer than N waiting means caught up: the batch then reaches the settled bound.
  await tx.$executeRaw`CREATE TEMP TABLE analytics_rollup_batch (received_at timestamptz, at timestamptz, visitor_id text, session_id text, user_id text) ON COMMIT DROP`
  result.events = await tx.$executeRaw`
    INSERT INTO analytics_rollup_batch
    SELECT received_at, at, visitor_id, session_id, user_id FROM analytics_events
    WHERE received_at > ${from}::timestamptz AND received_at <= ${upper}::timestamptz
    ORDER BY received_at FETCH FIRST (${batchEvents}::int) ROWS WITH TIES`
  let until = upper
  if (result.events >= batchEvents) {
    const [last] = await tx.$queryRaw<
      { mark: string }[]
    >`SELECT ${markText(Prisma.sql`max(received_at)`)} AS mark FROM analytics_rollup_batch`
    until = last!.mark
  }
  result.done = until === upper
  await tx.$executeRaw`ANALYZE analytics_rollup_batch`

  const behind = (rollup: RollupName) => earlier(marks[rollup], until)
  const horizon = marks.rawDeletedBefore
  // A rollup without a watermark (first run, reset, new zone) is rebuilt: its rows from the horizon on
  // go first, so nothing is left of units the raw events no longer touch (another zone's days).
  for (const rollup of EVENT_ROLLUPS) if (marks[rollup] === EPOCH_MARK) await clearRollup(tx, rollup, horizon, timeZone)
  if (behind("hourly")) result.hours = await recomputeHours(tx, marks.hourly, horizon)
  if (behind("daily")) result.days = await recomputeDays(tx, marks.daily, horizon, timeZone)
  if (behind("visitor_days")) result.visitorDays = await recomputeVisitorDays(tx, marks.visitor_days, horizon, timeZone)
  if (behind("sessions")) result.sessions = await recomputeSessions(tx, marks.sessions, horizon)
  if (behind("web_vitals")) await copyWebVitals(tx, marks.web_vitals, until, horizon)
  // Session groups follow the sessions, by day of the zone (until built in the zone, the sync below builds them).
  if (result.sessions > 0 && (await sessionGroupsBuilt(tx, timeZone))) await recountSessionGroups(tx, timeZone)
  // People follow the visitor days as they now stand: rebuilt whole when never built or when the
  // visitor days were (their rows from the horizon on just went), else refreshed for the visitors
  // whose days changed. Either way they then hold what the visitor days hold: their watermark.
  // Kept funnels follow the people: dropped with a rebuild (built again once caught up), else
  // refreshed for the people of the batch.
  if (marks.people === EPOCH_MARK || marks.visitor_days === EPOCH_MARK) {
    result.people = await rebuildPeople(tx)
    await dropKeptFunnels(tx)
  } else if (result.visitorDays > 0) {
    result.people = await refreshPeople(tx, Prisma.sql`SELECT visitor_id FROM analytics_rollup_visitor_days`)
    result.funnelEntries = await refreshKeptFunnels(tx, { timeZone, horizon, until, relinked: result.people > 0 })
  }
  const markAfter = (rollup: RollupName) =>
    rollup === "people" && !behind("visitor_days") ? marks.visitor_days : until
  for (const rollup of ROLLUPS) if (behind(rollup)) await writeMark(tx, stateKey(rollup, timeZone), markAfter(rollup))
  result.watermark = until
  return result
}
