import { formatDate, formatDateTime } from "@/lib/format/dates"

const FORMATS = { date: formatDate, time: formatDateTime } as const

/** A date or instant in a table cell, in UTC; the full ISO instant on hover. A null shows a dash. */
export function When({ date, as = "time" }: { date: Date | null; as?: keyof typeof FORMATS }) {
  if (!date) return <span className="text-slate-500">—</span>
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()} className="whitespace-nowrap tabular-nums">
      {FORMATS[as](date)}
    </time>
  )
}
