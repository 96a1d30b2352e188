import { beforeAll, expect, test } from "vitest"
import { RequestAccumulator } from "./accumulator"
import { flushRequestMetrics } from "./recording"
import { alignedStart, requestSeries, resolutionFor, routeTable } from "./queries"

const at = (h: number, m: number, s = 0) => Date.UTC(2026, 10, 20, h, m, s)
const date = (h: number, m: number) => new Date(at(h, m))

beforeAll(async () => {
  // Two instances. /q/a at 10:03: 10, 10, 100 (503) ms on A; 20, 300 (404) ms on B; and 5000 ms at 11:30.
  // /q/b at 10:05: 1 and 1 ms answered 500, 2 and 2 ms answered 200.
  const a = new RequestAccumulator()
  const b = new RequestAccumulator()
  a.record("/q/a", "GET", 200, 10, at(10, 3, 1))
  a.record("/q/a", "GET", 200, 10, at(10, 3, 2))
  a.record("/q/a", "GET", 503, 100, at(10, 3, 3))
  b.record("/q/a", "GET", 200, 20, at(10, 3, 4))
  b.record("/q/a", "GET", 404, 300, at(10, 3, 5))
  a.record("/q/a", "GET", 200, 5000, at(11, 30))
  b.record("/q/b", "GET", 500, 1, at(10, 5))
  a.record("/q/b", "GET", 500, 1, at(10, 5))
  a.record("/q/b", "GET", 200, 2, at(10, 5))
  b.record("/q/b", "GET", 200, 2, at(10, 5))
  await flushRequestMetrics(a)
  await flushRequestMetrics(b)
})

test("the resolution follows the length of the range", () => {
  expect(resolutionFor(date(10, 0), date(12, 0))).toEqual({ table: "minute", stepSeconds: 60 })
  expect(resolutionFor(date(10, 0), date(20, 0))).toEqual({ table: "minute", stepSeconds: 300 })
  expect(resolutionFor(date(10, 0), new Date(at(10, 0) + 5 * 86_400_000))).toEqual({ table: "hour", stepSeconds: 3600 })
  expect(resolutionFor(date(10, 0), new Date(at(10, 0) + 30 * 86_400_000))).toEqual({
    table: "hour",
    stepSeconds: 21_600,
  })
  expect(resolutionFor(date(10, 0), new Date(at(10, 0) + 90 * 86_400_000))).toEqual({
    table: "hour",
    stepSeconds: 86_400,
  })
  expect(alignedStart(new Date(at(10, 2, 30)), 60)).toEqual(date(10, 2))
  expect(alignedStart(new Date(at(10, 7)), 300)).toEqual(date(10, 5))
})

test("series over ten minutes: one point a minute, percentiles from both instances' buckets", async () => {
  const { resolution, points } = await requestSeries({ from: date(10, 0), to: date(10, 10), route: "/q/a" })
  expect(resolution).toEqual({ table: "minute", stepSeconds: 60 })
  expect(points).toHaveLength(10)
  expect(points.filter((p) => p.requests > 0).map((p) => p.at)).toEqual(["2026-11-20T10:03:00.000Z"])
  const point = points[3]!
  expect(point).toMatchObject({ requests: 5, errors5xx: 1, errorRate: 0.2, meanMs: 88 }) // (10+10+100+20+300)/5
  expect(point.perSecond).toBeCloseTo(5 / 60, 10)
  // Slots: (8, 12] × 2, (16, 24] × 1, (96, 128] × 1, (256, 384] × 1.
  expect(point.p50).toBe(20) // rank 2.5: 16 + 8 × 0.5 / 1
  expect(point.p95).toBe(352) // rank 4.75: 256 + 128 × 0.75 / 1
  expect(point.p99).toBeCloseTo(377.6, 10) // rank 4.95: 256 + 128 × 0.95
  expect(points[0]).toEqual({
    at: "2026-11-20T10:00:00.000Z",
    requests: 0,
    perSecond: 0,
    errors5xx: 0,
    errorRate: null,
    p50: null,
    p95: null,
    p99: null,
    meanMs: null,
  })
})

test("series over three days reads the hourly table and gives the same figures", async () => {
  const from = new Date(Date.UTC(2026, 10, 19, 12))
  const { resolution, points } = await requestSeries({
    from,
    to: new Date(from.getTime() + 3 * 86_400_000),
    route: "/q/a",
  })
  expect(resolution).toEqual({ table: "hour", stepSeconds: 3600 })
  expect(points).toHaveLength(72)
  const busy = points.filter((p) => p.requests > 0)
  expect(busy.map((p) => [p.at, p.requests])).toEqual([
    ["2026-11-20T10:00:00.000Z", 5],
    ["2026-11-20T11:00:00.000Z", 1],
  ])
  expect(busy[0]).toMatchObject({ p50: 20, p95: 352, errorRate: 0.2 })
  expect(busy[0]!.perSecond).toBeCloseTo(5 / 3600, 10)
  expect(busy[1]!.p50).toBe(5120) // 5000 ms in (4096, 6144]: 4096 + 2048 × 0.5
})

test("series without a route adds every route together", async () => {
  const { points } = await requestSeries({ from: date(10, 0), to: date(10, 10) })
  const point = points[5]! // 10:05, /q/b only: slots [0, 1] × 2 and (1.5, 2] × 2
  expect(point).toMatchObject({ requests: 4, errors5xx: 2, errorRate: 0.5, p50: 1 }) // rank 2: 0 + 1 × 2 / 2
  expect(point.p95).toBeCloseTo(1.95, 10) // rank 3.8: 1.5 + 0.5 × 1.8 / 2
})

test("the route table sorts slowest or most failing first, with exact figures", async () => {
  const slowest = await routeTable({ from: date(10, 0), to: date(12, 0), sort: "slowest" })
  expect(slowest.map((r) => r.route)).toEqual(["/q/a", "/q/b"])
  const a = slowest[0]!
  expect(a).toMatchObject({ method: "GET", requests: 6, errors4xx: 1, errors5xx: 1, p50: 24 }) // rank 3: 16 + 8 × 1 / 1
  expect(a.errorRate).toBeCloseTo(1 / 6, 10)
  expect(a.perSecond).toBeCloseTo(6 / 7200, 10)
  expect(a.meanMs).toBeCloseTo(5440 / 6, 10)
  expect(a.p95).toBeCloseTo(5529.6, 6) // rank 5.7: 4096 + 2048 × 0.7
  expect(a.p99).toBeCloseTo(6021.12, 6) // rank 5.94: 4096 + 2048 × 0.94

  const failing = await routeTable({ from: date(10, 0), to: date(12, 0), sort: "failing" })
  expect(failing.map((r) => [r.route, r.errorRate])).toEqual([
    ["/q/b", 0.5],
    ["/q/a", 1 / 6],
  ])

  // Ragged ends come from minute rows: from 10:04 the 10:03 requests of /q/a are left out, though
  // the 10:00 hourly row holds them; 11:00–12:00 is read as one hourly row.
  const ragged = await routeTable({ from: date(10, 4), to: date(12, 30), sort: "busiest" })
  expect(ragged.map((r) => [r.route, r.requests, r.p50])).toEqual([
    ["/q/b", 4, 1],
    ["/q/a", 1, 5120],
  ])
  const inside = await routeTable({ from: new Date(at(10, 3, 30)), to: date(10, 5), sort: "busiest" }) // from the minute 10:03 on
  expect(inside.map((r) => [r.route, r.requests])).toEqual([["/q/a", 5]])
  expect(inside[0]!.perSecond).toBeCloseTo(5 / 120, 10)

  // The same range read from the hourly table (a 6-day window) gives the same per-route figures.
  const long = await routeTable({ from: date(10, 0), to: new Date(at(10, 0) + 6 * 86_400_000), sort: "busiest" })
  expect(long.map((r) => [r.route, r.requests, r.errors5xx, r.p50])).toEqual([
    ["/q/a", 6, 1, 24],
    ["/q/b", 4, 2, 1],
  ])
})
