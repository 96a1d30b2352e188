import { format } from "date-fns"

/** A machine-readable <time> with a compact, unambiguous label (24-hour clock, server time). */
export function Timestamp({ date, className }: { date: Date; className?: string }) {
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()} className={className}>
      {format(date, "d MMM yyyy, HH:mm:ss")}
    </time>
  )
}
