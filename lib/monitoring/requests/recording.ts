import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { onRequestTimed, type RequestTiming } from "@/lib/http/timing"
import { onShutdown } from "@/lib/server/shutdown"
import { markTimedByWrapper, startPageTiming } from "./page-timing"
import { hourRows, type MetricRow, RequestAccumulator } from "./accumulator"
import { methodName, routePattern } from "./route-pattern"

// Request metrics of this process: every timed request is recorded in memory, and every 10 seconds
// (lib/jobs/background.ts) flush() adds the rows to request_metrics and request_metrics_hourly.
// Adding, never overwriting, is what lets any number of instances share a row.

export type WriteRows = (rows: readonly MetricRow[]) => Promise<void>

const FLUSH_BATCH = 500

// On globalThis: Next may load this module once for instrumentation and again inside a route's
// bundle, and both must feed the same accumulator.
const state = globalThis as unknown as {
  requestMetrics?: { accumulator: RequestAccumulator; unsubscribe?: () => void; reportedDrops: number }
}

function processState() {
  state.requestMetrics ??= { accumulator: new RequestAccumulator(), reportedDrops: 0 }
  return state.requestMetrics
}

export function processAccumulator(): RequestAccumulator {
  return processState().accumulator
}

/** Records one timed request: the path becomes a route pattern, ids and all. */
export function recordRequest(
  timing: Pick<RequestTiming, "route" | "method" | "status" | "durationMs">,
  accumulator = processAccumulator(),
): void {
  accumulator.record(routePattern(timing.route), methodName(timing.method), timing.status, timing.durationMs)
}

export function requestMetricsEnabled(): boolean {
  return env().REQUEST_METRICS !== "0"
}

/**
 * Subscribes this process to the route wrapper's timings (once); REQUEST_METRICS=0 leaves it off.
 * With `pages`, everything else this process serves over HTTP is timed too (pages, unwrapped
 * handlers), skipping what the wrapper timed. `flushOnExit` adds a last flush to the process's
 * shutdown (lib/server/shutdown.ts), after the requests in flight have finished.
 */
export function startRequestRecording(options: { pages?: boolean; flushOnExit?: boolean } = {}): void {
  const current = processState()
  if (current.unsubscribe || !requestMetricsEnabled()) return
  const stopPages = options.pages ? startPageTiming((timing) => recordRequest(timing, current.accumulator)) : undefined
  const stopApi = onRequestTimed((timing) => {
    if (stopPages) markTimedByWrapper(timing.requestId)
    recordRequest(timing, current.accumulator)
  })
  current.unsubscribe = () => {
    stopApi()
    stopPages?.()
  }
  if (options.flushOnExit) onShutdown("flush", "request metrics", () => flushRequestMetrics())
}

export function stopRequestRecording(): void {
  const current = processState()
  current.unsubscribe?.()
  current.unsubscribe = undefined
}

/**
 * Adds everything recorded so far to the database, in batches of 500 minute rows, each one
 * statement for both tables. A batch that fails goes back into memory (with later ones) and is
 * retried next time; batches already written are not repeated. Returns the rows written.
 */
export async function flushRequestMetrics(
  accumulator = processAccumulator(),
  write: WriteRows = writeMetricRows,
): Promise<number> {
  const rows = accumulator.drain()
  let written = 0
  try {
    while (written < rows.length) {
      const batch = rows.slice(written, written + FLUSH_BATCH)
      await write(batch)
      written += batch.length
    }
  } catch (error) {
    accumulator.restore(rows.slice(written))
    throw error
  } finally {
    const current = processState()
    if (accumulator.droppedRows > current.reportedDrops) {
      console.error(
        `[metrics] dropped ${accumulator.droppedRows - current.reportedDrops} request-metric rows after repeated flush failures`,
      )
      current.reportedDrops = accumulator.droppedRows
    }
  }
  return written
}

const asJson = (rows: readonly MetricRow[]) =>
  JSON.stringify(
    rows.map((r) => ({
      at: new Date(r.minute).toISOString(),
      route: r.route,
      method: r.method,
      count: r.count,
      s2: r.status2xx,
      s3: r.status3xx,
      s4: r.status4xx,
      s5: r.status5xx,
      sum_ms: r.sumMs,
      buckets: r.buckets,
    })),
  )

/**
 * One statement: the minute rows and their hour sums are added to both tables, or neither is.
 * Counts and sums add; buckets add slot by slot. Keys in `rows` must be distinct (the accumulator
 * guarantees it), as ON CONFLICT may touch a row only once per statement.
 */
export async function writeMetricRows(rows: readonly MetricRow[]): Promise<void> {
  if (rows.length === 0) return
  await db.$executeRaw`
    WITH minute_rows AS (
      INSERT INTO request_metrics AS t (minute, route, method, count, status_2xx, status_3xx, status_4xx, status_5xx, sum_ms, buckets)
      SELECT at, route, method, count, s2, s3, s4, s5, sum_ms, buckets
      FROM jsonb_to_recordset(${asJson(rows)}::jsonb)
        AS x(at timestamptz, route text, method text, count int, s2 int, s3 int, s4 int, s5 int, sum_ms float8, buckets int[])
      ON CONFLICT (minute, route, method) DO UPDATE SET
        count = t.count + EXCLUDED.count,
        status_2xx = t.status_2xx + EXCLUDED.status_2xx,
        status_3xx = t.status_3xx + EXCLUDED.status_3xx,
        status_4xx = t.status_4xx + EXCLUDED.status_4xx,
        status_5xx = t.status_5xx + EXCLUDED.status_5xx,
        sum_ms = t.sum_ms + EXCLUDED.sum_ms,
        buckets = ARRAY(SELECT coalesce(u.a, 0) + coalesce(u.b, 0) FROM unnest(t.buckets, EXCLUDED.buckets) WITH ORDINALITY AS u(a, b, i) ORDER BY u.i)
      RETURNING 1
    )
    INSERT INTO request_metrics_hourly AS t (hour, route, method, count, status_2xx, status_3xx, status_4xx, status_5xx, sum_ms, buckets)
    SELECT at, route, method, count, s2, s3, s4, s5, sum_ms, buckets
    FROM jsonb_to_recordset(${asJson(hourRows(rows))}::jsonb)
      AS x(at timestamptz, route text, method text, count int, s2 int, s3 int, s4 int, s5 int, sum_ms float8, buckets int[])
    ON CONFLICT (hour, route, method) DO UPDATE SET
      count = t.count + EXCLUDED.count,
      status_2xx = t.status_2xx + EXCLUDED.status_2xx,
      status_3xx = t.status_3xx + EXCLUDED.status_3xx,
      status_4xx = t.status_4xx + EXCLUDED.status_4xx,
      status_5xx = t.status_5xx + EXCLUDED.status_5xx,
      sum_ms = t.sum_ms + EXCLUDED.sum_ms,
      buckets = ARRAY(SELECT coalesce(u.a, 0) + coalesce(u.b, 0) FROM unnest(t.buckets, EXCLUDED.buckets) WITH ORDINALITY AS u(a, b, i) ORDER BY u.i)`
}
