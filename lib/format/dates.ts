// Dates and instants as the pages print them: in UTC unless the caller names a zone (an IANA name
// such as "Europe/Berlin"), so a server render and the browser agree and staff read the logs' clock.
// Pure: safe in client components, server code and email templates alike.
// Short month names are English's three letters everywhere ("Sep", never "Sept").

export type DateOptions = {
  /** An IANA time zone; UTC when left out. */
  zone?: string
}

export type ClockOptions = DateOptions & {
  /** How fine the clock reads: "14:00" (the hour), "14:05" (the default) or "14:05:09". */
  to?: "hour" | "minute" | "second"
  /** Append the zone's name: "14:05 UTC". */
  showZone?: boolean
}

const UTC = "UTC"

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let found = formatters.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options)
    formatters.set(key, found)
  }
  return found
}

const monthNames = new Map<string, string[]>()

function monthName(month: number, locale: string, width: "short" | "long"): string {
  const key = `${locale}|${width}`
  let names = monthNames.get(key)
  if (!names) {
    const name = formatter(locale, { month: width, timeZone: UTC })
    names = Array.from({ length: 12 }, (_, index) => name.format(Date.UTC(2000, index, 15)))
    monthNames.set(key, names)
  }
  return names[month - 1]!
}

type Fields = { year: string; month: number; day: string; hour: string; minute: string; second: string }

/** The calendar and clock fields of an instant in a zone; day unpadded, the rest as printed. */
function fieldsOf(date: Date, zone: string): Fields {
  const parts = formatter("en-US", {
    timeZone: zone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date)
  const field = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)!.value
  return {
    year: field("year"),
    month: Number(field("month")),
    day: field("day"),
    hour: field("hour"),
    minute: field("minute"),
    second: field("second"),
  }
}

const shortMonth = (fields: Fields) => monthName(fields.month, "en-US", "short")
const zoneSuffix = (options: ClockOptions) => (options.showZone ? ` ${options.zone ?? UTC}` : "")

const isoDayOf = (fields: Fields) =>
  `${fields.year}-${String(fields.month).padStart(2, "0")}-${fields.day.padStart(2, "0")}`

function clockOf(fields: Fields, options: ClockOptions): string {
  const to = options.to ?? "minute"
  if (to === "hour") return `${fields.hour}:00`
  return to === "second" ? `${fields.hour}:${fields.minute}:${fields.second}` : `${fields.hour}:${fields.minute}`
}

/** "5 Mar 2026". */
export function formatDate(date: Date, options: DateOptions = {}): string {
  const fields = fieldsOf(date, options.zone ?? UTC)
  return `${fields.day} ${shortMonth(fields)} ${fields.year}`
}

/** "5 Mar". */
export function formatDayMonth(date: Date, options: DateOptions = {}): string {
  const fields = fieldsOf(date, options.zone ?? UTC)
  return `${fields.day} ${shortMonth(fields)}`
}

/** "Mar 2026", or "March 2026" with `long`. */
export function formatMonth(date: Date, options: DateOptions & { long?: boolean } = {}): string {
  const fields = fieldsOf(date, options.zone ?? UTC)
  const name = options.long ? monthName(fields.month, "en-US", "long") : shortMonth(fields)
  return `${name} ${fields.year}`
}

/** "14:05" on a 24-hour clock; "14:00" to the hour, "14:05:09" to the second. */
export function formatClock(date: Date, options: ClockOptions = {}): string {
  return `${clockOf(fieldsOf(date, options.zone ?? UTC), options)}${zoneSuffix(options)}`
}

/** "5 Mar 2026, 14:05" (the clock as in formatClock); "5 Mar, 14:05" without the year. */
export function formatDateTime(date: Date, options: ClockOptions & { year?: boolean } = {}): string {
  const fields = fieldsOf(date, options.zone ?? UTC)
  const day =
    options.year === false
      ? `${fields.day} ${shortMonth(fields)}`
      : `${fields.day} ${shortMonth(fields)} ${fields.year}`
  return `${day}, ${clockOf(fields, options)}${zoneSuffix(options)}`
}

/** "March 5, 2026": how dates read to subscribers, on the site and in email. */
export function formatLongDate(date: Date, options: Pick<DateOptions, "zone"> = {}): string {
  return formatter("en-US", { dateStyle: "long", timeZone: options.zone ?? UTC }).format(date)
}

/** "March 5, 2026 at 2:30 PM" (12-hour clock), with `showZone` "… PM UTC". */
export function formatLongDateTime(date: Date, options: Pick<ClockOptions, "zone" | "showZone"> = {}): string {
  return `${formatter("en-US", { dateStyle: "long", timeStyle: "short", timeZone: options.zone ?? UTC }).format(date)}${zoneSuffix(options)}`
}

/** "2026-03-05": the ISO calendar day. */
export function formatIsoDay(date: Date, options: Pick<DateOptions, "zone"> = {}): string {
  return isoDayOf(fieldsOf(date, options.zone ?? UTC))
}

/** "2026-03-05 14:30": the ISO day and the clock to the minute. */
export function formatIsoMinute(date: Date, options: Pick<DateOptions, "zone"> = {}): string {
  const fields = fieldsOf(date, options.zone ?? UTC)
  return `${isoDayOf(fields)} ${fields.hour}:${fields.minute}`
}
