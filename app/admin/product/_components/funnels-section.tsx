import { EmptyState } from "@/components/ui/empty-state"
import { type FunnelReport, funnelReport, headline } from "@/lib/analytics/funnels/report"
import { formatSteps } from "@/lib/analytics/funnels/rules"
import { listSavedFunnels, type SavedFunnel } from "@/lib/analytics/funnels/saved-funnels"
import type { ProductRange } from "@/lib/analytics/model/range"
import { compare } from "@/lib/analytics/reports/usage-math"
import { AppError } from "@/lib/errors"
import { type ProductPageQuery, productHref } from "../_lib/query"
import { FunnelBuilder } from "./funnel-builder"
import { BREAKDOWN_LABELS, FunnelSegmentsTable } from "./funnel-segments-table"
import { FunnelStepsTable } from "./funnel-steps-table"
import { SavedFunnelPicker } from "./saved-funnel-picker"
import { ComparedStat, RawHorizonNote, ReportSection } from "./usage-ui"

type FunnelsSectionProps = { query: ProductPageQuery; range: ProductRange; previous: ProductRange }

/** Saved funnels shown in the picker; more than this and the picker says so. */
const PICKER_SIZE = 100

/** Funnels: the default or a saved or built funnel over the range, per step and per breakdown value. */
export async function FunnelsSection({ query, range, previous }: FunnelsSectionProps) {
  let report: FunnelReport | null = null
  let saved: { items: SavedFunnel[]; total: number } = { items: [], total: 0 }
  let missing = false
  try {
    saved = await listSavedFunnels({ page: 1, pageSize: PICKER_SIZE })
    try {
      report = await funnelReport(query.funnel, range, { compare: true })
    } catch (error) {
      // A saved funnel deleted since the link was made: say so, and show the default.
      if (!(error instanceof AppError && error.code === "not_found")) throw error
      missing = true
      report = await funnelReport({ ...query.funnel, funnelId: undefined }, range, { compare: true })
    }
  } catch (error) {
    console.error("[product] the funnels section failed to load", error)
  }
  return (
    <ReportSection
      id="funnels"
      title="Funnels"
      failed={!report}
      description={
        <>
          People who took each step in order, entering at their first step inside the range; later steps count within
          the conversion window from that first step. A browser counts as its user once any of its events is signed in,
          so visits before and after sign-in and the payment recorded by the server are one person. Headline compared
          with the {previous.days} days before.
        </>
      }
    >
      {report ? <FunnelsBody report={report} query={query} range={range} saved={saved} missing={missing} /> : null}
      {report ? (
        <RawHorizonNote
          keptFrom={report.keptFrom}
          rangeFrom={previous.from}
          what="funnel steps (in the range and in the period compared)"
        />
      ) : null}
    </ReportSection>
  )
}

type FunnelsBodyProps = {
  report: FunnelReport
  query: ProductPageQuery
  range: ProductRange
  saved: { items: SavedFunnel[]; total: number }
  missing: boolean
}

function FunnelsBody({ report, query, range, saved, missing }: FunnelsBodyProps) {
  const now = headline(report.steps)
  const before = report.previous
  const keep = [...new URL(productHref(query), "http://local").searchParams]
  const lastStep = report.funnel.steps.at(-1)!
  return (
    <>
      {missing ? (
        <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          That saved funnel no longer exists; showing the default funnel.
        </p>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h3 className="text-base font-semibold text-slate-900" data-testid="funnel-name-shown">
            {report.funnel.name}
          </h3>
          <p className="text-sm text-slate-600">
            {report.funnel.steps.map((step) => step.label).join(" → ")} · window {report.funnel.windowDays}{" "}
            {report.funnel.windowDays === 1 ? "day" : "days"}
            {report.breakdown ? ` · by ${BREAKDOWN_LABELS[report.breakdown].toLowerCase()}` : ""}
          </p>
        </div>
        <SavedFunnelPicker
          key={report.funnel.id ?? "default"}
          query={query}
          saved={saved.items}
          total={saved.total}
          current={report.funnel.id}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <ComparedStat
          label="Entered"
          compared={compare(now.entered, before?.entered ?? null)}
          format="count"
          hint={`first step: ${report.funnel.steps[0]!.label}`}
          testId="stat-funnel-entered"
        />
        <ComparedStat
          label="Completed"
          compared={compare(now.completed, before?.completed ?? null)}
          format="count"
          hint={`last step: ${lastStep.label}`}
          testId="stat-funnel-completed"
        />
        <ComparedStat
          label="Conversion"
          compared={compare(now.conversion, before?.conversion ?? null)}
          format="share"
          hint="completed ÷ entered"
          testId="stat-funnel-conversion"
        />
      </div>
      {now.entered === 0 ? (
        <EmptyState
          as="h3"
          title="Nobody entered this funnel in the range"
          description={`No one took the first step (${report.funnel.steps[0]!.label}) between ${range.firstDay} and ${range.lastDay}. Try a longer range or another first step.`}
        />
      ) : (
        <>
          <FunnelStepsTable funnel={report.funnel} steps={report.steps} />
          {report.breakdown && report.segments ? (
            <FunnelSegmentsTable funnel={report.funnel} breakdown={report.breakdown} segments={report.segments} />
          ) : null}
        </>
      )}
      <FunnelBuilder
        key={`${report.funnel.id ?? ""}|${formatSteps(report.funnel.steps)}|${report.funnel.windowDays}|${report.breakdown ?? ""}`}
        initialSteps={report.funnel.steps.map((step) => ({ kind: step.kind, match: step.match }))}
        initialWindow={report.funnel.windowDays}
        initialBreakdown={report.breakdown}
        saved={report.funnel.id ? { id: report.funnel.id, name: report.funnel.name } : null}
        keep={keep}
      />
    </>
  )
}
