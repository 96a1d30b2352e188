import { Badge, type BadgeTone } from "@/components/ui/badge"
import { StatCard } from "@/components/ui/stat-card"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { ProductRange } from "@/lib/analytics/model/range"
import { VITAL_METRICS, type VitalMetric } from "@/lib/analytics/model/web-vitals"
import { formatFigure } from "@/lib/analytics/reports/usage-format"
import { webVitalsReport, type VitalSummary, type WebVitalsReport } from "@/lib/analytics/reports/web-vitals"
import { VITAL_THRESHOLDS, type VitalRating } from "@/lib/analytics/reports/web-vitals-math"
import { RawHorizonNote, ReportSection } from "./usage-ui"

type SectionProps = { range: ProductRange; previous: ProductRange }

const RATING: Record<VitalRating, { label: string; tone: BadgeTone }> = {
  good: { label: "Good", tone: "success" },
  "needs-improvement": { label: "Needs improvement", tone: "warning" },
  poor: { label: "Poor", tone: "danger" },
}
const NAMES: Record<VitalMetric, string> = {
  LCP: "Largest contentful paint",
  INP: "Interaction to next paint",
  CLS: "Cumulative layout shift",
}
const format = (metric: VitalMetric) => (metric === "CLS" ? "score" : "ms")

/** Web vitals: LCP, INP and CLS percentiles per page, from real visits. */
export async function WebVitalsSection({ range }: SectionProps) {
  let report: WebVitalsReport | null = null
  try {
    report = await webVitalsReport(range)
  } catch (error) {
    console.error("[product] the web vitals section failed to load", error)
  }
  const thresholds = VITAL_METRICS.map(
    (metric) => `${metric} ≤ ${formatFigure(VITAL_THRESHOLDS[metric].good, format(metric))}`,
  ).join(", ")
  return (
    <ReportSection
      id="web-vitals"
      title="Web vitals"
      failed={!report}
      description={`Measured in visitors' browsers, once per page load. p50 / p75 / p95 interpolate between samples; a page is rated by its p75 (good: ${thresholds}). LCP and INP in time, CLS is a unitless score.`}
    >
      {report ? <VitalsBody report={report} range={range} /> : null}
    </ReportSection>
  )
}

function VitalsBody({ report, range }: { report: WebVitalsReport; range: ProductRange }) {
  return (
    <>
      <RawHorizonNote keptFrom={report.keptFrom} rangeFrom={range.from} what="web vitals" />
      <div className="grid gap-4 sm:grid-cols-3">
        {VITAL_METRICS.map((metric) => {
          const summary = report.overall[metric]
          return (
            <StatCard
              key={metric}
              label={`${metric} p75 · ${NAMES[metric]}`}
              value={summary ? formatFigure(summary.p75, format(metric)) : "—"}
              hint={
                summary
                  ? `${RATING[summary.rating].label} · p50 ${formatFigure(summary.p50, format(metric))}, p95 ${formatFigure(summary.p95, format(metric))} · ${formatFigure(summary.samples, "count")} samples`
                  : "No samples in this range"
              }
              data-testid={`stat-vital-${metric.toLowerCase()}`}
            />
          )
        })}
      </div>
      {report.pages.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          No web vitals were recorded in this range.
        </p>
      ) : (
        <TableContainer label="Web vitals per page">
          <Table data-testid="web-vitals-table">
            <caption className="sr-only">
              p50, p75 and p95 of LCP, INP and CLS per page, pages with most samples first
            </caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell>Page</TableHeaderCell>
                <TableHeaderCell className="text-right">Samples</TableHeaderCell>
                {VITAL_METRICS.map((metric) => (
                  <TableHeaderCell key={metric} className="text-right">
                    {metric} p50 / p75 / p95
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {report.pages.map((page) => (
                <TableRow key={page.path}>
                  <TableCell className="font-mono text-xs break-all">{page.path}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatFigure(page.samples, "count")}</TableCell>
                  {VITAL_METRICS.map((metric) => (
                    <TableCell key={metric} className="text-right whitespace-nowrap tabular-nums">
                      <VitalCell metric={metric} summary={page[metric]} />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  )
}

function VitalCell({ metric, summary }: { metric: VitalMetric; summary: VitalSummary | undefined }) {
  if (!summary) return <span className="text-slate-400">—</span>
  const rating = RATING[summary.rating]
  return (
    <>
      <span className="text-slate-500">{formatFigure(summary.p50, format(metric))} / </span>
      <span className="font-semibold text-slate-900">{formatFigure(summary.p75, format(metric))}</span>
      <span className="text-slate-500"> / {formatFigure(summary.p95, format(metric))}</span>
      <span className="mt-1 block">
        <Badge tone={rating.tone}>{rating.label}</Badge>
      </span>
    </>
  )
}
