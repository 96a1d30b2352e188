// The dimensions of analytics_hourly and analytics_daily (lib/analytics/rollups/recompute.ts writes
// them; the reports read them and count their raw tail the same way).

/** The value stored for a dimension the event does not have (no referrer = direct, no country, ...). */
export const NONE = "(none)"

/** Dimensions of analytics_hourly and analytics_daily besides the total ("" / ""). */
export const ROLLUP_DIMENSIONS = [
  "path",
  "referrer",
  "utm_source",
  "utm_campaign",
  "country",
  "device",
  "browser",
  "feature",
] as const
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number]
