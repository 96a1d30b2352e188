import { TZDate } from "@date-fns/tz"
import { addDays, differenceInCalendarDays } from "date-fns"
import { z } from "zod"
import { env } from "@/lib/env"

// The period every product report covers: whole days in the reporting time zone
// (ANALYTICS_TIME_ZONE), `from` inclusive and `to` exclusive, compared with the period of the same
// length just before it. Days are calendar days, so a day across a DST change lasts 23 or 25 hours.

export type ProductRange = {
  /** The first instant of the first day. */
  from: Date
  /** The first instant after the last day. */
  to: Date
  timeZone: string
  /** The first and last day, YYYY-MM-DD in the time zone. */
  firstDay: string
  lastDay: string
  days: number
}

export const PRODUCT_PRESETS = { "7d": 7, "30d": 30, "90d": 90, "365d": 365 } as const
export type ProductPreset = keyof typeof PRODUCT_PRESETS

const day = z.iso.date()

/** Query of every product report: a preset ending today, or explicit first and last days. */
export const productRangeQuerySchema = z
  .object({
    range: z.enum(Object.keys(PRODUCT_PRESETS) as [ProductPreset, ...ProductPreset[]]).default("30d"),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((query) => (query.from === undefined) === (query.to === undefined), { message: "give both from and to, or neither", path: ["from"] })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, { message: "from must not be after to", path: ["from"] })
  .refine((query) => query.from === undefined || query.to === undefined || differenceInCalendarDays(new Date(query.to), new Date(query.from)) < 731, {
    message: "at most two years",
    path: ["to"],
  })

export type ProductRangeQuery = z.infer<typeof productRangeQuerySchema>

export function reportingTimeZone(): string {
  return env().ANALYTICS_TIME_ZONE
}

/** The days [firstDay, lastDay] in the time zone. */
export function rangeOfDays(firstDay: string, lastDay: string, timeZone = reportingTimeZone()): ProductRange {
  const from = dayStart(firstDay, timeZone)
  const to = dayStart(nextDay(lastDay), timeZone)
  return { from, to, timeZone, firstDay, lastDay, days: differenceInCalendarDays(new Date(lastDay), new Date(firstDay)) + 1 }
}

/** A query's range: explicit days, or the preset's last N days ending with today (in the zone). */
export function productRange(query: ProductRangeQuery, now = new Date(), timeZone = reportingTimeZone()): ProductRange {
  if (query.from && query.to) return rangeOfDays(query.from, query.to, timeZone)
  const today = dayOf(now, timeZone)
  return rangeOfDays(shiftDay(today, 1 - PRODUCT_PRESETS[query.range]), today, timeZone)
}

/** The same number of days ending the day before `range` starts. */
export function previousPeriod(range: ProductRange): ProductRange {
  return rangeOfDays(shiftDay(range.firstDay, -range.days), shiftDay(range.firstDay, -1), range.timeZone)
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the time zone. */
export function dayOf(instant: Date, timeZone = reportingTimeZone()): string {
  const zoned = new TZDate(instant.getTime(), timeZone)
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`
}

/** The first instant of a calendar day in the time zone. */
export function dayStart(isoDay: string, timeZone = reportingTimeZone()): Date {
  const [year, month, date] = isoDay.split("-").map(Number)
  return new Date(new TZDate(year, month - 1, date, timeZone).getTime())
}

export function shiftDay(isoDay: string, days: number): string {
  return addDays(new Date(`${isoDay}T00:00:00Z`), days).toISOString().slice(0, 10)
}

function nextDay(isoDay: string): string {
  return shiftDay(isoDay, 1)
}

function pad(value: number): string {
  return String(value).padStart(2, "0")
}

/** The first day of the month of `isoDay`. */
function monthOf(isoDay: string): string {
  return `${isoDay.slice(0, 7)}-01`
}

/** The first day of the month after the one of `isoDay`. */
function nextMonth(isoDay: string): string {
  const [year, month] = isoDay.split("-").map(Number)
  return month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`
}

/**
 * Days firstDay … lastDay as the calendar months wholly inside them (first days of the first and
 * last such month) and the days left at either end, for rollups kept by day and by month.
 */
export function wholeMonths(firstDay: string, lastDay: string): { months: { first: string; last: string } | null; days: { first: string; last: string }[] } {
  const start = firstDay === monthOf(firstDay) ? firstDay : nextMonth(firstDay)
  const end = monthOf(shiftDay(lastDay, 1)) // the first day after the last whole month
  if (start >= end) return { months: null, days: firstDay <= lastDay ? [{ first: firstDay, last: lastDay }] : [] }
  const days = [
    ...(firstDay < start ? [{ first: firstDay, last: shiftDay(start, -1) }] : []),
    ...(end <= lastDay ? [{ first: end, last: lastDay }] : []),
  ]
  return { months: { first: start, last: monthOf(shiftDay(end, -1)) }, days }
}
