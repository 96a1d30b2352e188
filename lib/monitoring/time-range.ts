import { z } from "zod"
import type { TimeRange } from "./uptime"

// The time ranges the operations dashboard and its JSON endpoints offer: the last hour up to the
// last 90 days, ending now.

export const RANGE_PRESETS = { "1h": 1, "6h": 6, "24h": 24, "7d": 7 * 24, "30d": 30 * 24, "90d": 90 * 24 } as const
export type RangePreset = keyof typeof RANGE_PRESETS

export const rangeQuerySchema = z.object({
  range: z.enum(Object.keys(RANGE_PRESETS) as [RangePreset, ...RangePreset[]]).default("24h"),
})

export function presetRange(preset: RangePreset, now = new Date()): TimeRange {
  return { from: new Date(now.getTime() - RANGE_PRESETS[preset] * 3_600_000), to: now }
}
