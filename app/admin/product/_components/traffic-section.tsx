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
import { TRAFFIC_LIST_LIMIT, trafficReport, type TrafficReport } from "@/lib/analytics/reports/traffic"
import { formatFigure } from "@/lib/analytics/reports/usage-format"
import { ComparedStat, ReportSection, ValueBar } from "./usage-ui"

type SectionProps = { range: ProductRange; previous: ProductRange }

/** Traffic: top pages, referrers, UTM campaigns, entry and exit pages, bounce rate and visit duration. */
export async function TrafficSection({ range, previous }: SectionProps) {
  let report: TrafficReport | null = null
  try {
    report = await trafficReport(range, previous)
  } catch (error) {
    console.error("[product] the traffic section failed to load", error)
  }
  return (
    <ReportSection
      id="traffic"
      title="Traffic"
      failed={!report}
      description={
        <>
          Visits are sessions (30 idle minutes end one) that started in the range. A bounce is a visit with one page
          view and nothing else; a visit lasts from its first to its last event, so a one-page visit lasts 0 s. Visitors
          count once per day. Top {TRAFFIC_LIST_LIMIT} of each list; compared with the {previous.days} days before.
        </>
      }
    >
      {report ? <TrafficBody report={report} /> : null}
    </ReportSection>
  )
}

function TrafficBody({ report }: { report: TrafficReport }) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <ComparedStat label="Page views" compared={report.pageViews} format="count" testId="stat-page-views" />
        <ComparedStat
          label="Visitors"
          compared={report.visitors}
          format="count"
          hint="once per day"
          testId="stat-visitors"
        />
        <ComparedStat label="Visits" compared={report.sessions} format="count" testId="stat-visits" />
        <ComparedStat label="Bounce rate" compared={report.bounceRate} format="share" testId="stat-bounce-rate" />
        <ComparedStat
          label="Average visit"
          compared={report.averageDurationSeconds}
          format="seconds"
          testId="stat-average-visit"
        />
        <ComparedStat
          label="Median visit"
          compared={report.medianDurationSeconds}
          format="seconds"
          testId="stat-median-visit"
        />
      </div>
      <RankedTable
        title="Top pages"
        columns={["Page", "Views", "Visitors", "Views before"]}
        rows={report.pages.map((row) => ({
          key: row.path,
          label: row.path,
          value: row.views,
          cells: [formatFigure(row.visitors, "count"), formatFigure(row.previousViews, "count")],
        }))}
        empty="No page views in this range."
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <SessionTable
          title="Referrers"
          label="Referrer"
          rows={report.referrers.map((row) => ({
            ...row,
            value: row.value === "(none)" ? "Direct or unknown" : row.value,
          }))}
        />
        <SessionTable
          title="UTM campaigns"
          label="Source / campaign"
          rows={report.campaigns.map((row) => ({
            value: `${row.source ?? "—"} / ${row.campaign ?? "—"}`,
            sessions: row.sessions,
            bounceRate: row.bounceRate,
          }))}
        />
        <SessionTable title="Entry pages" label="Page" rows={report.entryPages} mono />
        <SessionTable title="Exit pages" label="Page" rows={report.exitPages} mono />
      </div>
    </>
  )
}

type Ranked = { key: string; label: string; value: number; cells: string[] }

/** A top list: the ranked figure with a bar, then further columns. */
function RankedTable({
  title,
  columns,
  rows,
  empty,
  mono = true,
}: {
  title: string
  columns: string[]
  rows: Ranked[]
  empty: string
  mono?: boolean
}) {
  const id = `traffic-${title.toLowerCase().replaceAll(/[^a-z]+/g, "-")}`
  const max = Math.max(0, ...rows.map((row) => row.value))
  return (
    <div className="flex flex-col gap-2">
      <h3 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h3>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">{empty}</p>
      ) : (
        <TableContainer label={title}>
          <Table aria-labelledby={id} data-testid={id}>
            <TableHead>
              <TableRow>
                {columns.map((column, i) => (
                  <TableHeaderCell key={column} className={i === 0 ? undefined : i === 1 ? "w-1/3" : "text-right"}>
                    {column}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.key}>
                  <TableCell className={mono ? "font-mono text-xs break-all" : undefined}>{row.label}</TableCell>
                  <TableCell>
                    <div className="flex items-center gap-3">
                      <ValueBar value={row.value} max={max} />
                      <span className="w-14 shrink-0 text-right tabular-nums">{formatFigure(row.value, "count")}</span>
                    </div>
                  </TableCell>
                  {row.cells.map((cell, i) => (
                    <TableCell key={i} className="text-right tabular-nums">
                      {cell}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </div>
  )
}

function SessionTable({
  title,
  label,
  rows,
  mono = false,
}: {
  title: string
  label: string
  rows: { value: string; sessions: number; bounceRate: number | null }[]
  mono?: boolean
}) {
  return (
    <RankedTable
      title={title}
      columns={[label, "Visits", "Bounce rate"]}
      rows={rows.map((row) => ({
        key: row.value,
        label: row.value,
        value: row.sessions,
        cells: [formatFigure(row.bounceRate, "share")],
      }))}
      empty="No visits in this range."
      mono={mono}
    />
  )
}
