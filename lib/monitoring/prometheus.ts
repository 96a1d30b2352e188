import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client"
import { countFailedDeliveries } from "@/lib/billing/webhooks/queries"
import { countActiveSubscriptions } from "@/lib/billing/queries"
import { db, pool } from "@/lib/db"
import { env } from "@/lib/env"
import { onRequestTimed } from "@/lib/http/timing"
import { queueDepths } from "@/lib/jobs/queries"
import { countOpenOrders } from "@/lib/orders/queries"
import { currentMrrCents } from "@/lib/revenue/queries"
import { methodName, routePattern } from "./requests/route-pattern"

// GET /api/metrics in Prometheus' text format. One registry per process, kept on globalThis: Next
// loads this module from instrumentation.ts and again in the route's bundle (and again on every
// dev reload), and a metric registered twice throws. Request durations are observed as the route
// wrapper times them; pool, queue and business gauges are read when Prometheus scrapes.

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

type Metrics = {
  registry: Registry
  requestDuration: Histogram<"route" | "method" | "status_class">
  pool: Gauge<"state">
  queueDepth: Gauge<"queue" | "state">
  business: Record<"activeSubscriptions" | "mrrCents" | "openOrders" | "overdueOrders" | "failedWebhooks", Gauge>
  /** Stops observing request durations; observeRequests() starts again. */
  unsubscribe: (() => void) | null
}

const KEY = Symbol.for("ai-copilot-vibe.prometheus")
const store = globalThis as typeof globalThis & { [KEY]?: Metrics }

function create(): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const gauge = (name: string, help: string) => new Gauge({ name, help, registers: [registry] })
  const requestDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "API requests timed by the route wrapper, by route pattern, method and status class",
    labelNames: ["route", "method", "status_class"] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  })
  return {
    registry,
    requestDuration,
    unsubscribe: null,
    pool: new Gauge({
      name: "acv_db_pool_connections",
      help: "Database pool of this process: total and idle connections, and clients waiting for one",
      labelNames: ["state"] as const,
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: "acv_job_queue_depth",
      help: "Jobs in the queue by queue and state (queued, active, failed)",
      labelNames: ["queue", "state"] as const,
      registers: [registry],
    }),
    business: {
      activeSubscriptions: gauge("acv_active_subscriptions", "Subscriptions active, trialing or past due"),
      mrrCents: gauge("acv_mrr_cents", "Monthly recurring revenue from the ledger, in cents"),
      openOrders: gauge("acv_orders_open", "Orders awaiting or in delivery"),
      overdueOrders: gauge("acv_orders_overdue", "Open orders past their 24-hour deadline"),
      failedWebhooks: gauge(
        "acv_webhooks_failed_last_hour",
        "Webhook deliveries received in the last hour whose processing failed",
      ),
    },
  }
}

/** The process's metrics, created (and subscribed to request timings) on first call. */
export function startPrometheusMetrics(): Metrics {
  if (store[KEY]) return store[KEY]
  const metrics = (store[KEY] = create())
  // REQUEST_METRICS=0 turns request recording off here too, so the bench's "without" run is bare.
  if (env().REQUEST_METRICS !== "0") observeRequests(true)
  return metrics
}

/** Observes the route wrapper's timings into the duration histogram, or stops (bench:monitoring's switch). */
export function observeRequests(on: boolean): void {
  const metrics = store[KEY]
  if (!metrics || on === (metrics.unsubscribe !== null)) return
  if (!on) {
    metrics.unsubscribe!()
    metrics.unsubscribe = null
    return
  }
  const { requestDuration } = metrics
  metrics.unsubscribe = onRequestTimed((timing) => {
    requestDuration.observe(
      {
        route: routePattern(timing.route),
        method: methodName(timing.method),
        status_class: `${Math.floor(timing.status / 100)}xx`,
      },
      timing.durationMs / 1000,
    )
  })
}

/** A figure that cannot be read is exported as NaN ("unknown"), never as a plausible 0. */
async function setFrom(gauge: Gauge, read: () => Promise<number>): Promise<void> {
  try {
    gauge.set(await read())
  } catch (error) {
    console.error(`[metrics] ${(gauge as unknown as { name: string }).name} could not be read`, error)
    gauge.set(Number.NaN)
  }
}

async function refreshGauges(metrics: Metrics, now: Date): Promise<void> {
  const dbPool = pool()
  metrics.pool.set({ state: "total" }, dbPool.totalCount)
  metrics.pool.set({ state: "idle" }, dbPool.idleCount)
  metrics.pool.set({ state: "waiting" }, dbPool.waitingCount)
  const orders = countOpenOrders(now)
  orders.catch(() => {}) // read by both order gauges below, each reporting its own failure
  const { business } = metrics
  await Promise.all([
    setFrom(business.activeSubscriptions, countActiveSubscriptions),
    setFrom(business.mrrCents, () => currentMrrCents(db, now)),
    setFrom(business.openOrders, async () => (await orders).open),
    setFrom(business.overdueOrders, async () => (await orders).overdue),
    setFrom(business.failedWebhooks, () =>
      countFailedDeliveries({ from: new Date(now.getTime() - 3_600_000), to: now }),
    ),
    queueDepths().then(
      (depths) => {
        metrics.queueDepth.reset()
        for (const depth of depths)
          for (const state of ["queued", "active", "failed"] as const)
            metrics.queueDepth.set({ queue: depth.queue, state }, depth[state])
      },
      // Before the runner has installed pg-boss's schema there is no queue to report.
      () => metrics.queueDepth.reset(),
    ),
  ])
}

/** The scrape: gauges read now, then everything in the Prometheus text format. */
export async function prometheusText(now = new Date()): Promise<{ body: string; contentType: string }> {
  const metrics = startPrometheusMetrics()
  await refreshGauges(metrics, now)
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType }
}
