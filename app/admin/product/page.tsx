import type { Metadata } from "next"
import { type ReactNode, Suspense } from "react"
import { PageHeader } from "@/components/ui/page-header"
import { productRange } from "@/lib/analytics/model/range"
import { MANAGER_ROLES } from "@/lib/auth/roles"
import { requireStaffRole } from "@/lib/auth/session"
import { previousPeriod } from "@/lib/utils/time-range"
import { FeedbackSection } from "./_components/feedback-section"
import { FunnelsSection } from "./_components/funnels-section"
import { GeographySection } from "./_components/geography-section"
import { ProductRangePicker } from "./_components/range-picker"
import { RetentionSection } from "./_components/retention-section"
import { SectionSkeleton } from "./_components/section-skeleton"
import { TrafficSection } from "./_components/traffic-section"
import { UsageSection } from "./_components/usage-section"
import { WebVitalsSection } from "./_components/web-vitals-section"
import { parseProductSearchParams } from "./_lib/query"

export const metadata: Metadata = { title: "Product" }
export const dynamic = "force-dynamic"

const SECTIONS = [
  ["usage", "Feature usage"],
  ["funnels", "Funnels"],
  ["retention", "Retention"],
  ["traffic", "Traffic"],
  ["geography", "Geography"],
  ["web-vitals", "Web vitals"],
  ["feedback", "User feedback"],
] as const

type SectionId = (typeof SECTIONS)[number][0]

function Streamed({ id, children }: { id: SectionId; children: ReactNode }) {
  const title = SECTIONS.find(([section]) => section === id)![1]
  return <Suspense fallback={<SectionSkeleton title={title} />}>{children}</Suspense>
}

type ProductPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ProductPage({ searchParams }: ProductPageProps) {
  // Admins and owners, as every /api/admin/product handler: the sections show revenue and feedback.
  await requireStaffRole("/admin/product", MANAGER_ROLES)
  const query = parseProductSearchParams(await searchParams)
  const range = productRange(query.range)
  const previous = previousPeriod(range)

  return (
    <div className="flex flex-col gap-10" data-testid="product-page">
      <div className="flex flex-col gap-4">
        <PageHeader
          title="Product"
          description="How people find, use and stay with the product: feature usage, funnels, retention, traffic, geography, web vitals and feedback."
        />
        {query.rangeError ? (
          <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            That date range could not be used ({query.rangeError}); showing the last 30 days.
          </p>
        ) : null}
        <ProductRangePicker query={query} range={range} previous={previous} />
        <nav aria-label="Sections" className="text-sm">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {SECTIONS.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`} className="text-brand-700 hover:underline">
                  {title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {/* Each section loads its own data on the server and streams in when ready. */}
      <Streamed id="usage">
        <UsageSection range={range} previous={previous} />
      </Streamed>
      <Streamed id="funnels">
        <FunnelsSection query={query} range={range} previous={previous} />
      </Streamed>
      <Streamed id="retention">
        <RetentionSection query={query} range={range} />
      </Streamed>
      <Streamed id="traffic">
        <TrafficSection range={range} previous={previous} />
      </Streamed>
      <Streamed id="geography">
        <GeographySection range={range} previous={previous} />
      </Streamed>
      <Streamed id="web-vitals">
        <WebVitalsSection range={range} previous={previous} />
      </Streamed>
      <Streamed id="feedback">
        <FeedbackSection range={range} previous={previous} />
      </Streamed>
    </div>
  )
}
