import { describe, expect, test } from "vitest"
import { classifyChange, ledgerEntries, ledgerEntry, monthlyRecurringCents, mrrAt } from "./mrr"

const at = (iso: string) => new Date(iso)

describe("monthlyRecurringCents", () => {
  test("a monthly price is its own MRR", () => {
    expect(monthlyRecurringCents({ interval: "MONTH", priceCents: 1999 })).toBe(1999)
    expect(monthlyRecurringCents({ interval: "MONTH", priceCents: 4900 })).toBe(4900)
  })

  test("an annual price counts as one twelfth, rounded once: 19900 / 12 = 1658.33 → 1658", () => {
    expect(monthlyRecurringCents({ interval: "YEAR", priceCents: 19900 })).toBe(1658)
  })

  test("half a cent rounds up: 1206 / 12 = 100.5 → 101", () => {
    expect(monthlyRecurringCents({ interval: "YEAR", priceCents: 1206 })).toBe(101)
  })

  test("quantity multiplies before rounding: 2 × 19900 / 12 = 3316.67 → 3317, not 2 × 1658 = 3316", () => {
    expect(monthlyRecurringCents({ interval: "YEAR", priceCents: 19900, quantity: 2 })).toBe(3317)
    expect(monthlyRecurringCents({ interval: "MONTH", priceCents: 1999, quantity: 3 })).toBe(5997)
  })

  test("a free plan has no MRR; negative or fractional amounts are refused", () => {
    expect(monthlyRecurringCents({ interval: "MONTH", priceCents: 0 })).toBe(0)
    expect(() => monthlyRecurringCents({ interval: "MONTH", priceCents: -1 })).toThrow(RangeError)
    expect(() => monthlyRecurringCents({ interval: "MONTH", priceCents: 19.99 })).toThrow(RangeError)
    expect(() => monthlyRecurringCents({ interval: "MONTH", priceCents: 1999, quantity: -2 })).toThrow(RangeError)
  })
})

describe("classifyChange", () => {
  test("0 → x is NEW the first time and REACTIVATION after a churn", () => {
    expect(classifyChange({ previousMrrCents: 0, nextMrrCents: 1999, hadEverBeenActive: false })).toBe("NEW")
    expect(classifyChange({ previousMrrCents: 0, nextMrrCents: 1999, hadEverBeenActive: true })).toBe("REACTIVATION")
  })

  test("up is EXPANSION, down to more than 0 is CONTRACTION, down to 0 is CHURN", () => {
    expect(classifyChange({ previousMrrCents: 1999, nextMrrCents: 4900, hadEverBeenActive: true })).toBe("EXPANSION")
    expect(classifyChange({ previousMrrCents: 4900, nextMrrCents: 1999, hadEverBeenActive: true })).toBe("CONTRACTION")
    expect(classifyChange({ previousMrrCents: 1999, nextMrrCents: 1658, hadEverBeenActive: true })).toBe("CONTRACTION")
    expect(classifyChange({ previousMrrCents: 1999, nextMrrCents: 0, hadEverBeenActive: true })).toBe("CHURN")
  })

  test("no movement is no change", () => {
    expect(classifyChange({ previousMrrCents: 1999, nextMrrCents: 1999, hadEverBeenActive: true })).toBeNull()
    expect(classifyChange({ previousMrrCents: 0, nextMrrCents: 0, hadEverBeenActive: false })).toBeNull()
  })

  test("negative MRR is refused", () => {
    expect(() => classifyChange({ previousMrrCents: -5, nextMrrCents: 0, hadEverBeenActive: true })).toThrow(RangeError)
  })
})

describe("ledgerEntry / ledgerEntries", () => {
  test("upgrade from $19.99 monthly to $49 team: +2901, after 4900", () => {
    expect(ledgerEntry({ mrrCents: 1999, hasHistory: true }, 4900)).toEqual({
      kind: "EXPANSION",
      mrrDeltaCents: 2901,
      mrrAfterCents: 4900,
    })
  })

  test("downgrade from team to monthly: -2901, after 1999", () => {
    expect(ledgerEntry({ mrrCents: 4900, hasHistory: true }, 1999)).toEqual({
      kind: "CONTRACTION",
      mrrDeltaCents: -2901,
      mrrAfterCents: 1999,
    })
  })

  test("buy, churn, come back: NEW +1999, CHURN -1999, REACTIVATION +1999; the deltas sum to the end state", () => {
    const { entries, end } = ledgerEntries({ mrrCents: 0, hasHistory: false }, [1999, 0, 1999])
    expect(entries).toEqual([
      { kind: "NEW", mrrDeltaCents: 1999, mrrAfterCents: 1999 },
      { kind: "CHURN", mrrDeltaCents: -1999, mrrAfterCents: 0 },
      { kind: "REACTIVATION", mrrDeltaCents: 1999, mrrAfterCents: 1999 },
    ])
    expect(end).toEqual({ mrrCents: 1999, hasHistory: true })
  })

  test("a step that does not move MRR writes nothing and leaves the state alone", () => {
    const { entries, end } = ledgerEntries({ mrrCents: 1999, hasHistory: true }, [1999, 4900, 4900])
    expect(entries).toEqual([null, { kind: "EXPANSION", mrrDeltaCents: 2901, mrrAfterCents: 4900 }, null])
    expect(end).toEqual({ mrrCents: 4900, hasHistory: true })
  })
})

describe("mrrAt", () => {
  test("no changes is 0", () => {
    expect(mrrAt([], at("2026-03-01T00:00:00Z"))).toBe(0)
  })

  test("upgrade mid-month: 1999 before the 15th, 1999 + 2901 = 4900 from the instant it takes effect", () => {
    const changes = [
      { mrrDeltaCents: 1999, effectiveAt: at("2026-03-01T09:00:00Z") },
      { mrrDeltaCents: 2901, effectiveAt: at("2026-03-15T12:00:00Z") },
    ]
    expect(mrrAt(changes, at("2026-02-28T23:59:59Z"))).toBe(0)
    expect(mrrAt(changes, at("2026-03-10T00:00:00Z"))).toBe(1999)
    expect(mrrAt(changes, at("2026-03-15T11:59:59.999Z"))).toBe(1999)
    // the boundary instant counts the change
    expect(mrrAt(changes, at("2026-03-15T12:00:00Z"))).toBe(4900)
  })

  test("cancel then reactivate within one month: 1999, then 0 from the end of the period, then 1999 again", () => {
    const changes = [
      { mrrDeltaCents: 1999, effectiveAt: at("2026-01-01T00:00:00Z") },
      { mrrDeltaCents: -1999, effectiveAt: at("2026-06-01T00:00:00Z") },
      { mrrDeltaCents: 1999, effectiveAt: at("2026-06-20T08:30:00Z") },
    ]
    expect(mrrAt(changes, at("2026-05-31T23:59:59Z"))).toBe(1999)
    expect(mrrAt(changes, at("2026-06-01T00:00:00Z"))).toBe(0)
    expect(mrrAt(changes, at("2026-06-10T00:00:00Z"))).toBe(0)
    expect(mrrAt(changes, at("2026-06-30T00:00:00Z"))).toBe(1999)
  })

  test("a book of one of each plan: 1999 + 1658 + 4900 = 8557, in any order", () => {
    const changes = [
      { mrrDeltaCents: 4900, effectiveAt: at("2026-02-03T00:00:00Z") },
      { mrrDeltaCents: 1999, effectiveAt: at("2026-01-05T00:00:00Z") },
      { mrrDeltaCents: 1658, effectiveAt: at("2026-01-20T00:00:00Z") },
    ]
    expect(mrrAt(changes, at("2026-01-31T00:00:00Z"))).toBe(3657)
    expect(mrrAt(changes, at("2026-03-01T00:00:00Z"))).toBe(8557)
  })
})
