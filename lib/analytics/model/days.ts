import { Prisma } from "@/generated/prisma/client"
import { shiftDay } from "@/lib/utils/time-range"

// Days of the reporting zone as the stages share them: in SQL (what a rollup stores a row under and
// a report reads it by) and as calendar months for the rollups kept by month. Dates themselves
// (dayOf, dayStart, shiftDay) are lib/utils/time-range.ts.

/** The reporting-zone day of a timestamptz, and the first instant of a day, whatever the session's zone. */
export const dayOfAt = (timeZone: string, at: Prisma.Sql) => Prisma.sql`((${at}) AT TIME ZONE ${timeZone})::date`
export const dayStartOf = (timeZone: string, day: Prisma.Sql) =>
  Prisma.sql`((${day})::timestamp AT TIME ZONE ${timeZone})`

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
export function wholeMonths(
  firstDay: string,
  lastDay: string,
): { months: { first: string; last: string } | null; days: { first: string; last: string }[] } {
  const start = firstDay === monthOf(firstDay) ? firstDay : nextMonth(firstDay)
  const end = monthOf(shiftDay(lastDay, 1)) // the first day after the last whole month
  if (start >= end) return { months: null, days: firstDay <= lastDay ? [{ first: firstDay, last: lastDay }] : [] }
  const days = [
    ...(firstDay < start ? [{ first: firstDay, last: shiftDay(start, -1) }] : []),
    ...(end <= lastDay ? [{ first: end, last: lastDay }] : []),
  ]
  return { months: { first: start, last: monthOf(shiftDay(end, -1)) }, days }
}
