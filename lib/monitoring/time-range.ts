import { z } from "zod"
import { lastHours, presetSchema, type TimeRange } from "@/lib/utils/time-range"

// The time ranges the operations dashboard and its JSON endpoints offer: the last hour up to the
// last 90 days, ending now (the arithmetic is lib/utils/time-range.ts, shared with the product and
// feedback reports).

export const RANGE_PRESETS = { "1h": 1, "6h": 6, "24h": 24, "7d": 7 * 24, "30d": 30 * 24, "90d": 90 * 24 } as const
export type RangePreset = keyof typeof RANGE_PRESETS

export const rangeQuerySchema = z.object({
  range: presetSchema(RANGE_PRESETS, "24h"),
})

export function presetRange(preset: RangePreset, now = new Date()): TimeRange {
  return lastHours(RANGE_PRESETS[preset], now)
}
