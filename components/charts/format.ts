import { formatClock as formatClockOfDay, formatDayMonth } from "@/lib/format/dates"
import { formatMs } from "@/lib/format/durations"

// Formatting shared by the monitoring charts (client) and the pages around them (server). Times are
// shown in UTC on both sides (lib/format), so a server render and the browser agree and staff in
// different zones read the same clock as the logs.

/** What a series measures: a plain count, a rate per second, a 0–1 ratio, a 0–100 percentage, milliseconds or bytes. */
export type ChartUnit = "count" | "rate" | "ratio" | "percent" | "ms" | "bytes"

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 })
const short = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 })

export function formatValue(value: number | null | undefined, unit: ChartUnit): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—"
  switch (unit) {
    case "count":
      return integer.format(value)
    case "rate":
      // A quiet route's rate reads better per minute than as "0/s".
      return value > 0 && value < 0.1 ? `${decimal.format(value * 60)}/min` : `${decimal.format(value)}/s`
    case "ratio":
      return `${short.format(value * 100)} %`
    case "percent":
      return `${short.format(value)} %`
    case "ms":
      return formatMs(value)
    case "bytes":
      return formatBytes(value)
  }
}

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB"] as const

export function formatBytes(bytes: number): string {
  let value = bytes
  let unit = 0
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${unit === 0 || Math.abs(value) >= 100 ? integer.format(value) : short.format(value)} ${BYTE_UNITS[unit]}`
}

/** An axis tick: "14:05" for ranges up to two days, "3 Nov" beyond. */
export function formatTick(at: string | Date, spanMs: number): string {
  const date = new Date(at)
  return spanMs <= 2 * 86_400_000 ? formatClockOfDay(date) : formatDayMonth(date)
}

/** A full instant for tables and tooltips: "3 Nov 14:05 UTC". */
export function formatInstant(at: string | Date): string {
  const date = new Date(at)
  return `${formatDayMonth(date)} ${formatClockOfDay(date, { showZone: true })}`
}

/** "14:05:09 UTC". */
export function formatClock(at: string | Date): string {
  return formatClockOfDay(new Date(at), { to: "second", showZone: true })
}
