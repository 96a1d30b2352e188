import type { Instrumentation } from "next"

// Runs once when a server starts (scripts/serve.ts, in production and development), before it serves requests.
export async function register() {
  // Sentry's SDK is loaded only when configured, on the server and edge runtimes alike.
  if (process.env.SENTRY_DSN) {
    const { initSentry } = await import("./lib/monitoring/errors/sentry")
    await initSentry()
  }
  if (process.env.NEXT_RUNTIME !== "nodejs") return
  // What our HTTP server (scripts/serve.ts) runs once requests have drained on SIGTERM: events
  // already acknowledged are written, and the database closes last (lib/server/shutdown.ts).
  const { onShutdown } = await import("./lib/server/shutdown")
  const { drainStoredEvents } = await import("./lib/analytics/ingest/store")
  const { disconnectDb } = await import("./lib/db")
  onShutdown("flush", "analytics events", drainStoredEvents)
  onShutdown("database", "database", disconnectDb)
  // The route wrapper's 500s are grouped (and sent to Sentry) from here on.
  const { startErrorRecording } = await import("./lib/monitoring/errors/report")
  startErrorRecording()
  // GET /api/metrics: request durations are observed from the first request on, not the first scrape.
  const { startPrometheusMetrics } = await import("./lib/monitoring/prometheus")
  startPrometheusMetrics()
  // BACKGROUND_WORK=0 turns the timers off, e.g. for an instance that should only serve requests.
  if (process.env.BACKGROUND_WORK === "0") return
  // Request timings (the wrapper's for API routes, the HTTP server's for pages) go into this
  // instance's histograms; the "metrics.flush" loop writes them. REQUEST_METRICS=0 turns it off.
  const { startRequestRecording } = await import("./lib/monitoring/requests/recording")
  startRequestRecording({ pages: true, flushOnExit: true })
  const { toggleRecordingOnSignal } = await import("./lib/monitoring/recording-toggle")
  toggleRecordingOnSignal()
  const { startBackgroundLoops } = await import("./lib/jobs/background")
  const stopBackgroundLoops = startBackgroundLoops()
  onShutdown("jobs", "background loops", async () => stopBackgroundLoops())
  // The job queue (scheduled jobs, lib/jobs/schedule.ts) starts without holding up the server.
  const { startScheduledJobs } = await import("./lib/jobs/start")
  void startScheduledJobs()
}

// Errors Next caught outside our route wrapper: pages, server components, server actions. (The
// wrapper answers its own errors with a 500 and never rethrows, so nothing is counted twice.)
export async function onRequestError(...args: Parameters<Instrumentation.onRequestError>) {
  if (process.env.NEXT_RUNTIME !== "nodejs") {
    const { captureNextRequestError } = await import("./lib/monitoring/errors/sentry")
    return captureNextRequestError(...args)
  }
  const { reportNextRequestError } = await import("./lib/monitoring/errors/report")
  const { userIdFromHeaders } = await import("./lib/http/authenticate")
  await reportNextRequestError(args, userIdFromHeaders)
}
