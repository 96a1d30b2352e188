import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { SCHEDULED_JOBS } from "@/lib/jobs/schedule"
import { createPaidOrder } from "@/lib/orders/testing/fixtures"
import { recordSecurityEvent } from "@/lib/security/events"
import { recordError } from "../errors/record"
import { forgetSettledProbeStats } from "../uptime/probe-stats"
import { RequestAccumulator } from "../requests/accumulator"
import { flushRequestMetrics } from "../requests/recording"
import { insertResourceSample } from "../resources/samples"
import { startOfMinute } from "../series"
import { operationsOverview, type OperationsOverview } from "./overview"

const MINUTE = 60_000
const HOUR = 60 * MINUTE

function data<T>(section: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!section.ok) throw new Error(`section failed: ${section.error}`)
  return section.data
}

test("an empty database: every section loads, each empty, none failing", async () => {
  forgetSettledProbeStats()
  const overview: OperationsOverview = await operationsOverview(
    { range: "24h", sort: "slowest" },
    new Date(Date.UTC(2026, 10, 20, 12, 30)),
  )
  for (const name of ["requests", "uptime", "resources", "jobs", "errors", "business", "security"] as const)
    expect(overview[name], name).toMatchObject({ ok: true })
  expect(overview.range.to.getTime() - overview.range.from.getTime()).toBe(24 * HOUR)

  const requests = data(overview.requests)
  expect(requests.totals).toEqual({ requests: 0, errors5xx: 0, perSecond: 0, errorRate: null })
  expect(requests.routes).toEqual([])
  expect(requests.points).toHaveLength(25) // hourly points from 11:00 yesterday to 12:00 today, empty ones included

  const uptime = data(overview.uptime)
  expect(uptime.components.map((c) => [c.component, c.state])).toEqual([
    ["app", "unknown"],
    ["landing", "unknown"],
    ["database", "unknown"],
    ["job-queue", "unknown"],
    ["polar", "unknown"],
    ["resend", "unknown"],
  ])
  expect(uptime.components.find((c) => c.component === "polar")).toMatchObject({
    configured: false,
    uptime: { "24h": { ratio: null } },
  })
  expect(uptime.latency).toEqual([])

  const resources = data(overview.resources)
  expect(resources.instances).toEqual([])
  expect(resources.series).toEqual([])
  expect(resources.database).toMatchObject({ sampledAt: null, poolTotal: null, dataDirBytes: null })
  expect(resources.database.roundTripMs).toBeGreaterThanOrEqual(0)

  const jobs = data(overview.jobs)
  expect(jobs.jobs.map((j) => [j.name, j.lastRun, j.stats.runs])).toEqual(
    SCHEDULED_JOBS.map((job) => [job.name, null, 0]),
  )
  expect(jobs.failures).toEqual([])
  // No runner has started in a test database, so pg-boss's schema is missing: a state, not a failure.
  expect(jobs.queue).toEqual({
    available: false,
    reason: "The job queue has not been installed yet: no instance has started the runner.",
  })

  expect(data(overview.errors)).toEqual({ openTotal: 0, seenInRange: 0, groups: [] })
  expect(data(overview.business)).toEqual({
    failedWebhooks: { lastHour: 0, inRange: 0 },
    email: { bounced: 0, complained: 0, failed: 0 },
    deadlines: { overdue: 0, dueSoon: 0, items: [] },
  })
  const security = data(overview.security)
  expect(Object.values(security.counts)).toEqual([0, 0, 0, 0, 0])
  expect(security.points.every((p) => Object.values(p.counts).every((n) => n === 0))).toBe(true)
  expect(security.recent).toEqual([])
  expect(overview.webVitals).toEqual({ ok: true, data: [] })
})

test("with a few rows in each table, the figures appear where they belong", async () => {
  forgetSettledProbeStats()
  const now = new Date()
  const metrics = new RequestAccumulator()
  metrics.record("/api/ops-test/[id]", "GET", 200, 10, now.getTime() - 5 * MINUTE)
  metrics.record("/api/ops-test/[id]", "GET", 500, 100, now.getTime() - 5 * MINUTE)
  await flushRequestMetrics(metrics)
  await db.probeResult.create({
    data: {
      component: "app",
      minute: startOfMinute(new Date(now.getTime() - MINUTE)),
      up: true,
      latencyMs: 25,
      detail: "HTTP 200, ready",
    },
  })
  await insertResourceSample("ops-test-1", {
    at: new Date(now.getTime() - 10_000),
    cpuPercent: 12.5,
    rssBytes: 200 * 1024 ** 2,
    heapUsedBytes: 80 * 1024 ** 2,
    heapTotalBytes: 120 * 1024 ** 2,
    eventLoopP50Ms: 10,
    eventLoopP99Ms: 21,
    eventLoopMaxMs: 40,
    dbRoundTripMs: 1.5,
    poolTotal: 1,
    poolIdle: 1,
    poolWaiting: 0,
    dataDirBytes: 5_000_000,
    backupDirBytes: 1_000_000,
  })
  await db.jobRun.create({
    data: {
      job: "uptime.probe",
      instance: "ops-test-1",
      status: "FAILED",
      startedAt: new Date(now.getTime() - 5 * MINUTE),
      finishedAt: new Date(now.getTime() - 5 * MINUTE + 120),
      durationMs: 120,
      error: "probe exploded",
    },
  })
  await recordError({
    source: "server",
    error: new Error("ops overview test failure"),
    route: "/api/ops-test/[id]",
    at: new Date(now.getTime() - 5 * MINUTE),
  })
  await db.webhookDelivery.createMany({
    data: [
      {
        provider: "polar",
        eventId: "ops-1",
        eventType: "order.paid",
        payload: {},
        status: "FAILED",
        receivedAt: new Date(now.getTime() - 10 * MINUTE),
      },
      {
        provider: "polar",
        eventId: "ops-2",
        eventType: "order.paid",
        payload: {},
        status: "FAILED",
        receivedAt: new Date(now.getTime() - 3 * HOUR),
      },
      {
        provider: "polar",
        eventId: "ops-3",
        eventType: "order.paid",
        payload: {},
        status: "PROCESSED",
        receivedAt: new Date(now.getTime() - 5 * MINUTE),
      },
    ],
  })
  await db.emailMessage.create({
    data: {
      to: "x@test.example",
      subject: "s",
      template: "magic-link",
      html: "h",
      text: "t",
      status: "SENT",
      idempotencyKey: "ops-bounce",
      deliveryStatus: "bounced",
      deliveryAt: new Date(now.getTime() - HOUR),
    },
  })
  const overdue = await createPaidOrder({ paidAt: new Date(now.getTime() - 25 * HOUR) })
  const soon = await createPaidOrder({ paidAt: new Date(now.getTime() - 23 * HOUR) })
  await createPaidOrder({ paidAt: new Date(now.getTime() - HOUR) })
  await recordSecurityEvent({ kind: "admin.refused", detail: { path: "/admin" } })
  await recordSecurityEvent({ kind: "admin.refused", detail: { path: "/admin" } })
  await recordSecurityEvent({ kind: "rate_limited", detail: { route: "/api/x" } })

  const overview = await operationsOverview({ range: "24h", sort: "failing" }, new Date(now.getTime() + 1000))

  const requests = data(overview.requests)
  expect(requests.totals).toMatchObject({ requests: 2, errors5xx: 1, errorRate: 0.5 })
  expect(requests.sort).toBe("failing")
  expect(requests.routes).toEqual([
    expect.objectContaining({
      route: "/api/ops-test/[id]",
      method: "GET",
      requests: 2,
      errors5xx: 1,
      errorRate: 0.5,
      meanMs: 55,
    }),
  ])

  const app = data(overview.uptime).components.find((c) => c.component === "app")!
  expect(app).toMatchObject({
    state: "up",
    latencyMs: 25,
    configured: true,
    uptime: { "24h": { up: 1, observed: 1, ratio: 1 } },
  })
  expect(data(overview.uptime).latency).toEqual([expect.objectContaining({ component: "app", avgMs: 25 })])

  const resources = data(overview.resources)
  expect(resources.instances).toEqual([
    expect.objectContaining({ instance: "ops-test-1", live: true, cpuPercent: 12.5, eventLoopP99Ms: 21 }),
  ])
  expect(resources.database).toMatchObject({
    poolTotal: 1,
    poolIdle: 1,
    poolWaiting: 0,
    dataDirBytes: 5_000_000,
    backupDirBytes: 1_000_000,
  })
  expect(resources.series).toHaveLength(1)

  const jobs = data(overview.jobs)
  expect(jobs.jobs.find((j) => j.name === "uptime.probe")).toMatchObject({
    lastRun: { status: "FAILED", durationMs: 120 },
    stats: { runs: 1, failed: 1 },
  })
  expect(jobs.failures.map((f) => f.error)).toEqual(["probe exploded"])

  const errors = data(overview.errors)
  expect(errors).toMatchObject({ openTotal: 1, seenInRange: 1 })
  expect(errors.groups[0]).toMatchObject({ message: "ops overview test failure", count: 1, status: "OPEN" })

  const business = data(overview.business)
  expect(business.failedWebhooks).toEqual({ lastHour: 1, inRange: 2 })
  expect(business.email).toEqual({ bounced: 1, complained: 0, failed: 0 })
  expect(business.deadlines).toMatchObject({ overdue: 1, dueSoon: 1 })
  expect(business.deadlines.items.map((o) => [o.id, o.overdue])).toEqual([
    [overdue.id, true],
    [soon.id, false],
  ])

  const security = data(overview.security)
  expect(security.counts).toEqual({
    "auth.sign_in_failed": 0,
    "auth.mfa_failed": 0,
    rate_limited: 1,
    "admin.refused": 2,
    "webhook.bad_signature": 0,
  })
  expect(security.points.reduce((sum, p) => sum + p.counts["admin.refused"], 0)).toBe(2)
  expect(security.recent.map((e) => e.kind).sort()).toEqual(["admin.refused", "admin.refused", "rate_limited"])
})
