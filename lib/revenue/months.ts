// Calendar months in UTC, written "YYYY-MM": the unit of every revenue figure.

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** The instant a month starts: its first day at 00:00 UTC. */
export function monthStart(month: string): Date {
  const match = MONTH.exec(month)
  if (!match) throw new RangeError(`a month is written YYYY-MM, got "${month}"`)
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))
}

/** The month an instant falls in, in UTC. */
export function monthOf(instant: Date): string {
  return `${instant.getUTCFullYear()}-${String(instant.getUTCMonth() + 1).padStart(2, "0")}`
}

/** The month `count` months after `month` (before, when negative). */
export function addMonths(month: string, count: number): string {
  const start = monthStart(month)
  return monthOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + count, 1)))
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  const end = monthStart(to).getTime()
  for (let month = from; monthStart(month).getTime() <= end; month = addMonths(month, 1)) months.push(month)
  return months
}
