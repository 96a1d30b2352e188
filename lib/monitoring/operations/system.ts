import { db } from "@/lib/db"
import { integrations } from "@/lib/env"
import { jobOverview, type JobOverview } from "@/lib/jobs/overview"
import { queueDepths, queueLag, type JobRunRow, type QueueDepth, type QueueLag } from "@/lib/jobs/queries"
import type { Component } from "../uptime/probes"
import {
  requestSeries,
  routeTable,
  type Resolution,
  type RouteRow,
  type RouteSort,
  type SeriesPoint,
} from "../requests/queries"
import { latestResourceSamples, resourceSeries, type LatestSample, type ResourcePoint } from "../resources/queries"
import type { TimeRange, UptimeFigure, UptimeWindowKey } from "../uptime/figures"
import {
  componentStatuses,
  probeLatencySeries,
  uptimeSummary,
  type ComponentStatus,
  type LatencyPoint,
} from "../uptime/queries"

// The operations dashboard's system sections: requests, uptime, resources and jobs. Each reads
// the other monitoring modules' query functions and adds only totals and labels.

export type RequestsSection = {
  resolution: Resolution
  points: SeriesPoint[]
  totals: { requests: number; errors5xx: number; perSecond: number; errorRate: number | null }
  sort: RouteSort
  routes: RouteRow[]
}

export async function loadRequests(range: TimeRange, sort: RouteSort): Promise<RequestsSection> {
  const [series, routes] = await Promise.all([requestSeries(range), routeTable({ ...range, sort, limit: 100 })])
  const requests = series.points.reduce((sum, point) => sum + point.requests, 0)
  const errors5xx = series.points.reduce((sum, point) => sum + point.errors5xx, 0)
  const seconds = Math.max(1, (range.to.getTime() - range.from.getTime()) / 1000)
  return {
    resolution: series.resolution,
    points: series.points,
    totals: {
      requests,
      errors5xx,
      perSecond: requests / seconds,
      errorRate: requests > 0 ? errors5xx / requests : null,
    },
    sort,
    routes,
  }
}

export type ComponentHealth = ComponentStatus & {
  configured: boolean
  uptime: Record<UptimeWindowKey, UptimeFigure> | null
}

export type UptimeSection = { components: ComponentHealth[]; latency: LatencyPoint[] }

/** Polar and Resend are probed only when their keys are set (lib/monitoring/uptime/probes.ts). */
function isConfigured(component: Component): boolean {
  if (component === "polar") return integrations.polar()
  if (component === "resend") return integrations.resend()
  return true
}

export async function loadUptime(range: TimeRange): Promise<UptimeSection> {
  const [statuses, uptime, latency] = await Promise.all([
    componentStatuses(range.to),
    uptimeSummary(range.to),
    probeLatencySeries(range, { maxPoints: 120 }),
  ])
  const uptimeOf = new Map(uptime.map((u) => [u.component, u.windows]))
  return {
    components: statuses.map((status) => ({
      ...status,
      configured: isConfigured(status.component),
      uptime: uptimeOf.get(status.component) ?? null,
    })),
    latency,
  }
}

export type DatabaseHealth = {
  /** `SELECT 1` through the app's pool, timed before the dashboard's other queries. */
  roundTripMs: number
  /** From the newest resource sample of any instance; null before the first sample. */
  sampledAt: Date | null
  poolTotal: number | null
  poolIdle: number | null
  poolWaiting: number | null
  dataDirBytes: number | null
  backupDirBytes: number | null
}

export type ResourcesSection = { instances: LatestSample[]; series: ResourcePoint[]; database: DatabaseHealth }

/** `SELECT 1` through the app's pool; run it before anything else queues on the connection. */
export async function measureRoundTrip(): Promise<number> {
  const started = performance.now()
  await db.$queryRaw`SELECT 1`
  return Math.round((performance.now() - started) * 100) / 100
}

export async function loadResources(range: TimeRange, roundTripMs: number): Promise<ResourcesSection> {
  const [instances, series] = await Promise.all([
    latestResourceSamples({ now: range.to, since: range.from }),
    resourceSeries(range, { maxPoints: 120 }),
  ])
  const newest = instances[0] ?? null
  return {
    instances,
    series,
    database: {
      roundTripMs,
      sampledAt: newest?.at ?? null,
      poolTotal: newest?.poolTotal ?? null,
      poolIdle: newest?.poolIdle ?? null,
      poolWaiting: newest?.poolWaiting ?? null,
      dataDirBytes: newest?.dataDirBytes ?? null,
      backupDirBytes: newest?.backupDirBytes ?? null,
    },
  }
}

export type QueueState = { available: true; lag: QueueLag; depths: QueueDepth[] } | { available: false; reason: string }

export type JobsSection = { jobs: JobOverview[]; failures: JobRunRow[]; queue: QueueState }

/** The queue lives in pg-boss's schema, which exists only once the runner has started: its absence is a state, not an error. */
async function loadQueue(): Promise<QueueState> {
  try {
    const [lag, depths] = await Promise.all([queueLag(), queueDepths()])
    return { available: true, lag, depths }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      available: false,
      reason:
        /pgboss/.test(message) && /does not exist/.test(message)
          ? "The job queue has not been installed yet: no instance has started the runner."
          : "The job queue could not be read.",
    }
  }
}

export async function loadJobs(range: TimeRange): Promise<JobsSection> {
  const [overview, queue] = await Promise.all([jobOverview(range), loadQueue()])
  return { jobs: overview.jobs, failures: overview.failures.slice(0, 20), queue }
}
