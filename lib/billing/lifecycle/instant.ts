// Polar's timestamps carry microseconds; a JavaScript Date keeps milliseconds. Two states of one
// subscription a few microseconds apart must still be told apart in Polar's order, so instants are
// also kept as ISO text with exactly six fractional digits, which sorts as text in time order.

const MICROS = Symbol("micros")
type WithMicros = Date & { [MICROS]?: string }

/** A Date for `iso` that remembers its microseconds (the 4th to 6th fractional digits). */
export function preciseDate(iso: string): Date {
  const date: WithMicros = new Date(iso)
  const fraction = /\.(\d+)/.exec(iso)?.[1] ?? ""
  const micros = fraction.padEnd(6, "0").slice(3, 6)
  if (micros !== "000") date[MICROS] = micros
  return date
}

/** `2025-01-01T09:00:17.123458Z`: six fractional digits, from a Date made by preciseDate or any Date. */
export function preciseIso(date: Date): string {
  return date.toISOString().replace(/Z$/, `${(date as WithMicros)[MICROS] ?? "000"}Z`)
}

/** The same for an ISO text with any number of fractional digits and any offset (PostgreSQL's JSON, say). */
export function normalizeIso(iso: string): string {
  return preciseIso(preciseDate(iso))
}
