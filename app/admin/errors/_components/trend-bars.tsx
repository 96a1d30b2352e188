import { formatDateTime, formatDayMonth } from "@/lib/format/dates"
import type { TrendPoint } from "@/lib/monitoring/errors/queries"

/**
 * Occurrences per bucket as bars, no chart library needed; each bar is labelled for screen readers
 * and on hover, and the busiest bucket is full height.
 */
export function TrendBars({ points, unit, label }: { points: TrendPoint[]; unit: "hour" | "day"; label: string }) {
  const max = Math.max(1, ...points.map((point) => point.count))
  const total = points.reduce((sum, point) => sum + point.count, 0)
  const stamp = (at: Date) => (unit === "hour" ? formatDateTime(at, { year: false, to: "hour" }) : formatDayMonth(at))
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm text-slate-600">
        {label}: {total.toLocaleString("en-US")} {total === 1 ? "occurrence" : "occurrences"}
      </figcaption>
      <ol className="flex h-20 items-end gap-0.5" aria-label={label}>
        {points.map((point) => {
          const text = `${stamp(point.at)}: ${point.count}`
          return (
            <li key={point.at.toISOString()} className="flex h-full flex-1 items-end" title={text}>
              <span className="sr-only">{text}</span>
              <span
                aria-hidden="true"
                className={point.count > 0 ? "w-full rounded-t bg-red-500" : "w-full rounded-t bg-slate-200"}
                style={{ height: `${Math.max(4, (point.count / max) * 100)}%` }}
              />
            </li>
          )
        })}
      </ol>
      <div className="flex justify-between text-xs text-slate-500" aria-hidden="true">
        <span>{points[0] ? stamp(points[0].at) : ""}</span>
        <span>{points.at(-1) ? stamp(points.at(-1)!.at) : ""}</span>
      </div>
    </figure>
  )
}
