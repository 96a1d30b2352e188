import { webVitalsP75ByPage } from "@/lib/analytics/reports/web-vitals"
import { presetRange, type RangePreset } from "../time-range"
import {
  loadBusiness,
  loadErrors,
  loadSecurity,
  type BusinessSection,
  type ErrorsSection,
  type SecuritySection,
} from "./business"
import type { OperationsQuery } from "./schemas"
import {
  loadJobs,
  loadRequests,
  loadResources,
  loadUptime,
  measureRoundTrip,
  type JobsSection,
  type RequestsSection,
  type ResourcesSection,
  type UptimeSection,
} from "./system"

// Everything the operations dashboard shows for one time range: the page and
// GET /api/admin/operations both call operationsOverview, so a figure is the same in both.

/** A section's data, or why it could not be loaded: one failing query never blanks the others. */
export type Section<T> = { ok: true; data: T } | { ok: false; error: string }

/** p75 of each web vital per page (browser timings from the analytics pipeline), most samples first. */
export type WebVitalsSection = Awaited<ReturnType<typeof webVitalsP75ByPage>>

export type OperationsOverview = {
  range: { preset: RangePreset; from: Date; to: Date }
  generatedAt: Date
  requests: Section<RequestsSection>
  uptime: Section<UptimeSection>
  resources: Section<ResourcesSection>
  jobs: Section<JobsSection>
  errors: Section<ErrorsSection>
  business: Section<BusinessSection>
  security: Section<SecuritySection>
  webVitals: Section<WebVitalsSection>
}

async function section<T>(name: string, load: () => Promise<T>): Promise<Section<T>> {
  try {
    return { ok: true, data: await load() }
  } catch (error) {
    console.error(`[operations] the ${name} section failed to load`, error)
    const message = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 200) : "unknown error"
    return { ok: false, error: message }
  }
}

export async function operationsOverview(query: OperationsQuery, now = new Date()): Promise<OperationsOverview> {
  const range = presetRange(query.range, now)
  // First and alone: on one connection (the embedded database) it would otherwise time the queue.
  const roundTrip = await section("resources", measureRoundTrip)
  const [requests, uptime, resources, jobs, errors, business, security, webVitals] = await Promise.all([
    section("requests", () => loadRequests(range, query.sort)),
    section("uptime", () => loadUptime(range)),
    roundTrip.ok ? section("resources", () => loadResources(range, roundTrip.data)) : roundTrip,
    section("jobs", () => loadJobs(range)),
    section("errors", () => loadErrors(range)),
    section("business", () => loadBusiness(range)),
    section("security", () => loadSecurity(range)),
    section("web vitals", () => webVitalsP75ByPage(range, { now })),
  ])
  return {
    range: { preset: query.range, ...range },
    generatedAt: now,
    requests,
    uptime,
    resources,
    jobs,
    errors,
    business,
    security,
    webVitals,
  }
}
