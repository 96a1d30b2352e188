import { pivotByGroup } from "@/components/charts/rows"
import { TimeSeriesChart } from "@/components/charts/time-series-chart"
import { StatCard } from "@/components/ui/stat-card"
import type { ProductRange } from "@/lib/analytics/model/range"
import { geographyReport, type GeographyReport } from "@/lib/analytics/reports/geography"
import { formatFigure } from "@/lib/analytics/reports/usage-format"
import { formatIsoMinute } from "@/lib/format/dates"
import { GeographyTable } from "./geography-table"
import { ComparedStat, RawHorizonNote, ReportSection } from "./usage-ui"

type SectionProps = { range: ProductRange; previous: ProductRange }

/** Geography: visitors, conversion, subscribers and MRR by country, and visitors per continent per week. */
export async function GeographySection({ range, previous }: SectionProps) {
  let report: GeographyReport | null = null
  try {
    report = await geographyReport(range, previous)
  } catch (error) {
    console.error("[product] the geography section failed to load", error)
  }
  return (
    <ReportSection
      id="geography"
      title="Geography"
      failed={!report}
      description={
        <>
          Visitors count once per day they viewed a page. Conversion is payers (a first or renewed subscription paid in
          the range) over visitors of the country; a payer or subscriber belongs to the country most of their events
          came from. Subscribers and MRR are taken from the revenue ledger at the end of the range.
        </>
      }
    >
      {report ? <GeographyBody report={report} range={range} /> : null}
    </ReportSection>
  )
}

function GeographyBody({ report, range }: { report: GeographyReport; range: ProductRange }) {
  const trend = pivotByGroup(report.regionWeeks, {
    at: (row) => `${row.week}T00:00:00.000Z`,
    group: (row) => row.region,
    value: (row) => row.visitors,
  })
  const asOf = formatIsoMinute(report.mrrAt)
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <ComparedStat
          label="Visitors"
          compared={report.visitors}
          format="count"
          hint="once per day"
          testId="stat-geo-visitors"
        />
        <ComparedStat
          label="Conversion"
          compared={report.conversionRate}
          format="share"
          hint={`${formatFigure(report.payers.current, "count")} payers`}
          testId="stat-conversion"
        />
        <StatCard
          label="Subscribers"
          value={formatFigure(report.subscribers, "count")}
          hint={`at ${asOf} UTC`}
          data-testid="stat-geo-subscribers"
        />
        <StatCard
          label="MRR"
          value={formatFigure(report.mrrCents, "cents")}
          hint={`at ${asOf} UTC`}
          data-testid="stat-geo-mrr"
        />
      </div>
      <RawHorizonNote keptFrom={report.perUserSince} rangeFrom={range.from} what="payers (conversion)" />
      <GeographyTable rows={report.countries} />
      <TimeSeriesChart
        title="Visitors per continent"
        description={`Visitors per week (weeks start on Monday, ${range.timeZone}), by continent of their country.`}
        data={trend.data}
        series={trend.series}
        unit="count"
        emptyMessage="No visitors in this range."
        data-testid="chart-region-trends"
      />
    </>
  )
}
