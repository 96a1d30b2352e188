"use client"

import { useId, useState } from "react"
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { ActionButton } from "@/components/ui/action-button"
import { formatSigned } from "@/lib/feedback/format"
import { useHydrated } from "@/lib/utils/use-hydrated"

// NPS per week or month. Periods are calendar weeks or months in the reporting time zone, so the
// x axis is the period's label rather than an instant (the shared time-series chart is in UTC).
// Like that chart: an empty state, and a table view of the same figures.

export type NpsTrendPoint = { period: string; label: string; nps: number | null; responses: number }

type NpsTrendChartProps = {
  title: string
  description?: string
  points: NpsTrendPoint[]
  emptyMessage?: string
  height?: number
}

export function NpsTrendChart({
  title,
  description,
  points,
  emptyMessage = "No NPS answers in this range.",
  height = 220,
}: NpsTrendChartProps) {
  const [table, setTable] = useState(false)
  const mounted = useHydrated()
  const id = useId()
  const empty = points.every((point) => point.nps === null)

  return (
    <figure
      className="flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 bg-surface p-4 shadow-sm"
      aria-labelledby={`${id}-title`}
      data-testid="nps-trend"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
            {title}
          </h3>
          {description ? <p className="mt-0.5 text-xs text-slate-600">{description}</p> : null}
        </div>
        {empty ? null : (
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
      {empty ? (
        <p
          className="flex items-center justify-center rounded-lg border border-dashed border-slate-300 px-4 text-center text-sm text-slate-600"
          style={{ minHeight: height / 2 }}
          data-testid="chart-empty"
        >
          {emptyMessage}
        </p>
      ) : table ? (
        <TrendTable title={title} points={points} />
      ) : mounted ? (
        <div style={{ height }} className="min-w-0">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart
              data={points}
              title={title}
              desc={description ?? title}
              margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
            >
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="label" minTickGap={24} tick={{ fontSize: 12, fill: "#475569" }} stroke="#cbd5e1" />
              <YAxis
                domain={[-100, 100]}
                ticks={[-100, -50, 0, 50, 100]}
                width={48}
                tick={{ fontSize: 12, fill: "#475569" }}
                stroke="#cbd5e1"
              />
              <ReferenceLine y={0} stroke="#94a3b8" strokeDasharray="4 4" />
              <Tooltip formatter={(value) => [formatSigned(typeof value === "number" ? value : null), "NPS"]} />
              {/* connectNulls: a week without answers is a gap in the data, not a fall to 0. */}
              <Line
                type="monotone"
                dataKey="nps"
                name="NPS"
                stroke="#4f46e5"
                strokeWidth={2}
                dot={{ r: 3 }}
                connectNulls
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <div aria-hidden="true" style={{ height }} className="animate-pulse rounded-lg bg-slate-100" />
      )}
    </figure>
  )
}

/** The same figures as a table, newest first. */
function TrendTable({ title, points }: { title: string; points: NpsTrendPoint[] }) {
  return (
    <div
      role="region"
      aria-label={`${title}, table`}
      tabIndex={0}
      className="max-h-80 overflow-auto rounded-lg border border-slate-200"
      data-testid="chart-table"
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{title}</caption>
        <thead className="sticky top-0 bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 text-xs font-semibold text-slate-600">
              Period
            </th>
            <th scope="col" className="px-3 py-2 text-right text-xs font-semibold text-slate-600">
              NPS
            </th>
            <th scope="col" className="px-3 py-2 text-right text-xs font-semibold text-slate-600">
              Answers
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {[...points].reverse().map((point) => (
            <tr key={point.period}>
              <th scope="row" className="px-3 py-1.5 font-normal whitespace-nowrap text-slate-700">
                {point.label}
              </th>
              <td className="px-3 py-1.5 text-right tabular-nums text-slate-800">{formatSigned(point.nps)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums text-slate-800">{point.responses}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
