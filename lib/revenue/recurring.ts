// What a subscription really pays per month, from Polar's own figures. Pure, no I/O.

export type RecurringInterval = "day" | "week" | "month" | "year"

/** A discount as Polar describes it on a subscription. */
export type RecurringDiscount = {
  id: string
  /** once: the first invoice only; repeating: `months` months from when it was applied; forever. */
  duration: "once" | "repeating" | "forever"
  months: number | null
} & ({ type: "percentage"; basisPoints: number } | { type: "fixed"; amountCents: number; currency: string })

/** Months per interval as a fraction num/den, so a monthly figure is rounded once, from integers. */
const MONTHS_PER_INTERVAL: Record<RecurringInterval, { num: number; den: number }> = {
  day: { num: 12, den: 365 },
  week: { num: 12, den: 52 },
  month: { num: 1, den: 1 },
  year: { num: 12, den: 1 },
}

/** `num / den` rounded half up, for non-negative integers. */
export function roundHalfUp(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den))
}

/**
 * The amount of one invoice after a discount that applies: a percentage rounded half up to the cent
 * (19900 at 15% = 2985 off), a fixed amount in the subscription's currency, never below zero. A
 * fixed discount in another currency cannot apply.
 */
export function discountedAmountCents(
  amountCents: number,
  currency: string,
  discount: RecurringDiscount | null,
): number {
  if (!discount) return amountCents
  if (discount.type === "percentage") return amountCents - roundHalfUp(amountCents * discount.basisPoints, 10_000)
  if (discount.currency.toLowerCase() !== currency.toLowerCase()) return amountCents
  return Math.max(0, amountCents - discount.amountCents)
}

/**
 * MRR of a recurring amount charged every `count` intervals: a year counts as 12 months, a week as
 * 12/52 of a month, a day as 12/365; rounded half up once (19900 a year = 1658.33 → 1658).
 */
export function monthlyCents(amountCents: number, interval: RecurringInterval, count = 1): number {
  if (!Number.isInteger(amountCents) || amountCents < 0)
    throw new RangeError(`amountCents must be a non-negative integer, got ${amountCents}`)
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`)
  const { num, den } = MONTHS_PER_INTERVAL[interval]
  // amount per `count × interval` = amount × den / (num × count) per month
  return roundHalfUp(amountCents * den, num * count)
}

/**
 * Whether a discount lowers the recurring amount at `at`: a once discount is a cut of the first
 * invoice, never of the recurring amount; a repeating one until `stopsAt` (discountStopsAt); a
 * forever one as long as the subscription carries it.
 */
export function discountAppliesAt(discount: RecurringDiscount, stopsAt: Date | null, at: Date): boolean {
  if (discount.duration === "once") return false
  if (discount.duration === "forever") return true
  return stopsAt !== null && at.getTime() < stopsAt.getTime()
}

/**
 * When a repeating discount stops lowering MRR: it covers the invoices of the `months` calendar
 * months after it was applied, so the first full-price invoice is the first billing period that
 * starts at or after then. A monthly plan's discount of 2 months from Jan 15 stops on Mar 15; a
 * yearly plan's discount of 3 months covers the whole first year's invoice and stops at the renewal.
 */
export function discountStopsAt(
  discount: RecurringDiscount,
  appliedAt: Date,
  period: { start: Date; interval: RecurringInterval; count: number },
): Date | null {
  if (discount.duration !== "repeating") return null
  const end = addUtcMonths(appliedAt, discount.months ?? 0)
  const boundary = (k: number) => addInterval(period.start, period.interval, k * period.count)
  // The period start may lie before or after the end: step to the first boundary at or after it.
  let k = 0
  while (boundary(k).getTime() < end.getTime()) k += 1
  while (k > -10_000 && boundary(k - 1).getTime() >= end.getTime()) k -= 1
  return boundary(k)
}

function addInterval(date: Date, interval: RecurringInterval, units: number): Date {
  if (interval === "day") return new Date(date.getTime() + units * 86_400_000)
  if (interval === "week") return new Date(date.getTime() + units * 7 * 86_400_000)
  return addUtcMonths(date, interval === "year" ? 12 * units : units)
}

/** `months` calendar months later (UTC), on the same day clamped to the month's end (Jan 31 + 1 = Feb 28). */
export function addUtcMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay))
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds())
  return target
}
