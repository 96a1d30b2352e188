import { formatDayMonth, formatMonth } from "@/lib/format/dates"
import { dayOf, shiftDay } from "@/lib/utils/time-range"

// The feedback figures, pure. One rounding rule for all of them: a percentage (or NPS point) to
// one decimal, halves away from zero (12.25 → 12.3, −12.25 → −12.3). One decimal because the
// samples are small: with 40 answers one person moves NPS by 2.5 points, and an integer would hide
// half of that. Nothing to measure is null, never 0: an NPS of 0 means as many promoters as
// detractors, not "no answers".

export type NpsCategory = "promoter" | "passive" | "detractor"

/** 9–10 promoter, 7–8 passive, 0–6 detractor. */
export function npsCategory(score: number): NpsCategory {
  if (!Number.isInteger(score) || score < 0 || score > 10)
    throw new RangeError(`an NPS score is an integer from 0 to 10, got ${score}`)
  if (score >= 9) return "promoter"
  if (score >= 7) return "passive"
  return "detractor"
}

/** Rounds to one decimal, halves away from zero, from a value given in tenths. */
function tenthsToOneDecimal(tenths: number): number {
  const rounded = Math.sign(tenths) * Math.round(Math.abs(tenths))
  return rounded / 10 + 0 // + 0 turns −0 into 0
}

/** `part / whole` as a percentage to one decimal; null when `whole` is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null
  // Tenths of a percent from integers first, so a true half (1/8 = 12.5 %) stays a half.
  return tenthsToOneDecimal((part * 1000) / whole)
}

export type NpsSummary = {
  responses: number
  promoters: number
  passives: number
  detractors: number
  nps: number | null
}

/** NPS = % promoters − % detractors over answered responses; a null score is a dismissal and does not count. */
export function summarizeNps(scores: readonly (number | null)[]): NpsSummary {
  const summary = { responses: 0, promoters: 0, passives: 0, detractors: 0 }
  for (const score of scores) {
    if (score === null) continue
    summary.responses += 1
    summary[`${npsCategory(score)}s`] += 1
  }
  return { ...summary, nps: percentOf(summary.promoters - summary.detractors, summary.responses) }
}

export type CsatSummary = { ratings: number; satisfied: number; csat: number | null }

/** CSAT = share of ratings 4–5 over all ratings (1–5); messages without a rating do not count. */
export function summarizeCsat(ratings: readonly (number | null)[]): CsatSummary {
  let count = 0
  let satisfied = 0
  for (const rating of ratings) {
    if (rating === null) continue
    if (!Number.isInteger(rating) || rating < 1 || rating > 5)
      throw new RangeError(`a CSAT rating is an integer from 1 to 5, got ${rating}`)
    count += 1
    if (rating >= 4) satisfied += 1
  }
  return { ratings: count, satisfied, csat: percentOf(satisfied, count) }
}

/** Current minus previous (both already rounded, so the figures shown add up); null when either is missing. */
export function changeOf(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null
  return tenthsToOneDecimal(Math.round(current * 10) - Math.round(previous * 10))
}

export type TrendUnit = "week" | "month"

/** Weeks for up to half a year, months beyond: enough answers per point to mean something. */
export function trendUnitFor(days: number): TrendUnit {
  return days <= 183 ? "week" : "month"
}

/** The first day of the week (Monday) or month that `day` (YYYY-MM-DD) belongs to. */
export function periodStart(day: string, unit: TrendUnit): string {
  if (unit === "month") return `${day.slice(0, 7)}-01`
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return shiftDay(day, -weekday)
}

function nextPeriod(start: string, unit: TrendUnit): string {
  if (unit === "week") return shiftDay(start, 7)
  const date = new Date(`${start}T00:00:00Z`)
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toISOString().slice(0, 10)
}

export type NpsTrendPoint = NpsSummary & { period: string }

/**
 * NPS per week or month of the range, in the range's time zone: every period from the one holding
 * the first day to the one holding the last, a period with no answer at null. The first and last
 * periods may be partial (only the range's days in them count).
 */
export function npsTrend(
  responses: readonly { at: Date; score: number | null }[],
  range: { firstDay: string; lastDay: string; timeZone: string },
  unit: TrendUnit,
): NpsTrendPoint[] {
  const byPeriod = new Map<string, (number | null)[]>()
  for (let start = periodStart(range.firstDay, unit); start <= range.lastDay; start = nextPeriod(start, unit))
    byPeriod.set(start, [])
  for (const response of responses) {
    const day = dayOf(response.at, range.timeZone)
    if (day < range.firstDay || day > range.lastDay) continue
    byPeriod.get(periodStart(day, unit))!.push(response.score)
  }
  return [...byPeriod].map(([period, scores]) => ({ period, ...summarizeNps(scores) }))
}

/** "Week of 2 Nov" or "Nov 2026". */
export function periodLabel(period: string, unit: TrendUnit): string {
  const date = new Date(`${period}T00:00:00Z`)
  return unit === "week" ? `Week of ${formatDayMonth(date)}` : formatMonth(date)
}
