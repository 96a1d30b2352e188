import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { CohortReport } from "@/lib/analytics/reports/cohorts-report"
import type { RetentionCell } from "@/lib/analytics/reports/cohorts"
import { formatFigure } from "@/lib/analytics/reports/usage-format"
import { formatDate, formatMonth } from "@/lib/format/dates"
import { cn } from "@/lib/utils/cn"

/** Period columns shown (the cohort's own and the next 12); the API has them all. */
export const RETENTION_COLUMNS = 13

const SHADES = [
  { from: 0.75, className: "bg-brand-800 text-white", label: "75 % or more" },
  { from: 0.5, className: "bg-brand-600 text-white", label: "50–75 %" },
  { from: 0.25, className: "bg-brand-200 text-slate-900", label: "25–50 %" },
  { from: 0.1, className: "bg-brand-100 text-slate-900", label: "10–25 %" },
  { from: Number.MIN_VALUE, className: "bg-brand-50 text-slate-900", label: "under 10 %" },
] as const

function shade(share: number | null): string {
  if (share === null) return "bg-surface text-slate-400"
  return SHADES.find((entry) => share >= entry.from)?.className ?? "bg-slate-50 text-slate-600"
}

function periodName(report: CohortReport): string {
  return report.period === "week" ? "Week" : "Month"
}

/** "Week of 2 Nov 2026" or "November 2026". */
export function cohortName(start: string, period: CohortReport["period"]): string {
  const date = new Date(`${start}T00:00:00Z`)
  return period === "week" ? `Week of ${formatDate(date)}` : formatMonth(date, { long: true })
}

/** The heat map: a real table, each cell's colour said again by its percentage. */
export function RetentionTable({ report }: { report: CohortReport }) {
  const columns = Math.min(RETENTION_COLUMNS, Math.max(1, ...report.rows.map((row) => row.cells.length)))
  const name = periodName(report)
  const hidden = Math.max(0, ...report.rows.map((row) => row.cells.length)) - columns
  return (
    <div className="flex flex-col gap-3">
      <TableContainer label="Retention by cohort">
        <Table data-testid="retention-table" className="text-xs sm:text-sm">
          <caption className="sr-only">
            Share of each cohort active in each later {report.period}; {name.toLowerCase()} 0 is the cohort&apos;s own.
            A star marks a {report.period} still running.
          </caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Cohort</TableHeaderCell>
              <TableHeaderCell className="text-right">People</TableHeaderCell>
              {Array.from({ length: columns }, (_, index) => (
                <TableHeaderCell key={index} className="px-2 text-center">
                  {name} {index}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {report.rows.map((row) => (
              <TableRow key={row.cohort} data-testid="retention-row">
                <TableHeaderCell
                  scope="row"
                  className="text-sm font-medium tracking-normal whitespace-nowrap text-slate-900 normal-case"
                >
                  {cohortName(row.cohort, report.period)}
                </TableHeaderCell>
                <TableCell className="text-right tabular-nums">{formatFigure(row.size, "count")}</TableCell>
                {Array.from({ length: columns }, (_, index) => (
                  <HeatCell key={index} cell={row.cells[index]} size={row.size} />
                ))}
              </TableRow>
            ))}
          </TableBody>
          <tfoot className="border-t border-slate-200 bg-slate-50">
            <TableRow>
              <TableHeaderCell scope="row" className="text-sm font-medium tracking-normal text-slate-900 normal-case">
                All cohorts
              </TableHeaderCell>
              <TableCell className="text-right text-slate-600">weighted</TableCell>
              {Array.from({ length: columns }, (_, index) => {
                const average = report.average[index]
                return (
                  <TableCell
                    key={index}
                    className="px-2 text-center font-medium whitespace-nowrap tabular-nums"
                    title={average ? `${average.cohorts} complete cohorts` : undefined}
                  >
                    {average && average.share !== null ? formatFigure(average.share, "share") : "—"}
                  </TableCell>
                )
              })}
            </TableRow>
          </tfoot>
        </Table>
      </TableContainer>
      <Legend period={report.period} hidden={hidden} />
    </div>
  )
}

function HeatCell({ cell, size }: { cell: RetentionCell | undefined; size: number }) {
  if (!cell) return <TableCell className="px-2" aria-label="not yet" />
  const label = cell.share === null ? "—" : formatFigure(cell.share, "share")
  return (
    <TableCell
      className={cn("px-2 text-center whitespace-nowrap tabular-nums", shade(cell.share))}
      title={`${cell.active} of ${size} people active${cell.complete ? "" : " so far"}`}
      data-testid="retention-cell"
    >
      {label}
      {cell.complete ? null : (
        <span aria-label="still running" className="ml-0.5">
          *
        </span>
      )}
    </TableCell>
  )
}

function Legend({ period, hidden }: { period: CohortReport["period"]; hidden: number }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-600">
      <span className="font-medium text-slate-700">Shading:</span>
      {SHADES.map((entry) => (
        <span key={entry.label} className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={cn("inline-block size-3 rounded-sm ring-1 ring-slate-200", entry.className)}
          />
          {entry.label}
        </span>
      ))}
      <span>* the {period} is still running</span>
      {hidden > 0 ? (
        <span>
          Later {period}s ({hidden} more) are in the API.
        </span>
      ) : null}
    </div>
  )
}
