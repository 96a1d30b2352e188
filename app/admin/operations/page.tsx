import type { Metadata } from "next"
import { PageHeader } from "@/components/ui/page-header"
import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { requireStaffRole } from "@/lib/auth/session"
import { operationsOverview } from "@/lib/monitoring/operations/overview"
import { AutoRefresh } from "./_components/auto-refresh"
import { BusinessSection } from "./_components/business-section"
import { ErrorsSection } from "./_components/errors-section"
import { JobsSection } from "./_components/jobs-section"
import { RangePicker } from "./_components/range-picker"
import { RequestsSection } from "./_components/requests-section"
import { ResourcesSection } from "./_components/resources-section"
import { SecuritySection } from "./_components/security-section"
import { UptimeSection } from "./_components/uptime-section"
import { WebVitalsSection } from "./_components/web-vitals-section"
import { parseOperationsSearchParams } from "./_lib/query"

export const metadata: Metadata = { title: "Operations" }
export const dynamic = "force-dynamic"

const CONTENTS = [
  ["requests", "Requests"],
  ["uptime", "Uptime"],
  ["resources", "Resources"],
  ["jobs", "Jobs"],
  ["errors", "Errors"],
  ["business", "Business health"],
  ["security", "Security"],
  ["web-vitals", "Web vitals"],
] as const

type OperationsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function OperationsPage({ searchParams }: OperationsPageProps) {
  // Engineers, admins and owners, as GET /api/admin/operations; support staff get the 403 page.
  await requireStaffRole("/admin/operations", ENGINEERING_ROLES)
  const query = parseOperationsSearchParams(await searchParams)
  const overview = await operationsOverview(query)

  return (
    <div className="flex flex-col gap-10" data-testid="operations-page">
      <div className="flex flex-col gap-4">
        <PageHeader
          title="Operations"
          description="The whole system, live: requests, uptime, resources, jobs, errors, business health and security. Times are UTC."
          actions={<AutoRefresh generatedAt={overview.generatedAt.toISOString()} />}
        />
        <RangePicker query={query} />
        <nav aria-label="Sections" className="text-sm">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {CONTENTS.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`} className="text-brand-700 hover:underline">
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <RequestsSection section={overview.requests} query={query} />
      <UptimeSection section={overview.uptime} />
      <ResourcesSection section={overview.resources} />
      <JobsSection section={overview.jobs} />
      <ErrorsSection section={overview.errors} />
      <BusinessSection section={overview.business} now={overview.generatedAt} />
      <SecuritySection section={overview.security} />
      <WebVitalsSection overview={overview} />
    </div>
  )
}
