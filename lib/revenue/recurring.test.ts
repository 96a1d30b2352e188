import { describe, expect, test } from "vitest"
import {
  discountAppliesAt,
  discountedAmountCents,
  discountStopsAt,
  monthlyCents,
  type RecurringDiscount,
  roundHalfUp,
} from "./recurring"

const at = (iso: string) => new Date(iso)

const percent = (
  basisPoints: number,
  duration: RecurringDiscount["duration"] = "forever",
  months: number | null = null,
): RecurringDiscount => ({
  id: "disc_pct",
  type: "percentage",
  basisPoints,
  duration,
  months,
})
const fixed = (
  amountCents: number,
  currency: string,
  duration: RecurringDiscount["duration"] = "forever",
  months: number | null = null,
): RecurringDiscount => ({
  id: "disc_fixed",
  type: "fixed",
  amountCents,
  currency,
  duration,
  months,
})

describe("roundHalfUp", () => {
  test("below half rounds down, half and above round up", () => {
    expect(roundHalfUp(1205, 12)).toBe(100) // 100.416…
    expect(roundHalfUp(1206, 12)).toBe(101) // 100.5
    expect(roundHalfUp(1194, 12)).toBe(100) // 99.5
    expect(roundHalfUp(1193, 12)).toBe(99) // 99.416…
    expect(roundHalfUp(0, 12)).toBe(0)
  })
})

describe("monthlyCents", () => {
  test("a monthly amount is its own MRR; a free one has none", () => {
    expect(monthlyCents(1999, "month")).toBe(1999)
    expect(monthlyCents(4900, "month", 1)).toBe(4900)
    expect(monthlyCents(0, "month")).toBe(0)
  })

  test("a year is 12 months, rounded half up once: 19900 / 12 = 1658.33 → 1658", () => {
    expect(monthlyCents(19900, "year")).toBe(1658)
  })

  test("half a cent rounds up, less rounds down: 1206 / 12 = 100.5 → 101, 1194 / 12 = 99.5 → 100, 1205 / 12 = 100.42 → 100", () => {
    expect(monthlyCents(1206, "year")).toBe(101)
    expect(monthlyCents(1194, "year")).toBe(100)
    expect(monthlyCents(1205, "year")).toBe(100)
  })

  test("a week is 12/52 of a month: 500 a week = 500 × 52 / 12 = 2166.67 → 2167", () => {
    expect(monthlyCents(500, "week")).toBe(2167)
    expect(monthlyCents(300, "week")).toBe(1300) // 300 × 52 / 12 = 1300 exactly
  })

  test("a day is 12/365 of a month: 100 a day = 100 × 365 / 12 = 3041.67 → 3042; 6 a day = 182.5 → 183", () => {
    expect(monthlyCents(100, "day")).toBe(3042)
    expect(monthlyCents(6, "day")).toBe(183)
  })

  test("an interval count divides before the single rounding", () => {
    expect(monthlyCents(2999, "month", 3)).toBe(1000) // every 3 months: 2999 / 3 = 999.67 → 1000
    expect(monthlyCents(5997, "month", 3)).toBe(1999) // 5997 / 3 = 1999 exactly
    expect(monthlyCents(19900, "year", 2)).toBe(829) // every 2 years: 19900 / 24 = 829.17 → 829
    expect(monthlyCents(1000, "week", 2)).toBe(2167) // every 2 weeks: 1000 × 52 / 24 = 2166.67 → 2167
    expect(monthlyCents(1206, "year", 1)).toBe(101) // the default count is 1: 100.5 → 101
  })

  test("negative or fractional amounts and counts below 1 or fractional are refused", () => {
    expect(() => monthlyCents(-1, "month")).toThrow(RangeError)
    expect(() => monthlyCents(19.99, "month")).toThrow(RangeError)
    expect(() => monthlyCents(Number.NaN, "month")).toThrow(RangeError)
    expect(() => monthlyCents(1999, "month", 0)).toThrow(RangeError)
    expect(() => monthlyCents(1999, "month", -1)).toThrow(RangeError)
    expect(() => monthlyCents(1999, "month", 1.5)).toThrow(RangeError)
  })
})

describe("discountedAmountCents", () => {
  test("no discount leaves the amount", () => {
    expect(discountedAmountCents(1999, "usd", null)).toBe(1999)
  })

  test("a percentage comes off rounded half up to the cent", () => {
    expect(discountedAmountCents(19900, "usd", percent(1500))).toBe(16915) // 19900 × 15% = 2985 off
    expect(discountedAmountCents(1999, "usd", percent(3333))).toBe(1333) // 1999 × 33.33% = 666.27 → 666 off
    expect(discountedAmountCents(1999, "usd", percent(2000))).toBe(1599) // 1999 × 20% = 399.8 → 400 off
    expect(discountedAmountCents(1999, "usd", percent(5000))).toBe(999) // 1999 × 50% = 999.5 → 1000 off
    expect(discountedAmountCents(3, "usd", percent(5000))).toBe(1) // 1.5 → 2 off
  })

  test("0% takes nothing off and 100% takes everything", () => {
    expect(discountedAmountCents(1999, "usd", percent(0))).toBe(1999)
    expect(discountedAmountCents(1999, "usd", percent(10_000))).toBe(0)
  })

  test("a fixed amount comes off in the same currency, whatever its case", () => {
    expect(discountedAmountCents(1999, "usd", fixed(500, "usd"))).toBe(1499) // 1999 − 500
    expect(discountedAmountCents(1999, "usd", fixed(500, "USD"))).toBe(1499)
    expect(discountedAmountCents(1999, "EUR", fixed(300, "eur"))).toBe(1699) // 1999 − 300
  })

  test("a fixed amount in another currency cannot apply", () => {
    expect(discountedAmountCents(1999, "usd", fixed(500, "eur"))).toBe(1999)
  })

  test("a fixed amount larger than the price stops at zero", () => {
    expect(discountedAmountCents(1999, "usd", fixed(2500, "usd"))).toBe(0) // not 1999 − 2500 = −501
    expect(discountedAmountCents(1999, "usd", fixed(1999, "usd"))).toBe(0)
  })
})

describe("discountAppliesAt / discountStopsAt", () => {
  const applied = at("2026-01-31T10:00:00Z")
  const monthly = (start: Date) => ({ start, interval: "month" as const, count: 1 })

  test("a once discount cuts the first invoice only, never the recurring amount, and has no end", () => {
    expect(discountAppliesAt(percent(5000, "once"), null, applied)).toBe(false)
    expect(discountAppliesAt(fixed(500, "usd", "once"), null, at("2026-02-01T00:00:00Z"))).toBe(false)
    expect(discountStopsAt(percent(5000, "once"), applied, monthly(applied))).toBeNull()
  })

  test("a forever discount always applies and has no end", () => {
    expect(discountAppliesAt(percent(2000, "forever"), null, applied)).toBe(true)
    expect(discountAppliesAt(percent(2000, "forever"), null, at("2036-01-31T10:00:00Z"))).toBe(true)
    expect(discountStopsAt(percent(2000, "forever"), applied, monthly(applied))).toBeNull()
  })

  test("a repeating discount of 3 months on a monthly plan from 2026-01-31 10:00 stops 2026-04-30 10:00 (April has 30 days); that instant is excluded", () => {
    const discount = percent(5000, "repeating", 3)
    const stops = discountStopsAt(discount, applied, monthly(applied))
    expect(stops).toEqual(at("2026-04-30T10:00:00Z"))
    expect(discountAppliesAt(discount, stops, applied)).toBe(true)
    expect(discountAppliesAt(discount, stops, at("2026-04-30T09:59:59.999Z"))).toBe(true)
    expect(discountAppliesAt(discount, stops, at("2026-04-30T10:00:00Z"))).toBe(false)
    expect(discountAppliesAt(discount, stops, at("2026-05-31T10:00:00Z"))).toBe(false)
  })

  test("calendar months in UTC, clamped to the month's end, on the plan's own billing days", () => {
    const months = (n: number) => percent(5000, "repeating", n)
    expect(discountStopsAt(months(1), at("2026-01-31T23:30:00Z"), monthly(at("2026-01-31T23:30:00Z")))).toEqual(
      at("2026-02-28T23:30:00Z"),
    ) // 2026 is not a leap year
    expect(discountStopsAt(months(1), at("2028-01-31T00:00:00Z"), monthly(at("2028-01-31T00:00:00Z")))).toEqual(
      at("2028-02-29T00:00:00Z"),
    ) // 2028 is
    expect(discountStopsAt(months(3), at("2026-11-30T08:15:00.250Z"), monthly(at("2026-11-30T08:15:00.250Z")))).toEqual(
      at("2027-02-28T08:15:00.250Z"),
    ) // across the year
    // Billing days counted from the period given (Jan 31 → Feb 28 → Mar 31), each from that start, not chained.
    expect(discountStopsAt(months(2), at("2026-01-31T00:00:00Z"), monthly(at("2026-01-31T00:00:00Z")))).toEqual(
      at("2026-03-31T00:00:00Z"),
    )
    expect(discountStopsAt(months(2), at("2026-01-15T09:00:00Z"), monthly(at("2026-01-15T09:00:00Z")))).toEqual(
      at("2026-03-15T09:00:00Z"),
    )
  })

  test("applied mid-period: it covers the invoices of its months, so it stops at the first billing day after them", () => {
    // Applied Jan 20 on a plan billed on the 1st: 2 months end Mar 20, the next billing day is Apr 1.
    expect(
      discountStopsAt(percent(5000, "repeating", 2), at("2026-01-20T00:00:00Z"), monthly(at("2026-01-01T00:00:00Z"))),
    ).toEqual(at("2026-04-01T00:00:00Z"))
    // A period that starts after the end steps back to the first billing day at or after it.
    expect(
      discountStopsAt(percent(5000, "repeating", 2), at("2026-01-01T00:00:00Z"), monthly(at("2026-06-01T00:00:00Z"))),
    ).toEqual(at("2026-03-01T00:00:00Z"))
  })

  test("a yearly plan's discount of 3 months covers the first year's invoice: it stops at the renewal", () => {
    const yearly = { start: at("2026-01-01T00:00:00Z"), interval: "year" as const, count: 1 }
    expect(discountStopsAt(percent(5000, "repeating", 3), at("2026-01-01T00:00:00Z"), yearly)).toEqual(
      at("2027-01-01T00:00:00Z"),
    )
  })

  test("a fixed repeating discount stops the same way", () => {
    expect(
      discountStopsAt(
        fixed(300, "usd", "repeating", 2),
        at("2026-12-31T00:00:00Z"),
        monthly(at("2026-12-31T00:00:00Z")),
      ),
    ).toEqual(at("2027-02-28T00:00:00Z"))
  })
})
