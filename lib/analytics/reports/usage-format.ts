import { formatSeconds } from "@/lib/format/durations"
import type { Compared } from "./usage-math"

// How the usage, traffic, geography and web-vitals sections print their figures (server and
// client alike). A missing figure is "—", never 0.

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 })
const twoDecimals = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })

export type FigureFormat = "count" | "average" | "share" | "seconds" | "cents" | "ms" | "score"

export function formatFigure(value: number | null | undefined, format: FigureFormat): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—"
  switch (format) {
    case "count":
      return integer.format(value)
    case "average":
      return oneDecimal.format(value)
    case "share":
      return `${oneDecimal.format(value * 100)} %`
    case "seconds":
      return formatSeconds(value)
    case "cents":
      return `$${twoDecimals.format(value / 100)}`
    case "ms":
      return value >= 1000 ? `${twoDecimals.format(value / 1000)} s` : `${integer.format(value)} ms`
    case "score":
      return twoDecimals.format(value)
  }
}

/**
 * The change from the previous period in words, so colour is never the only signal: "up 50 % from
 * 8", "down 2 from 4" (a share changes in points: "up 3.5 pts from 20 %"), "no change", or why
 * there is no comparison.
 */
export function formatChange(compared: Compared, format: FigureFormat): string {
  const { change, relativeChange, previous } = compared
  if (previous === null) return "nothing to compare with"
  const before = formatFigure(previous, format)
  if (change === null) return `${before} before`
  if (change === 0) return `no change from ${before}`
  const direction = change > 0 ? "up" : "down"
  if (format === "share") return `${direction} ${oneDecimal.format(Math.abs(change) * 100)} pts from ${before}`
  if (relativeChange === null) return `${direction} ${formatFigure(Math.abs(change), format)} from ${before}`
  return `${direction} ${oneDecimal.format(Math.abs(relativeChange) * 100)} % from ${before}`
}
