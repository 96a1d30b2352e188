// Lengths of time as the pages print them. Pure: safe in client components and server code alike.

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * A duration, whole units only (rounded down): "2d 3h" from 48 hours, "5h 12m" from an hour,
 * "12m 5s" from a minute, else "45s". Negative input is read as its size.
 */
export function formatDuration(ms: number): string {
  const size = Math.abs(ms)
  if (size >= 2 * DAY) return `${Math.floor(size / DAY)}d ${Math.floor((size % DAY) / HOUR)}h`
  if (size >= HOUR) return `${Math.floor(size / HOUR)}h ${Math.floor((size % HOUR) / MINUTE)}m`
  if (size >= MINUTE) return `${Math.floor(size / MINUTE)}m ${Math.floor((size % MINUTE) / SECOND)}s`
  return `${Math.floor(size / SECOND)}s`
}

/** "0 s", "45 s", "1 min 15 s", "2 h 5 min": seconds rounded to the nearest, then whole units. */
export function formatSeconds(seconds: number): string {
  const whole = Math.round(seconds)
  if (whole < 60) return `${whole} s`
  if (whole < 3600) return `${Math.floor(whole / 60)} min${whole % 60 ? ` ${whole % 60} s` : ""}`
  const minutes = Math.round((whole % 3600) / 60)
  return `${Math.floor(whole / 3600)} h${minutes ? ` ${minutes} min` : ""}`
}

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 })
const short = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 })

/** A measured latency: "4.25 ms", "120 ms", "1.5 s", "12.3 s". */
export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${short.format(ms / 1000)} s`
  if (ms >= 1000) return `${decimal.format(ms / 1000)} s`
  return `${ms >= 10 ? integer.format(ms) : decimal.format(ms)} ms`
}
