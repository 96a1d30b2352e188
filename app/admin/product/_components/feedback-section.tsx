import Link from "next/link"
import { FeedbackStats } from "@/components/feedback/feedback-stats"
import { NpsComments } from "@/components/feedback/nps-comments"
import { NpsTrendChart } from "@/components/feedback/nps-trend-chart"
import { TopRequestsTable } from "@/components/feedback/top-requests-table"
import type { ProductRange } from "@/lib/analytics/model/range"
import { feedbackReport, type FeedbackReport } from "@/lib/feedback/report"

type FeedbackSectionProps = { range: ProductRange; previous: ProductRange }

/** The product dashboard's user feedback: NPS with its trend and comments, CSAT, the top feature requests. */
export async function FeedbackSection({ range, previous }: FeedbackSectionProps) {
  let report: FeedbackReport | null = null
  try {
    report = await feedbackReport(range, previous)
  } catch (error) {
    // One failing section must not take the dashboard down with it.
    console.error("feedback section failed to load", error)
  }
  return (
    <section
      id="feedback"
      aria-labelledby="feedback-heading"
      className="flex scroll-mt-6 flex-col gap-4"
      data-testid="product-feedback"
    >
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="feedback-heading" className="text-xl font-semibold text-slate-900">
            User feedback
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            NPS is the share of promoters (9–10) minus the share of detractors (0–6) among answers, from −100 to +100;
            dismissals do not count. Compared with the {previous.days} days before.
          </p>
        </div>
        <Link href="/admin/feedback" className="text-sm font-medium text-brand-700 hover:underline">
          All feedback
        </Link>
      </div>
      {report ? (
        <FeedbackBody report={report} range={range} />
      ) : (
        <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          The feedback figures could not be loaded. The rest of the dashboard is unaffected; reload to try again.
        </div>
      )}
    </section>
  )
}

function FeedbackBody({ report, range }: { report: FeedbackReport; range: ProductRange }) {
  const unit = report.trend.unit === "week" ? "week (weeks start on Monday)" : "month"
  return (
    <>
      <FeedbackStats report={report} />
      <NpsTrendChart
        title="NPS trend"
        description={`NPS per ${unit}, days in ${range.timeZone}.`}
        points={report.trend.points}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="flex flex-col gap-3">
          <h3 id="feedback-comments-heading" className="text-base font-semibold text-slate-900">
            Latest NPS comments
          </h3>
          <NpsComments comments={report.comments} headingId="feedback-comments-heading" />
        </div>
        <div className="flex flex-col gap-3">
          <h3 className="text-base font-semibold text-slate-900">Top feature requests</h3>
          <TopRequestsTable requests={report.topRequests} />
        </div>
      </div>
    </>
  )
}
