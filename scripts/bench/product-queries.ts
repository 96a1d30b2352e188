// bench:product, part 2: every report the product dashboard page (app/admin/product) calls, with
// the arguments its sections pass at their defaults, and the /api/admin/product endpoint that
// answers the same report; each timed sequentially: warm-ups, then N samples, p50/p95/max.
import type { ProductPreset, ProductRange } from "@/lib/analytics/model/range"

export type ReportSpec = {
  query: string
  /** False for a report the range does not change (timed once, under range "any"). */
  ranged: boolean
  run: (range: ProductRange, previous: ProductRange) => Promise<unknown>
  /** The endpoint answering the same report for a preset; null when there is none. */
  path: ((preset: ProductPreset) => string) | null
}

/** Imported late: these modules read the environment, which must point at the bench database first. */
export async function productReportSpecs(): Promise<ReportSpec[]> {
  const { featureUsageReport } = await import("@/lib/analytics/reports/usage")
  const { trafficReport } = await import("@/lib/analytics/reports/traffic")
  const { geographyReport } = await import("@/lib/analytics/reports/geography")
  const { webVitalsReport } = await import("@/lib/analytics/reports/web-vitals")
  const { funnelReport } = await import("@/lib/analytics/funnels/report")
  const { listSavedFunnels } = await import("@/lib/analytics/funnels/saved-funnels")
  const { cohortReport } = await import("@/lib/analytics/reports/cohorts-report")
  const { feedbackReport } = await import("@/lib/feedback/report")
  const api = "/api/admin/product"
  return [
    {
      query: "feature usage",
      ranged: true,
      run: (r, p) => featureUsageReport(r, p),
      path: (range) => `${api}/usage?range=${range}`,
    },
    // The page's default funnel: no steps, no saved funnel, no breakdown, compared with the period before.
    {
      query: "funnel (default)",
      ranged: true,
      run: (r) => funnelReport({}, r, { compare: true }),
      path: (range) => `${api}/funnels/report?range=${range}`,
    },
    {
      query: "funnel by country",
      ranged: true,
      run: (r) => funnelReport({ breakdown: "country" }, r, { compare: true }),
      path: (range) => `${api}/funnels/report?range=${range}&breakdown=country`,
    },
    {
      query: "saved funnels (picker)",
      ranged: false,
      run: () => listSavedFunnels({ page: 1, pageSize: 100 }),
      path: () => `${api}/funnels?page=1&pageSize=100`,
    },
    {
      query: "retention, first seen, weekly",
      ranged: true,
      run: (r) => cohortReport({ by: "first_seen", period: "week" }, r),
      path: (range) => `${api}/cohorts?range=${range}&by=first_seen&period=week`,
    },
    {
      query: "retention, sign-up, monthly",
      ranged: true,
      run: (r) => cohortReport({ by: "signup", period: "month" }, r),
      path: (range) => `${api}/cohorts?range=${range}&by=signup&period=month`,
    },
    {
      query: "traffic",
      ranged: true,
      run: (r, p) => trafficReport(r, p),
      path: (range) => `${api}/traffic?range=${range}`,
    },
    {
      query: "geography",
      ranged: true,
      run: (r, p) => geographyReport(r, p),
      path: (range) => `${api}/geography?range=${range}`,
    },
    {
      query: "web vitals",
      ranged: true,
      run: (r) => webVitalsReport(r),
      path: (range) => `${api}/web-vitals?range=${range}`,
    },
    // No endpoint: the section and /admin/feedback call it server-side only.
    { query: "user feedback", ranged: true, run: (r, p) => feedbackReport(r, p), path: null },
  ]
}

/** The page's sections load at once (each streams in when ready): all of them, in parallel. */
export function wholeDashboard(specs: ReportSpec[]): ReportSpec {
  const onPage = specs.filter(
    (spec) => spec.query !== "funnel by country" && spec.query !== "retention, sign-up, monthly",
  )
  return {
    query: "whole dashboard, sections at once",
    ranged: true,
    run: (r, p) => Promise.all(onPage.map((spec) => spec.run(r, p))),
    path: null,
  }
}

export type Timing = { samples: number; p50: number; p95: number; max: number }
export type Timed = Timing | { error: string }

/** Sequential calls: `warmUps` untimed, then `samples` timed; nearest-rank percentiles. */
export async function timeCalls(call: () => Promise<unknown>, samples: number, warmUps = 2): Promise<Timed> {
  try {
    for (let i = 0; i < warmUps; i++) await call()
    const times: number[] = []
    for (let i = 0; i < samples; i++) {
      const started = performance.now()
      await call()
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    const at = (q: number) => round1(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!)
    return { samples, p50: at(0.5), p95: at(0.95), max: round1(times.at(-1)!) }
  } catch (error) {
    // Prisma's messages run over several lines: one line, short enough for the table's log.
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim()
    return { error: message.length > 400 ? `${message.slice(0, 400)}…` : message }
  }
}

/** A GET with the staff token, the whole body read; anything but 200 fails the spec. */
export function httpCall(base: string, path: string, token: string): () => Promise<void> {
  return async () => {
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })
    const body = await response.text()
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 200)}`)
  }
}

function round1(n: number): number {
  return Math.round(n * 10) / 10
}
