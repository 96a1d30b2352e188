import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { ReportedFunnel } from "@/lib/analytics/funnels/report"
import type { FunnelBreakdown, FunnelSegment } from "@/lib/analytics/funnels/rules"
import { formatFigure } from "@/lib/analytics/reports/usage-format"

export const BREAKDOWN_LABELS: Record<FunnelBreakdown, string> = {
  country: "Country",
  device: "Device",
  utm_source: "UTM source",
  variant: "Experiment variant",
}

/** Shown before "N more" is said; the API returns every value. */
export const SEGMENT_LIMIT = 15

/** Per breakdown value: people at each step with the share of the step before, and the share of entrants who reached the last. */
export function FunnelSegmentsTable({
  funnel,
  breakdown,
  segments,
}: {
  funnel: ReportedFunnel
  breakdown: FunnelBreakdown
  segments: FunnelSegment[]
}) {
  const shown = segments.slice(0, SEGMENT_LIMIT)
  return (
    <div className="flex flex-col gap-2">
      <TableContainer label={`Funnel by ${BREAKDOWN_LABELS[breakdown].toLowerCase()}`}>
        <Table data-testid="funnel-segments-table">
          <caption className="sr-only">
            People reaching each step by {BREAKDOWN_LABELS[breakdown].toLowerCase()} of their first step, most entrants
            first
          </caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{BREAKDOWN_LABELS[breakdown]}</TableHeaderCell>
              {funnel.steps.map((step, index) => (
                <TableHeaderCell key={index} className="text-right" title={`${step.kind}:${step.match}`}>
                  {index + 1}. {step.label}
                </TableHeaderCell>
              ))}
              <TableHeaderCell className="text-right">Converted</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((segment) => {
              const last = segment.steps.at(-1)
              return (
                <TableRow
                  key={segment.value ?? "(none)"}
                  data-testid="funnel-segment-row"
                  data-segment={segment.value ?? ""}
                >
                  <TableHeaderCell
                    scope="row"
                    className="text-sm font-medium tracking-normal text-slate-900 normal-case"
                  >
                    {segment.value ?? <span className="text-slate-500">Unknown</span>}
                  </TableHeaderCell>
                  {segment.steps.map((step, index) => (
                    <TableCell key={index} className="text-right tabular-nums">
                      <span data-testid="funnel-segment-people">{formatFigure(step.people, "count")}</span>
                      {index > 0 ? (
                        <span className="block text-xs text-slate-500">
                          {formatFigure(step.conversionFromPrevious, "share")} of previous
                        </span>
                      ) : null}
                    </TableCell>
                  ))}
                  <TableCell className="text-right font-medium tabular-nums">
                    {formatFigure(last?.conversionFromFirst ?? null, "share")}
                  </TableCell>
                </TableRow>
              )
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {segments.length > shown.length ? (
        <p className="text-sm text-slate-600">
          {segments.length - shown.length} more values with fewer entrants are not shown; the API returns them all.
        </p>
      ) : null}
    </div>
  )
}
