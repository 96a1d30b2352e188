// bench:monitoring, part 2: the request-metric rows of a busy month, and the dashboard's queries
// over them, each timed through the same functions the dashboard calls.
import { bucketOf, emptyBuckets, mergeBuckets } from "@/lib/monitoring/requests/histogram"

type Db = (typeof import("@/lib/db"))["db"]

/**
 * The rows three instances' flushes would leave: per route one minute histogram (the three
 * instances' merged), repeated every minute for `days` days, and its 60-fold sum every hour.
 */
export async function loadSyntheticMetrics(
  db: Db,
  { days: DAYS, routes: ROUTES, say }: { days: number; routes: number; say: (line: string) => void },
) {
  const end = Math.floor(Date.now() / 3_600_000) * 3_600_000
  const start = end - DAYS * 86_400_000
  const factors = [0.6, 0.8, 1, 1, 1.2, 1.5, 2, 3, 0.9, 1.1, 5, 0.7]
  const templates = Array.from({ length: ROUTES }, (_, index) => {
    const r = index + 1
    const median = 5 * 1.35 ** (r % 25)
    let buckets = emptyBuckets()
    let sumMs = 0
    let count = 0
    for (let instance = 0; instance < 3; instance++) {
      const own = emptyBuckets()
      for (let k = 0; k < 2 + (r % 9) + instance; k++) {
        const ms = median * factors[(k + instance) % factors.length]!
        own[bucketOf(ms)]! += 1
        sumMs += ms
        count++
      }
      buckets = mergeBuckets(buckets, own)
    }
    const s5 = r % 10 === 0 ? 3 : 0
    const s4 = r % 7 === 0 ? 3 : 0
    return {
      route: `/bench/route-${String(r).padStart(2, "0")}`,
      method: r % 5 === 0 ? "POST" : "GET",
      count,
      s2: count - s4 - s5,
      s3: 0,
      s4,
      s5,
      sum_ms: sumMs,
      buckets,
    }
  })
  const hourly = templates.map((t) => ({
    ...t,
    count: t.count * 60,
    s2: t.s2 * 60,
    s4: t.s4 * 60,
    s5: t.s5 * 60,
    sum_ms: t.sum_ms * 60,
    buckets: t.buckets.map((c) => c * 60),
  }))
  const t0 = performance.now()
  say(
    `inserting ${DAYS} days × 1440 minutes × ${ROUTES} routes = ${(DAYS * 1440 * ROUTES).toLocaleString("en")} minute rows and their hourly sums…`,
  )
  for (let day = 0; day < DAYS; day++) {
    const from = new Date(start + day * 86_400_000)
    const to = new Date(start + (day + 1) * 86_400_000)
    await db.$executeRaw`
      INSERT INTO request_metrics (minute, route, method, count, status_2xx, status_3xx, status_4xx, status_5xx, sum_ms, buckets)
      SELECT m, t.route, t.method, t.count, t.s2, t.s3, t.s4, t.s5, t.sum_ms, t.buckets
      FROM generate_series(${from}::timestamptz, ${to}::timestamptz - interval '1 minute', interval '1 minute') AS m
      CROSS JOIN jsonb_to_recordset(${JSON.stringify(templates)}::jsonb)
        AS t(route text, method text, count int, s2 int, s3 int, s4 int, s5 int, sum_ms float8, buckets int[])`
    await db.$executeRaw`
      INSERT INTO request_metrics_hourly (hour, route, method, count, status_2xx, status_3xx, status_4xx, status_5xx, sum_ms, buckets)
      SELECT h, t.route, t.method, t.count, t.s2, t.s3, t.s4, t.s5, t.sum_ms, t.buckets
      FROM generate_series(${from}::timestamptz, ${to}::timestamptz - interval '1 hour', interval '1 hour') AS h
      CROSS JOIN jsonb_to_recordset(${JSON.stringify(hourly)}::jsonb)
        AS t(route text, method text, count int, s2 int, s3 int, s4 int, s5 int, sum_ms float8, buckets int[])`
    if ((day + 1) % 5 === 0 || day + 1 === DAYS)
      say(`  ${day + 1}/${DAYS} days (${Math.round((performance.now() - t0) / 1000)} s)`)
  }
  await db.$executeRaw`ANALYZE request_metrics`
  await db.$executeRaw`ANALYZE request_metrics_hourly`
  const seconds = Math.round((performance.now() - t0) / 100) / 10
  return {
    days: DAYS,
    routes: ROUTES,
    instances: 3,
    minuteRows: DAYS * 1440 * ROUTES,
    hourlyRows: DAYS * 24 * ROUTES,
    loadSeconds: seconds,
  }
}

/**
 * The rest of a busy month the dashboard reads: three instances' resource samples every 15 s, and
 * one probe per component per minute (a few minutes down now and then).
 */
export async function loadSyntheticSystemData(db: Db, { days, say }: { days: number; say: (line: string) => void }) {
  const end = new Date(Math.floor(Date.now() / 60_000) * 60_000)
  const start = new Date(end.getTime() - days * 86_400_000)
  const t0 = performance.now()
  say(
    `inserting ${days} days of resource samples for 3 instances (every 15 s) and probes for 4 components (every minute)…`,
  )
  for (const instance of ["bench-a:1:x", "bench-b:1:y", "bench-c:1:z"]) {
    await db.$executeRaw`
      INSERT INTO resource_samples (instance, at, cpu_percent, rss_bytes, heap_used_bytes, heap_total_bytes, event_loop_p50_ms, event_loop_p99_ms,
                                    event_loop_max_ms, db_round_trip_ms, pool_total, pool_idle, pool_waiting, data_dir_bytes, backup_dir_bytes)
      SELECT ${instance}, t, 20 + 15 * sin(extract(epoch FROM t) / 3600), 300e6, 120e6, 180e6, 10.5, 20 + (extract(minute FROM t))::int % 7, 40, 0.8, 10, 9, 0, 50e6, 10e6
      FROM generate_series(${start}::timestamptz, ${end}::timestamptz, interval '15 seconds') AS t`
  }
  await db.$executeRaw`
    INSERT INTO probe_results (component, minute, up, latency_ms, detail)
    SELECT c, m, (extract(epoch FROM m)::bigint / 60) % 997 <> 0, 5 + (extract(epoch FROM m)::bigint % 13), NULL
    FROM generate_series(${start}::timestamptz, ${end}::timestamptz - interval '1 minute', interval '1 minute') AS m
    CROSS JOIN unnest(ARRAY['app', 'landing', 'database', 'job-queue']) AS c
    ON CONFLICT DO NOTHING`
  // What a running system holds: hourly rows for the month, raw samples only for their retention.
  say("rolling resource samples up by the hour, then applying raw-sample retention…")
  const { rollUpResources } = await import("@/lib/monitoring/resources/rollup")
  const { RETENTION_DAYS } = await import("@/lib/monitoring/retention")
  const { rows: hourlyRows } = await rollUpResources(end)
  const rawKept = new Date(end.getTime() - RETENTION_DAYS.resourceSamples * 86_400_000)
  await db.$executeRaw`DELETE FROM resource_samples WHERE instance LIKE 'bench-%' AND at < ${rawKept}`
  await db.$executeRaw`ANALYZE resource_samples`
  await db.$executeRaw`ANALYZE resource_hourly`
  await db.$executeRaw`ANALYZE probe_results`
  const rawDays = Math.min(days, RETENTION_DAYS.resourceSamples)
  return {
    resourceSamples: 3 * rawDays * 5760,
    resourceHours: hourlyRows,
    probeRows: 4 * days * 1440,
    loadSeconds: Math.round((performance.now() - t0) / 100) / 10,
  }
}

export async function timeQueries({ samples: SAMPLES }: { samples: number }) {
  const { requestSeries, routeTable } = await import("@/lib/monitoring/requests/queries")
  const HOUR = 3_600_000
  const ranges: [string, number][] = [
    ["1 h", HOUR],
    ["6 h", 6 * HOUR],
    ["10 h", 10 * HOUR], // the longest range read from minute rows
    ["24 h", 24 * HOUR],
    ["7 d", 7 * 24 * HOUR],
    ["30 d", 30 * 24 * HOUR],
  ]
  const specs: { name: string; run: () => Promise<unknown> }[] = []
  for (const [label, span] of ranges) {
    const range = () => ({ from: new Date(Date.now() - span), to: new Date() })
    specs.push({ name: `series, all routes, ${label}`, run: () => requestSeries(range()) })
    specs.push({
      name: `series, one route, ${label}`,
      run: () => requestSeries({ ...range(), route: "/bench/route-07" }),
    })
    specs.push({ name: `route table (slowest), ${label}`, run: () => routeTable({ ...range(), sort: "slowest" }) })
  }
  // The whole dashboard, every section, as the page loads it.
  const { operationsOverview } = await import("@/lib/monitoring/operations/overview")
  for (const preset of ["1h", "24h", "7d", "30d"] as const)
    specs.push({
      name: `operations dashboard, all sections, ${preset}`,
      run: () => operationsOverview({ range: preset, sort: "slowest" }),
    })
  const results: { query: string; samples: number; p50: number; p95: number; max: number }[] = []
  for (const spec of specs) {
    for (let i = 0; i < 3; i++) await spec.run()
    const times: number[] = []
    for (let i = 0; i < SAMPLES; i++) {
      const t0 = performance.now()
      await spec.run()
      times.push(performance.now() - t0)
    }
    times.sort((x, y) => x - y)
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]! * 10) / 10
    results.push({
      query: spec.name,
      samples: SAMPLES,
      p50: at(0.5),
      p95: at(0.95),
      max: Math.round(times[times.length - 1]! * 10) / 10,
    })
  }
  console.table(results.map((r) => ({ query: r.query, "p50 ms": r.p50, "p95 ms": r.p95, "max ms": r.max })))
  return results
}
