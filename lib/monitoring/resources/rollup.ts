import { db } from "@/lib/db"

// resource_samples (every 15 s per instance) rolled into resource_hourly, so the dashboard's week
// and month views read 24 rows per instance and day instead of 5,760. A rollup row keeps sums and
// counts, never averages, so any run of hours averages exactly.
//
// The `monitoring.resource-rollup` job rebuilds, every few minutes, each hour from the one before
// the newest rolled hour up to now: the newest hour is usually still filling, and the one before
// takes a sample that committed just after the previous run. Rebuilding from raw samples makes a
// rerun change nothing. Readers take hours before the newest rolled hour from here and everything
// after it from resource_samples (see queries.ts), so they never miss a sample.

const HOUR_MS = 3_600_000
/** A backlog (the first run, or after the job was down) is rolled a day at a time. */
const BATCH_MS = 24 * HOUR_MS

export type ResourceRollupReport = { hoursFrom: Date | null; rows: number }

export async function rollUpResources(now = new Date()): Promise<ResourceRollupReport> {
  const start = await rollupStart()
  if (!start) return { hoursFrom: null, rows: 0 }
  let rows = 0
  for (let from = start.getTime(); from <= now.getTime(); from += BATCH_MS) {
    rows += await rollUpHours(new Date(from), new Date(Math.min(from + BATCH_MS, now.getTime() + 1)))
  }
  return { hoursFrom: start, rows }
}

/** The newest hour rolled up so far: every hour before it is complete in resource_hourly. */
export async function rolledHoursUntil(): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ hour: Date | null }[]>`SELECT max(hour) AS hour FROM resource_hourly`
  return row?.hour ?? null
}

async function rollupStart(): Promise<Date | null> {
  const newest = await rolledHoursUntil()
  if (newest) return new Date(newest.getTime() - HOUR_MS)
  const [row] = await db.$queryRaw<
    { at: Date | null }[]
  >`SELECT date_trunc('hour', min(at)) AS at FROM resource_samples`
  return row?.at ?? null
}

/** Rebuilds the hours of the samples taken in [from, to); `from` is on an hour. */
async function rollUpHours(from: Date, to: Date): Promise<number> {
  return db.$executeRaw`
    INSERT INTO resource_hourly AS r (instance, hour, samples, cpu_percent_sum, rss_bytes_max, heap_used_bytes_sum,
      heap_total_bytes_sum, event_loop_p50_ms_sum, event_loop_p99_ms_max, event_loop_max_ms_max, db_round_trip_ms_sum,
      db_round_trips, pool_total_max, pool_idle_min, pool_waiting_max, data_dir_bytes_max, backup_dir_bytes_max)
    SELECT instance, date_trunc('hour', at), count(*), sum(cpu_percent), max(rss_bytes), sum(heap_used_bytes),
           sum(heap_total_bytes), sum(event_loop_p50_ms), max(event_loop_p99_ms), max(event_loop_max_ms),
           coalesce(sum(db_round_trip_ms), 0), count(db_round_trip_ms), max(pool_total), min(pool_idle), max(pool_waiting),
           max(data_dir_bytes), max(backup_dir_bytes)
      FROM resource_samples
     WHERE at >= ${from} AND at < ${to}
     GROUP BY 1, 2
    ON CONFLICT (hour, instance) DO UPDATE SET
      samples = excluded.samples, cpu_percent_sum = excluded.cpu_percent_sum, rss_bytes_max = excluded.rss_bytes_max,
      heap_used_bytes_sum = excluded.heap_used_bytes_sum, heap_total_bytes_sum = excluded.heap_total_bytes_sum,
      event_loop_p50_ms_sum = excluded.event_loop_p50_ms_sum, event_loop_p99_ms_max = excluded.event_loop_p99_ms_max,
      event_loop_max_ms_max = excluded.event_loop_max_ms_max, db_round_trip_ms_sum = excluded.db_round_trip_ms_sum,
      db_round_trips = excluded.db_round_trips, pool_total_max = excluded.pool_total_max, pool_idle_min = excluded.pool_idle_min,
      pool_waiting_max = excluded.pool_waiting_max, data_dir_bytes_max = excluded.data_dir_bytes_max,
      backup_dir_bytes_max = excluded.backup_dir_bytes_max`
}

/** For tests and the benchmark: the rollup's rows of one instance, oldest first. */
export async function resourceHours(
  instance: string,
): Promise<{ hour: Date; samples: number; cpuPercentSum: number }[]> {
  return db.$queryRaw`SELECT hour, samples, cpu_percent_sum AS "cpuPercentSum" FROM resource_hourly WHERE instance = ${instance} ORDER BY hour`
}
