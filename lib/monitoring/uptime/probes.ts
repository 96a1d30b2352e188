import { polarClient } from "@/lib/billing/polar"
import { db } from "@/lib/db"
import { resendClient } from "@/lib/email/resend-client"
import { env, integrations } from "@/lib/env"
import { queueLag } from "@/lib/jobs/queries"
import { startOfMinute } from "../series"

// The uptime probes, run once a minute by the `uptime.probe` job on whichever instance takes it.
// Each component gets one row per minute in probe_results (upserted, so a repeated tick
// overwrites rather than double-counts). A probe throws to say "down"; its message is the detail.

export const COMPONENTS = ["app", "landing", "database", "job-queue", "polar", "resend"] as const
export type Component = (typeof COMPONENTS)[number]

export const PROBE_TIMEOUT_MS = 10_000
/** The job queue is down when a due job has waited longer than this. */
export const QUEUE_LAG_LIMIT_SECONDS = 60
/** Text the landing page must contain (its title). */
export const LANDING_MARKER = "AI Copilot Vibe"
const USER_AGENT = "AI-Copilot-Vibe-Uptime/1"

export type ProbeOutcome = { component: Component; up: boolean; latencyMs: number; detail: string }
type ProbeContext = { baseUrl: string; signal: AbortSignal; queueDelaySeconds: number | null }
type Probe = { component: Component; enabled: () => boolean; check: (context: ProbeContext) => Promise<string> }

const PROBES: readonly Probe[] = [
  {
    component: "app",
    enabled: () => true,
    check: async ({ baseUrl, signal }) => {
      const response = await get(`${baseUrl}/api/health/ready`, signal)
      // Asked anonymously, it says only up or down; staff see which check failed on the same URL.
      const body = (await response.json().catch(() => null)) as { status?: string } | null
      if (response.status !== 200 || body?.status !== "up")
        throw new Error(`HTTP ${response.status}${body?.status ? `, ${body.status}` : ""}`)
      return "HTTP 200, ready"
    },
  },
  {
    component: "landing",
    enabled: () => true,
    check: async ({ baseUrl, signal }) => {
      const response = await get(`${baseUrl}/`, signal)
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`)
      const html = await response.text()
      if (!html.includes(LANDING_MARKER)) throw new Error(`HTTP 200 but the page lacks "${LANDING_MARKER}"`)
      return `HTTP 200, ${Math.round(html.length / 1024)} KiB`
    },
  },
  {
    component: "database",
    enabled: () => true,
    check: async () => {
      await db.$queryRaw`SELECT 1`
      return "SELECT 1"
    },
  },
  {
    // Lag = the longest any due job has waited to be picked up: the oldest job ready to run in any
    // queue, or this probe's own wait between being queued and starting, whichever is longer.
    component: "job-queue",
    enabled: () => true,
    check: async ({ queueDelaySeconds }) => {
      const { ready, oldestReadySeconds } = await queueLag()
      const lag = Math.max(oldestReadySeconds ?? 0, queueDelaySeconds ?? 0)
      const detail = `lag ${lag.toFixed(1)} s, ${ready} waiting`
      if (lag > QUEUE_LAG_LIMIT_SECONDS) throw new Error(`${detail} (limit ${QUEUE_LAG_LIMIT_SECONDS} s)`)
      return detail
    },
  },
  {
    component: "polar",
    enabled: integrations.polar,
    check: async () => {
      const polar = polarClient()!
      await polar.products.list({ limit: 1 }, { timeout: PROBE_TIMEOUT_MS / 1000 })
      return `API answered (${env().POLAR_API_URL ? "custom server" : env().POLAR_SERVER})`
    },
  },
  {
    component: "resend",
    enabled: integrations.resend,
    check: async ({ signal }) => {
      const { error } = await resendClient()!.domains.list(undefined, { signal })
      // A sending-only key may not list domains, but the API answered and accepted the key.
      if (error && error.name !== "restricted_api_key") throw new Error(`${error.name}: ${error.message}`)
      return error ? "API answered (sending-only key)" : "API answered"
    },
  },
]

/** Where the app probes itself: PROBE_BASE_URL, else NEXTAUTH_URL's origin, else this host's port. */
export function probeBaseUrl(): string {
  const { PROBE_BASE_URL, NEXTAUTH_URL, PORT } = env()
  const configured = PROBE_BASE_URL ?? NEXTAUTH_URL
  return configured ? new URL(configured).origin : `http://127.0.0.1:${PORT}`
}

/** Probes every enabled component at once, each within PROBE_TIMEOUT_MS. */
export async function probeComponents(
  options: { queueDelaySeconds?: number | null; timeoutMs?: number } = {},
): Promise<ProbeOutcome[]> {
  const baseUrl = probeBaseUrl()
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS
  return Promise.all(
    PROBES.filter((probe) => probe.enabled()).map((probe) =>
      runProbe(probe, { baseUrl, timeoutMs, queueDelaySeconds: options.queueDelaySeconds ?? null }),
    ),
  )
}

/** One row per component for `minute`; a second write for the same minute replaces the first. */
export async function recordProbeResults(minute: Date, outcomes: readonly ProbeOutcome[]): Promise<void> {
  const at = startOfMinute(minute)
  await db.$transaction(
    outcomes.map((o) =>
      db.probeResult.upsert({
        where: { component_minute: { component: o.component, minute: at } },
        create: { component: o.component, minute: at, up: o.up, latencyMs: o.latencyMs, detail: o.detail },
        update: { up: o.up, latencyMs: o.latencyMs, detail: o.detail },
      }),
    ),
  )
}

/** The `uptime.probe` job: probe, record under the minute the tick was queued for, summarise. */
export async function runUptimeProbes(tick: {
  queuedAt: Date
  startedAt: Date
}): Promise<{ minute: string; up: Component[]; down: Component[] }> {
  const queueDelaySeconds = Math.max(0, (tick.startedAt.getTime() - tick.queuedAt.getTime()) / 1000)
  const outcomes = await probeComponents({ queueDelaySeconds })
  const minute = startOfMinute(tick.queuedAt)
  await recordProbeResults(minute, outcomes)
  return {
    minute: minute.toISOString(),
    up: outcomes.filter((o) => o.up).map((o) => o.component),
    down: outcomes.filter((o) => !o.up).map((o) => o.component),
  }
}

async function runProbe(
  probe: Probe,
  options: { baseUrl: string; timeoutMs: number; queueDelaySeconds: number | null },
): Promise<ProbeOutcome> {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new Error(`timed out after ${options.timeoutMs / 1000} s`))
    }, options.timeoutMs)
  })
  const started = performance.now()
  try {
    const detail = await Promise.race([
      probe.check({
        baseUrl: options.baseUrl,
        signal: controller.signal,
        queueDelaySeconds: options.queueDelaySeconds,
      }),
      timeout,
    ])
    return { component: probe.component, up: true, latencyMs: elapsed(started), detail }
  } catch (error) {
    return { component: probe.component, up: false, latencyMs: elapsed(started), detail: truncate(describe(error)) }
  } finally {
    clearTimeout(timer)
  }
}

function get(url: string, signal: AbortSignal): Promise<Response> {
  // Marked, so the app's analytics can tell the prober from visitors.
  return fetch(url, {
    signal,
    redirect: "manual",
    cache: "no-store",
    headers: { "user-agent": USER_AGENT, "x-uptime-probe": "1" },
  })
}

/** fetch() says only "fetch failed"; the reason (ECONNREFUSED, a DNS failure) is in its cause. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause as { code?: string; message?: string } | undefined
  return cause && (cause.code || cause.message) ? `${error.message}: ${cause.code ?? cause.message}` : error.message
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100
const truncate = (text: string) => (text.length > 500 ? `${text.slice(0, 499)}…` : text)
