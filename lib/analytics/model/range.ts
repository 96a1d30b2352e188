import { differenceInCalendarDays } from "date-fns"
import { z } from "zod"
import { env } from "@/lib/env"
import { type DayRange, lastDays, presetSchema, rangeOfDays } from "@/lib/utils/time-range"

// The period every product report covers: whole days in the reporting time zone
// (ANALYTICS_TIME_ZONE), `from` inclusive and `to` exclusive, compared with the period of the same
// length just before it (previousPeriod, lib/utils/time-range.ts, which does the day arithmetic).

export type ProductRange = DayRange

export const PRODUCT_PRESETS = { "7d": 7, "30d": 30, "90d": 90, "365d": 365 } as const
export type ProductPreset = keyof typeof PRODUCT_PRESETS

const day = z.iso.date()

/** Query of every product report: a preset ending today, or explicit first and last days. */
export const productRangeQuerySchema = z
  .object({
    range: presetSchema(PRODUCT_PRESETS, "30d"),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((query) => (query.from === undefined) === (query.to === undefined), {
    message: "give both from and to, or neither",
    path: ["from"],
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: "from must not be after to",
    path: ["from"],
  })
  .refine(
    (query) =>
      query.from === undefined ||
      query.to === undefined ||
      differenceInCalendarDays(new Date(query.to), new Date(query.from)) < 731,
    {
      message: "at most two years",
      path: ["to"],
    },
  )

export type ProductRangeQuery = z.infer<typeof productRangeQuerySchema>

export function reportingTimeZone(): string {
  return env().ANALYTICS_TIME_ZONE
}

/** A query's range: explicit days, or the preset's last N days ending with today (in the zone). */
export function productRange(query: ProductRangeQuery, now = new Date(), timeZone = reportingTimeZone()): ProductRange {
  if (query.from && query.to) return rangeOfDays(query.from, query.to, timeZone)
  return lastDays(PRODUCT_PRESETS[query.range], now, timeZone)
}
