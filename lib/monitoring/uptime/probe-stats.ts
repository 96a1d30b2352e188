import { db } from "@/lib/db"
import type { TimeRange } from "./figures"

// Per-hour totals of probe_results, cached in the process for hours that have settled (ended more
// than SETTLE_MS ago): 90 days of minute rows cost a second to count on the embedded database,
// and a settled hour never changes (the prober writes only the current minute; retention deletes
// only hours older than any window). Uptime and latency charts add the live minutes on top.

export const HOUR_MS = 3_600_000
/** An hour counts as settled this long after it ends (a tick's probes are written within a minute). */
export const SETTLE_MS = 10 * 60_000

export type HourStats = {
  observed: number
  up: number
  latencySum: number
  latencyCount: number
  latencyMax: number | null
}

const cache = new Map<number, Map<string, HourStats>>()
const MAX_CACHED_HOURS = 100 * 24

/** Totals per component for every settled hour in [from, to) (hour-aligned), loading what is missing in one query. */
export async function settledHourStats(range: TimeRange): Promise<Map<number, Map<string, HourStats>>> {
  const hours: number[] = []
  for (let hour = range.from.getTime(); hour < range.to.getTime(); hour += HOUR_MS) hours.push(hour)
  const missing = hours.filter((hour) => !cache.has(hour))
  if (missing.length > 0) {
    const from = new Date(missing[0])
    const to = new Date(missing[missing.length - 1] + HOUR_MS)
    const rows = await db.$queryRaw<
      {
        component: string
        hour: Date
        observed: number
        up: number
        latency_sum: number | null
        latency_count: number
        latency_max: number | null
      }[]
    >`
      SELECT component,
             to_timestamp(floor(extract(epoch FROM minute) / 3600) * 3600) AS hour,
             count(*)::int AS observed,
             count(*) FILTER (WHERE up)::int AS up,
             sum(latency_ms)::float8 AS latency_sum,
             count(latency_ms)::int AS latency_count,
             max(latency_ms)::float8 AS latency_max
        FROM probe_results
       WHERE minute >= ${from} AND minute < ${to}
       GROUP BY 1, 2`
    for (const hour of missing) cache.set(hour, new Map())
    for (const row of rows) {
      cache.get(row.hour.getTime())?.set(row.component, {
        observed: row.observed,
        up: row.up,
        latencySum: row.latency_sum ?? 0,
        latencyCount: row.latency_count,
        latencyMax: row.latency_max,
      })
    }
    prune()
  }
  return new Map(hours.map((hour) => [hour, cache.get(hour)!]))
}

/** Tests write rows into past hours; production never needs this. */
export function forgetSettledProbeStats(): void {
  cache.clear()
}

function prune() {
  if (cache.size <= MAX_CACHED_HOURS) return
  const oldest = [...cache.keys()].sort((a, b) => a - b).slice(0, cache.size - MAX_CACHED_HOURS)
  for (const hour of oldest) cache.delete(hour)
}
