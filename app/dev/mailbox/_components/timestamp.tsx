import { formatDateTime } from "@/lib/format/dates"

/** A machine-readable <time> with a compact, unambiguous label (24-hour clock, UTC). */
export function Timestamp({ date, className }: { date: Date; className?: string }) {
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()} className={className}>
      {formatDateTime(date, { to: "second" })}
    </time>
  )
}
