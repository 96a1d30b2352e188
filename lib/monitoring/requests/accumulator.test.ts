import { expect, test } from "vitest"
import { hourRows, OTHER_ROUTE, RequestAccumulator } from "./accumulator"

const t0 = Date.UTC(2026, 10, 20, 10, 0, 0) // 10:00:00 UTC

test("requests in one minute add into one row: counts by status class, sum and buckets", () => {
  const acc = new RequestAccumulator()
  acc.record("/api/health", "GET", 200, 10, t0 + 1_000) // bucket 7 (8, 12]
  acc.record("/api/health", "GET", 304, 2, t0 + 20_000) // bucket 2 (1.5, 2]
  acc.record("/api/health", "GET", 404, 10, t0 + 30_000)
  acc.record("/api/health", "GET", 503, 100, t0 + 59_999) // bucket 14 (96, 128]
  acc.record("/api/health", "POST", 201, 1, t0 + 1_000) // another method, another row
  acc.record("/api/health", "GET", 200, 10, t0 + 60_000) // next minute
  const rows = acc.drain()
  expect(rows).toHaveLength(3)
  const [get, post, next] = rows
  expect(get).toMatchObject({
    minute: t0,
    route: "/api/health",
    method: "GET",
    count: 4,
    status2xx: 1,
    status3xx: 1,
    status4xx: 1,
    status5xx: 1,
    sumMs: 122,
  })
  expect(get!.buckets[2]).toBe(1)
  expect(get!.buckets[7]).toBe(2)
  expect(get!.buckets[14]).toBe(1)
  expect(get!.buckets.reduce((a, b) => a + b, 0)).toBe(4)
  expect(post).toMatchObject({ minute: t0, method: "POST", count: 1, status2xx: 1, sumMs: 1 })
  expect(next).toMatchObject({ minute: t0 + 60_000, count: 1 })
  expect(acc.drain()).toEqual([])
})

test("past the cap of distinct routes in a minute, new routes are counted as 'other'", () => {
  const acc = new RequestAccumulator({ maxRoutesPerMinute: 2 })
  acc.record("/a", "GET", 200, 1, t0)
  acc.record("/b", "GET", 200, 1, t0)
  acc.record("/c", "GET", 200, 1, t0)
  acc.record("/d", "GET", 200, 1, t0)
  acc.record("/a", "GET", 200, 1, t0) // already known: keeps its own row
  acc.record("/c", "GET", 200, 1, t0 + 60_000) // a new minute has room again
  const rows = acc.drain()
  expect(rows.map((r) => [r.route, r.count])).toEqual([
    ["/a", 2],
    ["/b", 1],
    [OTHER_ROUTE, 2],
    ["/c", 1],
  ])
})

test("rows put back after a failed flush add to what was recorded since", () => {
  const acc = new RequestAccumulator()
  acc.record("/a", "GET", 200, 10, t0)
  const failed = acc.drain()
  acc.record("/a", "GET", 500, 20, t0 + 5_000)
  acc.restore(failed)
  const [row] = acc.drain()
  expect(row).toMatchObject({ count: 2, status2xx: 1, status5xx: 1, sumMs: 30 })
  expect(row!.buckets[7]).toBe(1) // 10 ms
  expect(row!.buckets[9]).toBe(1) // 20 ms in (16, 24]
  expect(failed[0]!.count).toBe(1) // the failed batch itself is not changed
})

test("rows kept back are bounded: the oldest minutes go first", () => {
  const acc = new RequestAccumulator({ maxRetainedRows: 2 })
  acc.restore(
    [0, 1, 2].map((i) => ({
      minute: t0 + i * 60_000,
      route: "/a",
      method: "GET",
      count: 1,
      status2xx: 1,
      status3xx: 0,
      status4xx: 0,
      status5xx: 0,
      sumMs: 1,
      buckets: [1],
    })),
  )
  expect(acc.droppedRows).toBe(1)
  expect(acc.drain().map((r) => r.minute)).toEqual([t0 + 60_000, t0 + 120_000])
})

test("minute rows sum into their UTC hour", () => {
  const acc = new RequestAccumulator()
  acc.record("/a", "GET", 200, 10, t0 + 60_000)
  acc.record("/a", "GET", 500, 100, t0 + 59 * 60_000)
  acc.record("/a", "GET", 200, 1, t0 + 60 * 60_000) // 11:00
  const hours = hourRows(acc.drain())
  expect(hours).toHaveLength(2)
  expect(hours[0]).toMatchObject({ minute: t0, count: 2, status2xx: 1, status5xx: 1, sumMs: 110 })
  expect(hours[0]!.buckets[7]).toBe(1)
  expect(hours[0]!.buckets[14]).toBe(1)
  expect(hours[1]).toMatchObject({ minute: t0 + 3_600_000, count: 1 })
})
