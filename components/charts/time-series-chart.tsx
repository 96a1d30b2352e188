"use client"

import { useId, useState } from "react"
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts"
import { ActionButton } from "@/components/ui/action-button"
import { cn } from "@/lib/utils/cn"
import { useHydrated } from "@/lib/utils/use-hydrated"
import { formatInstant, formatTick, formatValue, type ChartUnit } from "./format"
import { isEmptySeries, type ChartRow, type ChartSeries } from "./rows"

// The one time-series chart of the dashboards: a line, area or stacked-bar chart over recharts,
// with an empty state and a table view of the same data. Series differ by colour and by dash
// pattern, so colour is never the only signal.

const COLOURS = ["#4f46e5", "#d97706", "#059669", "#e11d48", "#0284c7", "#7c3aed", "#475569", "#0d9488"]
const DASHES = [undefined, "6 3", "2 3", "8 3 2 3"]

export type TimeSeriesChartProps = {
  title: string
  /** One sentence saying what is plotted; also the chart's SVG description. */
  description?: string
  data: ChartRow[]
  series: ChartSeries[]
  unit: ChartUnit
  variant?: "line" | "area" | "bar"
  /** Overrides the default test (no value at all), e.g. a rate that is 0 throughout. */
  empty?: boolean
  emptyMessage?: string
  height?: number
  headingLevel?: "h3" | "h4"
  "data-testid"?: string
}

export function TimeSeriesChart({
  title,
  description,
  data,
  series,
  unit,
  variant = "line",
  empty,
  emptyMessage = "No data in this range.",
  height = 220,
  headingLevel: Heading = "h3",
  ...rest
}: TimeSeriesChartProps) {
  const [table, setTable] = useState(false)
  // Recharts measures the DOM: the chart is drawn in the browser, a placeholder of its height on the server.
  const mounted = useHydrated()
  const id = useId()
  const isEmpty = empty ?? isEmptySeries(data, series)
  const spanMs = data.length > 1 ? Date.parse(data.at(-1)!.at) - Date.parse(data[0]!.at) : 0

  return (
    <figure
      className="flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 bg-surface p-4 shadow-sm"
      aria-labelledby={`${id}-title`}
      data-testid={rest["data-testid"]}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <Heading id={`${id}-title`} className="text-sm font-semibold text-slate-900">
            {title}
          </Heading>
          {description ? <p className="mt-0.5 text-xs text-slate-600">{description}</p> : null}
        </div>
        {isEmpty ? null : (
          <ActionButton
            size="sm"
            variant={table ? "secondary" : "ghost"}
            aria-pressed={table}
            onClick={() => setTable((value) => !value)}
            aria-label={`Table view of ${title}`}
            data-testid="chart-table-toggle"
          >
            Table view
          </ActionButton>
        )}
      </div>
      {isEmpty ? (
        <p
          className="flex items-center justify-center rounded-lg border border-dashed border-slate-300 px-4 text-center text-sm text-slate-600"
          style={{ minHeight: height / 2 }}
          data-testid="chart-empty"
        >
          {emptyMessage}
        </p>
      ) : table ? (
        <ChartTable title={title} data={data} series={series} unit={unit} />
      ) : mounted ? (
        <div style={{ height }} className="min-w-0">
          <ResponsiveContainer width="100%" height="100%">
            {renderChart({ variant, data, series, unit, spanMs, title, description })}
          </ResponsiveContainer>
        </div>
      ) : (
        <div aria-hidden="true" style={{ height }} className="animate-pulse rounded-lg bg-slate-100" />
      )}
    </figure>
  )
}

type RenderInput = {
  variant: "line" | "area" | "bar"
  data: ChartRow[]
  series: ChartSeries[]
  unit: ChartUnit
  spanMs: number
  title: string
  description?: string
}

function renderChart({ variant, data, series, unit, spanMs, title, description }: RenderInput) {
  const common = { data, title, desc: description ?? title, margin: { top: 4, right: 8, bottom: 0, left: 0 } }
  const axes = (
    <>
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis
        dataKey="at"
        tickFormatter={(at: string) => formatTick(at, spanMs)}
        minTickGap={24}
        tick={{ fontSize: 12, fill: "#475569" }}
        stroke="#cbd5e1"
      />
      <YAxis
        tickFormatter={(value: number) => formatValue(value, unit)}
        width={unit === "bytes" ? 76 : 64}
        tick={{ fontSize: 12, fill: "#475569" }}
        stroke="#cbd5e1"
        allowDecimals={unit !== "count"}
        // A share of 0 throughout would otherwise get an axis up to 400 %.
        domain={unit === "ratio" ? [0, (max: number) => Math.min(1, Math.max(max, 0.01))] : [0, "auto"]}
      />
      <Tooltip
        labelFormatter={(at) => formatInstant(String(at))}
        formatter={(value) => formatValue(typeof value === "number" ? value : null, unit)}
      />
      {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
    </>
  )
  const colour = (i: number) => COLOURS[i % COLOURS.length]!
  const dash = (i: number) => DASHES[i % DASHES.length]
  if (variant === "bar") {
    return (
      <BarChart {...common}>
        {axes}
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={colour(i)} isAnimationActive={false} />
        ))}
      </BarChart>
    )
  }
  if (variant === "area") {
    return (
      <AreaChart {...common}>
        {axes}
        {series.map((s, i) => (
          <Area
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={colour(i)}
            strokeDasharray={dash(i)}
            fill={colour(i)}
            fillOpacity={0.12}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    )
  }
  return (
    <LineChart {...common}>
      {axes}
      {series.map((s, i) => (
        <Line
          key={s.key}
          type="monotone"
          dataKey={s.key}
          name={s.label}
          stroke={colour(i)}
          strokeDasharray={dash(i)}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  )
}

/** The same data as an accessible table, newest first. */
function ChartTable({
  title,
  data,
  series,
  unit,
}: {
  title: string
  data: ChartRow[]
  series: ChartSeries[]
  unit: ChartUnit
}) {
  const rows = [...data].reverse()
  return (
    <div
      role="region"
      aria-label={`${title}, table`}
      tabIndex={0}
      className="max-h-80 overflow-auto rounded-lg border border-slate-200"
      data-testid="chart-table"
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{title}, times in UTC</caption>
        <thead className="sticky top-0 bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 text-xs font-semibold text-slate-600">
              Time (UTC)
            </th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="px-3 py-2 text-right text-xs font-semibold text-slate-600">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.at}>
              <th scope="row" className="px-3 py-1.5 font-normal whitespace-nowrap text-slate-700 tabular-nums">
                {formatInstant(row.at)}
              </th>
              {series.map((s) => {
                const value = row[s.key]
                return (
                  <td
                    key={s.key}
                    className={cn(
                      "px-3 py-1.5 text-right whitespace-nowrap tabular-nums",
                      value === null ? "text-slate-400" : "text-slate-800",
                    )}
                  >
                    {formatValue(typeof value === "number" ? value : null, unit)}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
