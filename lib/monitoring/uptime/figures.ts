import type { TimeRange } from "@/lib/utils/time-range"

// Uptime is counted in minutes: each component is probed once a minute, and its uptime over a
// window is the minutes it was up divided by the minutes it was observed. A minute with no
// observation (the prober itself was down, or the component was not configured) counts neither
// way, and a window with no observation at all has no uptime ("no data"), never 100 %.

export const UPTIME_WINDOWS = [
  { key: "24h", label: "24 hours", days: 1 },
  { key: "7d", label: "7 days", days: 7 },
  { key: "30d", label: "30 days", days: 30 },
  { key: "90d", label: "90 days", days: 90 },
] as const

export type UptimeWindowKey = (typeof UPTIME_WINDOWS)[number]["key"]

export type UptimeFigure = {
  /** Minutes with an observation in the window. */
  observed: number
  /** Of those, minutes the component was up. */
  up: number
  /** up / observed, from 0 to 1; null when nothing was observed. */
  ratio: number | null
}

export function uptimeFigure(up: number, observed: number): UptimeFigure {
  if (!Number.isInteger(up) || !Number.isInteger(observed) || up < 0 || up > observed)
    throw new Error(`invalid uptime counts: ${up} up of ${observed}`)
  return { observed, up, ratio: observed === 0 ? null : up / observed }
}

/** Where each window starts, counting back whole days from `now`: a window holds the minutes after its start, so 24 h holds at most 1,440. */
export function windowStarts(now: Date): Record<UptimeWindowKey, Date> {
  return Object.fromEntries(
    UPTIME_WINDOWS.map((w) => [w.key, new Date(now.getTime() - w.days * 86_400_000)]),
  ) as Record<UptimeWindowKey, Date>
}

/** "99.93 %", or "no data". Never rounds a ratio below 1 up to 100 %. */
export function formatUptime(ratio: number | null): string {
  if (ratio === null) return "no data"
  const percent = Math.floor(ratio * 10_000) / 100
  return `${percent.toFixed(2)} %`
}

export type { TimeRange }

/**
 * Splits the minutes in [from, to) into whole units (hours) that have settled — ended before
 * `settledBefore`, so no probe will still write into them — and the partial or recent ranges
 * either side, which are counted live. Settled units can be cached; nothing else may be.
 */
export function splitRange(
  range: TimeRange,
  settledBefore: Date,
  unitMs = 3_600_000,
): { settled: TimeRange | null; live: TimeRange[] } {
  const from = range.from.getTime()
  const to = range.to.getTime()
  if (to <= from) return { settled: null, live: [] }
  const first = Math.ceil(from / unitMs) * unitMs
  const last = Math.floor(Math.min(to, settledBefore.getTime()) / unitMs) * unitMs
  if (first >= last) return { settled: null, live: [{ from: range.from, to: range.to }] }
  const live = [
    ...(from < first ? [{ from: range.from, to: new Date(first) }] : []),
    ...(last < to ? [{ from: new Date(last), to: range.to }] : []),
  ]
  return { settled: { from: new Date(first), to: new Date(last) }, live }
}
