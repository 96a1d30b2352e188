import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { applyRetention, RETENTION_DAYS } from "./retention"

const now = new Date("2026-06-30T12:00:00Z")
const daysAgo = (days: number, extraMs = 0) => new Date(now.getTime() - days * 86_400_000 + extraMs)

test("each table keeps exactly its retention period, and a run left RUNNING is closed", async () => {
  const sample = {
    instance: "i",
    cpuPercent: 1,
    rssBytes: 1n,
    heapUsedBytes: 1n,
    heapTotalBytes: 1n,
    eventLoopP50Ms: 1,
    eventLoopP99Ms: 1,
    eventLoopMaxMs: 1,
    poolTotal: 1,
    poolIdle: 1,
    poolWaiting: 0,
  }
  // One row just past each limit and one just inside it.
  await db.resourceSample.createMany({
    data: [
      { ...sample, at: daysAgo(RETENTION_DAYS.resourceSamples, -1) },
      { ...sample, at: daysAgo(RETENTION_DAYS.resourceSamples, 1) },
    ],
  })
  const hourly = {
    instance: "i",
    samples: 240,
    cpuPercentSum: 1,
    rssBytesMax: 1n,
    heapUsedBytesSum: 1,
    heapTotalBytesSum: 1,
    eventLoopP50MsSum: 1,
    eventLoopP99MsMax: 1,
    eventLoopMaxMsMax: 1,
    dbRoundTripMsSum: 1,
    dbRoundTrips: 1,
    poolTotalMax: 1,
    poolIdleMin: 1,
    poolWaitingMax: 0,
  }
  await db.resourceHourly.createMany({
    data: [
      { ...hourly, hour: daysAgo(RETENTION_DAYS.resourceHourly, -1) },
      { ...hourly, hour: daysAgo(RETENTION_DAYS.resourceHourly, 1) },
    ],
  })
  await db.probeResult.createMany({
    data: [
      { component: "app", minute: daysAgo(95, -60_000), up: true },
      { component: "app", minute: daysAgo(95), up: true },
      { component: "app", minute: daysAgo(94), up: true },
    ],
  })
  const group = await db.errorGroup.create({
    data: {
      fingerprint: "f",
      source: "server",
      name: "Error",
      message: "boom",
      firstSeenAt: daysAgo(40),
      lastSeenAt: daysAgo(1),
    },
  })
  await db.errorOccurrence.createMany({
    data: [
      { groupId: group.id, at: daysAgo(31) },
      { groupId: group.id, at: daysAgo(29) },
    ],
  })
  const metric = { route: "/", method: "GET", buckets: [] }
  await db.requestMetric.createMany({
    data: [
      { ...metric, minute: daysAgo(91) },
      { ...metric, minute: daysAgo(89) },
    ],
  })
  await db.requestMetricHourly.createMany({
    data: [
      { ...metric, hour: daysAgo(401) },
      { ...metric, hour: daysAgo(399) },
    ],
  })
  await db.jobRun.createMany({
    data: [
      { job: "x", instance: "i", status: "SUCCEEDED", startedAt: daysAgo(31) },
      { job: "x", instance: "i", status: "SUCCEEDED", startedAt: daysAgo(29) },
      { job: "x", instance: "i", status: "RUNNING", startedAt: new Date(now.getTime() - 3 * 3_600_000) },
      { job: "x", instance: "i", status: "RUNNING", startedAt: new Date(now.getTime() - 60_000) },
    ],
  })

  expect(await applyRetention(now)).toEqual({
    resourceSamples: 1,
    resourceHourly: 1,
    probeResults: 1,
    jobRuns: 1,
    errorOccurrences: 1,
    requestMetrics: 1,
    requestMetricsHourly: 1,
    abandonedRuns: 1,
  })
  expect(await db.resourceSample.count()).toBe(1)
  expect(await db.resourceHourly.count()).toBe(1)
  expect((await db.probeResult.findMany({ orderBy: { minute: "asc" } })).map((r) => r.minute)).toEqual([
    daysAgo(95),
    daysAgo(94),
  ])
  expect(await db.errorOccurrence.count()).toBe(1)
  expect(await db.errorGroup.count()).toBe(1)
  expect(await db.requestMetric.count()).toBe(1)
  expect(await db.requestMetricHourly.count()).toBe(1)
  expect(
    (await db.jobRun.findMany({ orderBy: { startedAt: "asc" }, select: { status: true, error: true } })).map(
      (r) => r.status,
    ),
  ).toEqual(["SUCCEEDED", "FAILED", "RUNNING"])
  expect(await applyRetention(now)).toEqual({
    resourceSamples: 0,
    resourceHourly: 0,
    probeResults: 0,
    jobRuns: 0,
    errorOccurrences: 0,
    requestMetrics: 0,
    requestMetricsHourly: 0,
    abandonedRuns: 0,
  })
})
