import { rowsOf } from "@/components/charts/rows"
import { TimeSeriesChart } from "@/components/charts/time-series-chart"
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
import { featureUsageReport, type FeatureUsageReport } from "@/lib/analytics/reports/usage"
import { formatChange, formatFigure } from "@/lib/analytics/reports/usage-format"
import { ComparedStat, RawHorizonNote, ReportSection, ValueBar } from "./usage-ui"

type SectionProps = { range: ProductRange; previous: ProductRange }

/** Feature usage: events and adoption per portal feature, DAU / WAU / MAU and stickiness. */
export async function UsageSection({ range, previous }: SectionProps) {
  let report: FeatureUsageReport | null = null
  try {
    report = await featureUsageReport(range, previous)
  } catch (error) {
    console.error("[product] the usage section failed to load", error)
  }
  return (
    <ReportSection
      id="usage"
      title="Feature usage"
      failed={!report}
      description={
        <>
          Adoption is the share of subscribers paying at some point of the range who used a feature. Active means any
          event from the person&apos;s own browser that day; a visitor who did not accept cookies counts once per day.
          Stickiness is the average daily actives of the last 30 days over MAU. Compared with the {previous.days} days
          before; days in {range.timeZone}.
        </>
      }
    >
      {report ? <UsageBody report={report} range={range} /> : null}
    </ReportSection>
  )
}

function UsageBody({ report, range }: { report: FeatureUsageReport; range: ProductRange }) {
  const chart = rowsOf(report.daily, (row) => `${row.day}T00:00:00.000Z`, [
    { label: "Daily actives", value: (row) => row.actives },
  ])
  const maxAdoption = Math.max(0, ...report.features.map((row) => row.adoption.current ?? 0))
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
        <ComparedStat
          label="Active subscribers"
          compared={report.activeSubscribers}
          format="count"
          testId="stat-active-subscribers"
        />
        <ComparedStat label="DAU" compared={report.dau} format="average" hint="average per day" testId="stat-dau" />
        <ComparedStat label="WAU" compared={report.wau} format="count" hint="last 7 days" testId="stat-wau" />
        <ComparedStat label="MAU" compared={report.mau} format="count" hint="last 30 days" testId="stat-mau" />
        <ComparedStat
          label="Stickiness"
          compared={report.stickiness}
          format="share"
          hint="DAU / MAU"
          testId="stat-stickiness"
        />
      </div>
      <TimeSeriesChart
        title="Daily active people"
        description={`People with any event each day, ${range.timeZone} days.`}
        data={chart.data}
        series={chart.series}
        unit="count"
        variant="bar"
        emptyMessage="Nobody was active in this range."
        data-testid="chart-daily-actives"
      />
      <RawHorizonNote
        keptFrom={report.perUserSince}
        rangeFrom={range.from}
        what="subscribers using a feature (adoption)"
      />
      <TableContainer label="Feature usage">
        <Table data-testid="feature-usage-table">
          <caption className="sr-only">
            Events, subscribers using and adoption of each portal feature, with the change from the previous period
          </caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Feature</TableHeaderCell>
              <TableHeaderCell className="text-right">Events</TableHeaderCell>
              <TableHeaderCell className="text-right">Subscribers using</TableHeaderCell>
              <TableHeaderCell className="w-1/3">Adoption</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.features.map((row) => (
              <TableRow key={row.feature}>
                <TableCell>
                  <span className="font-medium text-slate-900">{row.label}</span>
                  <span className="block font-mono text-xs text-slate-500">{row.feature}</span>
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatFigure(row.events.current, "count")}
                  <span className="block text-xs text-slate-500">{formatChange(row.events, "count")}</span>
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatFigure(row.subscribersUsing.current, "count")}
                </TableCell>
                <TableCell>
                  <div className="flex items-center gap-3">
                    <ValueBar value={row.adoption.current ?? 0} max={maxAdoption} />
                    <span className="w-16 shrink-0 text-right tabular-nums">
                      {formatFigure(row.adoption.current, "share")}
                    </span>
                  </div>
                  <span className="block text-xs text-slate-500">{formatChange(row.adoption, "share")}</span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  )
}
