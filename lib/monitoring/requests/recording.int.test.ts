import { afterEach, expect, test } from "vitest"
import { GET as health } from "@/app/api/health/route"
import { db } from "@/lib/db"
import { resetEnvCache } from "@/lib/env"
import { route } from "@/lib/http/route"
import { callRoute } from "@/lib/testing/http"
import { emptyBuckets } from "./histogram"
import { type MetricRow, RequestAccumulator } from "./accumulator"
import {
  flushRequestMetrics,
  processAccumulator,
  startRequestRecording,
  stopRequestRecording,
  writeMetricRows,
} from "./recording"

const t0 = Date.UTC(2026, 10, 20, 10, 3) // 10:03 UTC
const hour = new Date(Date.UTC(2026, 10, 20, 10))

afterEach(() => {
  stopRequestRecording()
  delete process.env.REQUEST_METRICS
  resetEnvCache()
})

function minuteRow(route: string, minute = t0) {
  return db.requestMetric.findUnique({
    where: { minute_route_method: { minute: new Date(minute), route, method: "GET" } },
  })
}
function hourRow(route: string) {
  return db.requestMetricHourly.findUnique({ where: { hour_route_method: { hour, route, method: "GET" } } })
}
function expectedBuckets(slots: Record<number, number>): number[] {
  const buckets = emptyBuckets()
  for (const [slot, count] of Object.entries(slots)) buckets[Number(slot)] = count
  return buckets
}

test("two instances flushing the same minute add up to one exact row in both tables", async () => {
  const a = new RequestAccumulator()
  const b = new RequestAccumulator()
  a.record("/t/merge", "GET", 200, 10, t0 + 1_000) // slot 7 (8, 12]
  a.record("/t/merge", "GET", 200, 10, t0 + 2_000)
  a.record("/t/merge", "GET", 503, 100, t0 + 3_000) // slot 14 (96, 128]
  b.record("/t/merge", "GET", 200, 20, t0 + 4_000) // slot 9 (16, 24]
  b.record("/t/merge", "GET", 404, 300, t0 + 5_000) // slot 17 (256, 384]
  await flushRequestMetrics(a)
  await flushRequestMetrics(b)
  // A flushes again later in the same minute, and once for the next minute (same hour).
  a.record("/t/merge", "GET", 302, 1, t0 + 50_000) // slot 0 [0, 1]
  a.record("/t/merge", "GET", 200, 10, t0 + 60_000)
  await flushRequestMetrics(a)

  const minute = await minuteRow("/t/merge")
  expect(minute).toMatchObject({ count: 6, status2xx: 3, status3xx: 1, status4xx: 1, status5xx: 1, sumMs: 441 })
  expect(minute!.buckets).toEqual(expectedBuckets({ 0: 1, 7: 2, 9: 1, 14: 1, 17: 1 }))
  const next = await minuteRow("/t/merge", t0 + 60_000)
  expect(next).toMatchObject({ count: 1, status2xx: 1, sumMs: 10 })

  const hourly = await hourRow("/t/merge")
  expect(hourly).toMatchObject({ count: 7, status2xx: 4, status3xx: 1, status4xx: 1, status5xx: 1, sumMs: 451 })
  expect(hourly!.buckets).toEqual(expectedBuckets({ 0: 1, 7: 3, 9: 1, 14: 1, 17: 1 }))
})

test("a flush that failed is retried once its rows are back, without counting anything twice", async () => {
  const acc = new RequestAccumulator()
  acc.record("/t/retry", "GET", 200, 10, t0)
  acc.record("/t/retry", "GET", 500, 10, t0)
  await expect(flushRequestMetrics(acc, async () => Promise.reject(new Error("database unreachable")))).rejects.toThrow(
    "database unreachable",
  )
  expect(await minuteRow("/t/retry")).toBeNull()
  acc.record("/t/retry", "GET", 200, 20, t0 + 10_000) // recorded while the database was away
  expect(await flushRequestMetrics(acc)).toBe(1)
  expect(await flushRequestMetrics(acc)).toBe(0) // nothing left to repeat
  expect(await minuteRow("/t/retry")).toMatchObject({ count: 3, status2xx: 2, status5xx: 1, sumMs: 40 })
  expect(await hourRow("/t/retry")).toMatchObject({ count: 3, status5xx: 1, sumMs: 40 })
})

test("when a later batch fails, only the unwritten batches are retried", async () => {
  const acc = new RequestAccumulator({ maxRoutesPerMinute: 1000 })
  for (let i = 0; i < 600; i++)
    acc.record(`/t/batch/${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`, "GET", 200, 10, t0)
  let calls = 0
  const flaky = async (rows: readonly MetricRow[]) => {
    calls++
    if (calls === 2) throw new Error("connection reset")
    await writeMetricRows(rows)
  }
  await expect(flushRequestMetrics(acc, flaky)).rejects.toThrow("connection reset")
  expect(acc.rowCount).toBe(100) // the first 500 were written
  expect(await flushRequestMetrics(acc)).toBe(100)
  const [total] = await db.$queryRaw<{ rows: number; requests: number }[]>`
    SELECT count(*)::int AS rows, sum(count)::int AS requests FROM request_metrics WHERE route LIKE '/t/batch/%'`
  expect(total).toEqual({ rows: 600, requests: 600 })
  const hourly = await db.requestMetricHourly.aggregate({
    where: { route: { startsWith: "/t/batch/" } },
    _sum: { count: true },
    _count: true,
  })
  expect(hourly).toMatchObject({ _count: 600, _sum: { count: 600 } })
})

test("a request through the route wrapper lands in request_metrics under its route pattern", async () => {
  startRequestRecording()
  const byId = route({ rateLimit: false }, async () => Response.json({ ok: true }))
  expect((await callRoute(health, "GET", "/api/health")).status).toBe(200)
  expect((await callRoute(byId, "GET", "/api/things/clx9f3k2a0000qz8h5v1c2d3e")).status).toBe(200)
  expect((await callRoute(byId, "GET", "/api/things/42")).status).toBe(200)
  await flushRequestMetrics()
  const rows = await db.requestMetric.groupBy({
    by: ["route", "method"],
    where: { route: { in: ["/api/health", "/api/things/[id]"] } },
    _sum: { count: true, status2xx: true },
  })
  expect(rows.map((r) => [r.route, r.method, r._sum.count, r._sum.status2xx]).sort()).toEqual([
    ["/api/health", "GET", 1, 1],
    ["/api/things/[id]", "GET", 2, 2],
  ])
  const hourly = await db.requestMetricHourly.aggregate({ where: { route: "/api/things/[id]" }, _sum: { count: true } })
  expect(hourly._sum.count).toBe(2)
})

test("REQUEST_METRICS=0 records nothing", async () => {
  process.env.REQUEST_METRICS = "0"
  resetEnvCache()
  startRequestRecording()
  await callRoute(health, "GET", "/api/health")
  expect(processAccumulator().rowCount).toBe(0)
})

test("REQUEST_METRICS_TOGGLE=1: each SIGUSR2 switches recording (and Prometheus' histogram) off, then on again", async () => {
  process.env.REQUEST_METRICS_TOGGLE = "1"
  resetEnvCache()
  const { toggleRecordingOnSignal } = await import("../recording-toggle")
  const { startPrometheusMetrics } = await import("../prometheus")
  const durations = startPrometheusMetrics().requestDuration
  const observed = async () =>
    (await durations.get()).values.find(
      (value) => value.metricName === "http_request_duration_seconds_count" && value.labels.route === "/api/health",
    )?.value ?? 0
  startRequestRecording()
  processAccumulator().drain()
  const seen = await observed()
  const listeners = process.listeners("SIGUSR2")
  toggleRecordingOnSignal()
  const toggle = process.listeners("SIGUSR2").find((listener) => !listeners.includes(listener))!
  try {
    toggle("SIGUSR2") // off: 2 requests, nothing recorded anywhere
    await callRoute(health, "GET", "/api/health")
    await callRoute(health, "GET", "/api/health")
    expect(processAccumulator().rowCount).toBe(0)
    expect(await observed()).toBe(seen)
    toggle("SIGUSR2") // on again: 1 request, recorded in both
    await callRoute(health, "GET", "/api/health")
    expect(
      processAccumulator()
        .drain()
        .reduce((sum, row) => sum + row.count, 0),
    ).toBe(1)
    expect(await observed()).toBe(seen + 1)
  } finally {
    process.removeListener("SIGUSR2", toggle)
    delete process.env.REQUEST_METRICS_TOGGLE
  }
})
