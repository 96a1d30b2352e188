// Calendar arithmetic in UTC. date-fns' addMonths works in the process's local zone, which would make
// the demo business depend on the TZ of the machine that seeds it.

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS

/** `date` plus `months` calendar months in UTC; the day is clamped to the month's end (Jan 31 + 1 → Feb 28/29). */
export function addUtcMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth() + months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(date.getUTCDate(), lastDay),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  )
}

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms)
}

/** The start of the current UTC hour: two seeds within one hour produce the same business. */
export function startOfUtcHour(date: Date = new Date()): Date {
  return new Date(Math.floor(date.getTime() / HOUR_MS) * HOUR_MS)
}
