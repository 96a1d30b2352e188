import { TZDate } from "@date-fns/tz"
import { addDays, differenceInCalendarDays } from "date-fns"
import { z } from "zod"

// The time ranges of the staff dashboards (product analytics, feedback, operations): two instants,
// a query naming a preset, and whole calendar days in an IANA time zone. Days are calendar days, so
// a day across a DST change lasts 23 or 25 hours. No I/O and no settings: callers pass their
// presets and their zone.

/** `from` inclusive, `to` exclusive. */
export type TimeRange = { from: Date; to: Date }

/** Whole days in a time zone. */
export type DayRange = {
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

/** A query's `range`: one of the presets' names (each a length in the caller's unit), `fallback` when absent. */
export function presetSchema<Preset extends string>(
  presets: Readonly<Record<Preset, number>>,
  fallback: NoInfer<Preset>,
) {
  return z.enum(Object.keys(presets) as [Preset, ...Preset[]]).default(fallback)
}

/** The `hours` hours ending at `now`. */
export function lastHours(hours: number, now = new Date()): TimeRange {
  return { from: new Date(now.getTime() - hours * 3_600_000), to: now }
}

/** The `days` days ending with the day of `now` in the time zone. */
export function lastDays(days: number, now: Date, timeZone: string): DayRange {
  const today = dayOf(now, timeZone)
  return rangeOfDays(shiftDay(today, 1 - days), today, timeZone)
}

/** The days [firstDay, lastDay] in the time zone. */
export function rangeOfDays(firstDay: string, lastDay: string, timeZone: string): DayRange {
  const from = dayStart(firstDay, timeZone)
  const to = dayStart(shiftDay(lastDay, 1), timeZone)
  return {
    from,
    to,
    timeZone,
    firstDay,
    lastDay,
    days: differenceInCalendarDays(new Date(lastDay), new Date(firstDay)) + 1,
  }
}

/** The same number of days ending the day before `range` starts. */
export function previousPeriod(range: DayRange): DayRange {
  return rangeOfDays(shiftDay(range.firstDay, -range.days), shiftDay(range.firstDay, -1), range.timeZone)
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the time zone. */
export function dayOf(instant: Date, timeZone: string): string {
  const zoned = new TZDate(instant.getTime(), timeZone)
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`
}

/** The first instant of a calendar day in the time zone. */
export function dayStart(isoDay: string, timeZone: string): Date {
  const [year, month, date] = isoDay.split("-").map(Number)
  return new Date(new TZDate(year, month - 1, date, timeZone).getTime())
}

/** The day `days` days after `isoDay` (before, when negative). */
export function shiftDay(isoDay: string, days: number): string {
  return addDays(new Date(`${isoDay}T00:00:00Z`), days)
    .toISOString()
    .slice(0, 10)
}

function pad(value: number): string {
  return String(value).padStart(2, "0")
}
