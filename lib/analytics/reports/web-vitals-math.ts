import type { VitalMetric } from "@/lib/analytics/model/web-vitals"

// Percentiles and ratings of Core Web Vitals, no I/O. The query computes the same percentile in SQL
// (percentile_cont); this is the definition it is tested against.

export type VitalRating = "good" | "needs-improvement" | "poor"

/**
 * The p-th percentile (0 ≤ p ≤ 1) by linear interpolation between closest ranks, as PostgreSQL's
 * percentile_cont and the "R-7" / spreadsheet PERCENTILE.INC definition: with the values sorted
 * x[0] ≤ … ≤ x[n-1], h = (n - 1)·p and the answer is x[⌊h⌋] + (h - ⌊h⌋)·(x[⌊h⌋+1] - x[⌊h⌋]).
 * Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be within [0, 1], got ${p}`)
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const h = (sorted.length - 1) * p
  const low = Math.floor(h)
  const high = Math.min(low + 1, sorted.length - 1)
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!)
}

/** Google's thresholds (web.dev/vitals): at or below "good" is good, above "poor" is poor. LCP and INP in ms, CLS unitless. */
export const VITAL_THRESHOLDS: Record<VitalMetric, { good: number; poor: number }> = {
  LCP: { good: 2500, poor: 4000 },
  INP: { good: 200, poor: 500 },
  CLS: { good: 0.1, poor: 0.25 },
}

export function rateVital(metric: VitalMetric, value: number): VitalRating {
  const { good, poor } = VITAL_THRESHOLDS[metric]
  if (value <= good) return "good"
  return value <= poor ? "needs-improvement" : "poor"
}

/** LCP and INP are milliseconds; CLS is a unitless layout-shift score. */
export function vitalUnit(metric: VitalMetric): "ms" | "score" {
  return metric === "CLS" ? "score" : "ms"
}
