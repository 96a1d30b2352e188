import { format } from "date-fns"

const FORMATS = { date: "d MMM yyyy", time: "d MMM yyyy, HH:mm" } as const

/** A date or instant in a table cell; the full ISO instant on hover. A null shows a dash. */
export function When({ date, as = "time" }: { date: Date | null; as?: keyof typeof FORMATS }) {
  if (!date) return <span className="text-slate-500">—</span>
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()} className="whitespace-nowrap tabular-nums">
      {format(date, FORMATS[as])}
    </time>
  )
}
