import Link from "next/link"
import { EmptyState } from "@/components/ui/empty-state"
import type { ProductRange } from "@/lib/analytics/model/range"
import type { CohortBasis, CohortPeriod } from "@/lib/analytics/reports/cohorts"
import { cohortReport, type CohortReport } from "@/lib/analytics/reports/cohorts-report"
import { cn } from "@/lib/utils/cn"
import { type ProductPageQuery, productHref } from "../_lib/query"
import { RetentionTable } from "./retention-table"
import { ReportSection } from "./usage-ui"

const BASES: [CohortBasis, string][] = [
  ["first_seen", "First seen"],
  ["signup", "Sign-up"],
]
const PERIODS: [CohortPeriod, string][] = [
  ["week", "Weekly"],
  ["month", "Monthly"],
]

/** Retention: cohorts by first seen or sign-up, weekly or monthly, as a heat-map table. */
export async function RetentionSection({ query, range }: { query: ProductPageQuery; range: ProductRange }) {
  let report: CohortReport | null = null
  try {
    report = await cohortReport(query.cohort, range)
  } catch (error) {
    console.error("[product] the retention section failed to load", error)
  }
  return (
    <ReportSection
      id="retention"
      title="Retention"
      failed={!report}
      description={
        <>
          Cohorts are the {query.cohort.period === "week" ? "weeks (Monday to Sunday)" : "months"} overlapping the
          range, in {range.timeZone}; each cell is the share of the cohort active in that later {query.cohort.period},
          followed up to today. By first seen, only visitors who accepted analytics cookies or signed in count: without
          consent a visitor&apos;s id changes every day, so they could never come back. By sign-up, activity is any day
          with the subscriber signed in or a server event of theirs.
        </>
      }
    >
      {report ? <RetentionBody report={report} query={query} /> : null}
    </ReportSection>
  )
}

function RetentionBody({ report, query }: { report: CohortReport; query: ProductPageQuery }) {
  const people = report.rows.reduce((sum, row) => sum + row.size, 0)
  return (
    <>
      <div className="flex flex-wrap gap-4">
        <Toggle
          label="Cohort by"
          options={BASES}
          current={query.cohort.by}
          href={(by) => productHref(query, { cohort: { by } }, "retention")}
          testId="cohort-by"
        />
        <Toggle
          label="Period"
          options={PERIODS}
          current={query.cohort.period}
          href={(period) => productHref(query, { cohort: { period } }, "retention")}
          testId="cohort-period"
        />
      </div>
      {people === 0 ? (
        <EmptyState
          as="h3"
          title="No cohorts to follow in this range"
          description={
            report.by === "first_seen"
              ? "Nobody who accepted analytics cookies or signed in was first seen in these periods."
              : "Nobody signed up in these periods."
          }
        />
      ) : (
        <RetentionTable report={report} />
      )}
    </>
  )
}

function Toggle<T extends string>({
  label,
  options,
  current,
  href,
  testId,
}: {
  label: string
  options: [T, string][]
  current: T
  href: (value: T) => string
  testId: string
}) {
  return (
    <nav aria-label={label} className="flex items-center gap-2 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      <ul className="inline-flex gap-1 rounded-lg border border-slate-200 bg-surface p-1 shadow-sm">
        {options.map(([value, text]) => (
          <li key={value}>
            <Link
              href={href(value)}
              aria-current={value === current ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-1 font-medium",
                value === current ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
              data-testid={`${testId}-${value}`}
            >
              {text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
