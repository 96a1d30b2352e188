import { beforeAll, expect, test } from "vitest"
import { db } from "@/lib/db"
import { forgetSettledProbeStats } from "./probe-stats"
import { componentStatuses, probeLatencySeries, uptimeSummary } from "./queries"

// Hand-built probe history, now = 2026-05-20 12:30:00 UTC. A window holds the minutes after its
// start up to now: 24 h = (05-19 12:30, 05-20 12:30], exactly 1,440 minutes.
const now = new Date("2026-05-20T12:30:00Z")
const MIN = 60_000
const at = (iso: string) => new Date(iso)
const minutes = (fromIso: string, count: number) =>
  Array.from({ length: count }, (_, i) => new Date(at(fromIso).getTime() + i * MIN))

beforeAll(async () => {
  forgetSettledProbeStats()
  const down = new Set(["2026-05-19T12:31:00.000Z", "2026-05-20T03:15:00.000Z", "2026-05-20T12:00:00.000Z"])
  const app = [
    // Every minute of the last 24 h, three of them down (the window's first, one at night, one half an hour ago).
    ...minutes("2026-05-19T12:31:00Z", 1440).map((minute) => ({ minute, up: !down.has(minute.toISOString()) })),
    { minute: at("2026-05-19T12:30:00Z"), up: false }, // exactly 24 h ago: outside 24 h, inside 7 d
    ...minutes("2026-05-15T08:00:00Z", 60).map((minute) => ({ minute, up: false })), // an hour down 5 days ago
    ...minutes("2026-04-30T00:00:00Z", 1440).map((minute) => ({ minute, up: true })), // a day up 20 days ago
    { minute: at("2026-03-21T10:00:00Z"), up: true }, // 60 days ago
    { minute: at("2026-02-18T12:00:00Z"), up: true }, // 91 days ago: in no window
    { minute: at("2026-05-20T12:31:00Z"), up: true }, // after now: in no window
  ]
  const landing = minutes("2026-05-10T00:00:00Z", 10).map((minute, i) => ({ minute, up: i < 7 })) // 10 days ago, 7 of 10 up
  await db.probeResult.createMany({
    data: [
      ...app.map((r) => ({
        component: "app",
        ...r,
        latencyMs: r.up ? 20 : null,
        detail: r.up ? "HTTP 200, ready" : "HTTP 503",
      })),
      ...landing.map((r) => ({ component: "landing", ...r, latencyMs: 40, detail: "HTTP 200" })),
    ],
  })
})

test("uptime per window is minutes up over minutes observed, and no observation is no data", async () => {
  const summary = Object.fromEntries((await uptimeSummary(now)).map((c) => [c.component, c.windows]))
  expect(summary.app).toEqual({
    "24h": { up: 1437, observed: 1440, ratio: 1437 / 1440 },
    "7d": { up: 1437, observed: 1440 + 1 + 60, ratio: 1437 / 1501 },
    "30d": { up: 1437 + 1440, observed: 1501 + 1440, ratio: 2877 / 2941 },
    "90d": { up: 2877 + 1, observed: 2941 + 1, ratio: 2878 / 2942 },
  })
  expect(summary.landing).toEqual({
    "24h": { up: 0, observed: 0, ratio: null },
    "7d": { up: 0, observed: 0, ratio: null },
    "30d": { up: 7, observed: 10, ratio: 0.7 },
    "90d": { up: 7, observed: 10, ratio: 0.7 },
  })
  for (const window of Object.values(summary.database)) expect(window).toEqual({ up: 0, observed: 0, ratio: null })
  expect(Object.keys(summary)).toEqual(["app", "landing", "database", "job-queue", "polar", "resend"])
  // Asked again, whole past hours come from the process's cache: the same figures.
  expect(await uptimeSummary(now)).toEqual(await uptimeSummary(now))
})

test("ten minutes later the windows have moved by exactly ten minutes", async () => {
  // 12:31 is observed (up) and 12:32–12:40 are not; the window's first ten minutes, 12:31–12:40
  // yesterday, have left it (12:31 was a down minute).
  const later = Object.fromEntries(
    (await uptimeSummary(new Date("2026-05-20T12:40:00Z"))).map((c) => [c.component, c.windows]),
  )
  expect(later.app["24h"]).toEqual({ up: 1437 - 9 + 1, observed: 1440 - 10 + 1, ratio: 1429 / 1431 })
})

test("the current status is the newest probe, unknown when there is none or it is stale", async () => {
  const statuses = Object.fromEntries((await componentStatuses(now)).map((s) => [s.component, s]))
  expect(statuses.app).toMatchObject({
    state: "up",
    minute: at("2026-05-20T12:30:00Z"),
    latencyMs: 20,
    detail: "HTTP 200, ready",
  })
  expect(statuses.landing).toMatchObject({ state: "unknown", minute: at("2026-05-10T00:09:00Z") })
  expect(statuses.database).toMatchObject({ state: "unknown", minute: null })
  // The newest probe is then 12:31: three minutes later it is still current, a second more and it is not.
  expect((await componentStatuses(new Date("2026-05-20T12:34:00Z")))[0].state).toBe("up")
  expect((await componentStatuses(new Date("2026-05-20T12:34:01Z")))[0].state).toBe("unknown")
})

test("latency series: minute buckets for short ranges, cached hours for long ones", async () => {
  // Half an hour at minute resolution: 30 buckets of one probe each; the down minute has no latency.
  const short = await probeLatencySeries(
    { from: at("2026-05-20T12:00:00Z"), to: at("2026-05-20T12:30:00Z") },
    { component: "app" },
  )
  expect(short).toHaveLength(30)
  expect(short[0]).toEqual({
    at: at("2026-05-20T12:00:00Z"),
    component: "app",
    observed: 1,
    up: 0,
    avgMs: null,
    maxMs: null,
  })
  expect(short[1]).toMatchObject({ at: at("2026-05-20T12:01:00Z"), observed: 1, up: 1, avgMs: 20, maxMs: 20 })

  // Three days (to 12:30:01, so 12:30 is in): hourly buckets, at most 120.
  const long = await probeLatencySeries(
    { from: at("2026-05-17T12:30:01Z"), to: at("2026-05-20T12:30:01Z") },
    { component: "app" },
  )
  expect(long.length).toBeLessThanOrEqual(120)
  const bucket = (iso: string) => long.find((p) => p.at.toISOString() === iso)
  expect(bucket("2026-05-20T03:00:00.000Z")).toMatchObject({ observed: 60, up: 59, avgMs: 20, maxMs: 20 })
  expect(bucket("2026-05-19T12:00:00.000Z")).toMatchObject({ observed: 30, up: 28 }) // 12:30 and 12:31 down
  expect(bucket("2026-05-20T12:00:00.000Z")).toMatchObject({ observed: 31, up: 30 }) // live: 12:00–12:30
  expect(long.reduce((sum, p) => sum + p.observed, 0)).toBe(1441)
})
