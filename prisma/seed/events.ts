import type { PrismaClient } from "@/generated/prisma/client"
import type { EventRow } from "@/lib/analytics/ingest/store"
import { resetRollupWatermarks, runRollups } from "@/lib/analytics/rollups"
import { readCustomerFacts } from "./events-facts"
import { anonymousVisitor, customerJourney } from "./events-journeys"
import { EventWriter } from "./events-writer"
import { createRandom, type Random } from "./random"
import { DAY_MS } from "./time"

// A year of analytics events that agree with the seeded business: every subscriber's visits before
// buying, `signed_up` at their sign-up, `checkout_started` and `order_paid` at each purchase,
// `seat_delivered` at each delivery, plan changes, cancellations, portal visits and features used;
// plus visitors who never buy, until the total reaches the target. Then the rollups run once.

export const EVENT_HISTORY_DAYS = 365
/** The default target: about this many events per seeded customer (most of them the customers' own). */
export const DEFAULT_EVENTS_PER_CUSTOMER = 22
/** Traffic grows about 4× over the year, as sign-ups do (8× over the business's 18 months). */
const TRAFFIC_GROWTH = 4

export type EventSeedOptions = {
  seed: number
  now: Date
  /** About how many events in all; default DEFAULT_EVENTS_PER_CUSTOMER per subscriber. */
  events?: number
  log?: (line: string) => void
}

export type EventSeedResult = {
  events: number
  customers: number
  anonymousVisitors: number
  seconds: number
  rollupSeconds: number
}

export async function seedDemoEvents(prisma: PrismaClient, options: EventSeedOptions): Promise<EventSeedResult> {
  const started = performance.now()
  const log = options.log ?? (() => {})
  const from = new Date(options.now.getTime() - EVENT_HISTORY_DAYS * DAY_MS)
  // A stream of its own: the business drawn from `seed` stays what it was before events existed.
  const random = createRandom((options.seed ^ 0x5eed_e7e5) >>> 0)
  const customers = await readCustomerFacts(prisma, random, options.now)
  const target = options.events ?? DEFAULT_EVENTS_PER_CUSTOMER * customers.length
  const writer = new EventWriter(prisma, {
    target,
    log,
    keep: (row: EventRow) => row.at >= from && row.at <= options.now,
  })

  for (const customer of customers) {
    customerJourney(random, customer, writer.emit)
    await writer.flushIfFull()
  }
  let anonymousVisitors = 0
  while (writer.total < target) {
    anonymousVisitor(random, `anonymous:${anonymousVisitors++}`, trafficInstant(random, from, options.now), writer.emit)
    await writer.flushIfFull()
  }
  await writer.flush()
  // Live events arrive in time order, so the table is laid out by time and a report over a range
  // reads a few pages; these were written customer by customer, so order them the same way.
  await prisma.$executeRaw`CLUSTER analytics_events USING analytics_events_at_idx`
  await prisma.$executeRaw`ANALYZE analytics_events`
  log(
    `analytics: ${writer.total} events (${customers.length} customers, ${anonymousVisitors} visitors who never bought) in ${seconds(started)} s`,
  )

  // The rows were stored with received_at in the past: forget the watermarks and roll everything up.
  const rolling = performance.now()
  await resetRollupWatermarks(prisma)
  // Big batches: nothing else is writing, and each batch reads the events table once.
  const rolled = await runRollups({ client: prisma, batchEvents: 250_000 })
  // Rolled up all at once, these rows too lie in no order; live ones are written as time passes.
  await prisma.$executeRaw`CLUSTER analytics_sessions USING analytics_sessions_started_at_idx`
  await prisma.$executeRaw`CLUSTER analytics_visitor_days USING analytics_visitor_days_pkey`
  await prisma.$executeRaw`ANALYZE analytics_sessions, analytics_visitor_days`
  log(
    `analytics rollups: ${rolled.hours} hours, ${rolled.days} days, ${rolled.visitorDays} visitor days, ${rolled.sessions} sessions in ${seconds(rolling)} s`,
  )
  return {
    events: writer.total,
    customers: customers.length,
    anonymousVisitors,
    seconds: Number(seconds(started)),
    rollupSeconds: Number(seconds(rolling)),
  }
}

const HOUR_WEIGHTS = [3, 2, 2, 2, 2, 3, 4, 5, 6, 7, 8, 8, 9, 10, 11, 11, 11, 10, 10, 9, 8, 6, 5, 4].map(
  (weight, hour) => [hour, weight] as const,
)

/** A first visit: the day on the growth curve (inverse CDF of density ∝ e^(k·t)), the hour busier in the (UTC) afternoon. */
function trafficInstant(random: Random, from: Date, to: Date): Date {
  const k = Math.log(TRAFFIC_GROWTH)
  const t = Math.log(1 + random.next() * (Math.exp(k) - 1)) / k
  const day = Math.floor((from.getTime() + t * (to.getTime() - from.getTime())) / DAY_MS) * DAY_MS
  const at = day + random.weighted(HOUR_WEIGHTS) * 3_600_000 + Math.floor(random.next() * 3_600_000)
  // The current day's later hours have not happened yet: fold them back into the window.
  return new Date(at > to.getTime() ? at - DAY_MS : Math.max(at, from.getTime()))
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1)
}

/** Empties the analytics events, their rollups and the rollup state: a reseed's events start from nothing. */
export async function deleteAnalyticsData(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`TRUNCATE analytics_events, analytics_hourly, analytics_daily, analytics_visitor_days, analytics_sessions, analytics_person_visitors, analytics_person_periods, analytics_first_seen_cells, analytics_rollup_state`
}
