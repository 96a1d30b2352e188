import { describe, expect, test } from "vitest"
import { monthlyMovements } from "./monthly"
import { customerMovements, movementKind } from "./movements"
import { addMonths, monthOf, monthsBetween, monthStart } from "./months"
import { LEDGER, row } from "./testing/scripted-ledger"

describe("movementKind", () => {
  test("up from zero is new the first time, reactivation after; down to zero is churn", () => {
    expect(movementKind(0, 500, false)).toBe("NEW")
    expect(movementKind(0, 500, true)).toBe("REACTIVATION")
    expect(movementKind(500, 0, true)).toBe("CHURN")
    expect(movementKind(500, 700, true)).toBe("EXPANSION")
    expect(movementKind(700, 500, true)).toBe("CONTRACTION")
    expect(movementKind(500, 500, true)).toBeNull()
  })
})

describe("customerMovements", () => {
  test("merges a customer's changes within 60 minutes of the first, dated at the first", () => {
    const summary = customerMovements(LEDGER).map(
      (m) => `${m.customerId} ${m.kind} ${m.deltaCents} ${m.at.toISOString().slice(0, 19)}`,
    )
    expect(summary).toEqual([
      "C NEW 10000 2025-12-15T12:00:00",
      "B NEW 10000 2026-01-01T00:00:00",
      "A NEW 5000 2026-01-05T08:00:00",
      "B EXPANSION 2000 2026-02-01T09:00:00",
      "A EXPANSION 2000 2026-02-10T10:00:00",
      "E NEW 2000 2026-02-10T12:00:00",
      "E CHURN -2000 2026-02-20T12:00:00",
      "F NEW 1500 2026-03-01T09:00:00",
      "F EXPANSION 500 2026-03-01T11:00:01",
      "A CHURN -7000 2026-03-03T08:00:00",
      "B CONTRACTION -10000 2026-03-15T08:00:00",
      "A REACTIVATION 4000 2026-03-20T08:00:00",
      "C CHURN -10000 2026-04-02T08:00:00",
      "D NEW 3000 2026-04-10T08:00:00",
    ])
  })

  test("the same whatever order the rows arrive in", () => {
    const reversed = customerMovements([...LEDGER].reverse())
    const shuffled = customerMovements(
      [...LEDGER].sort((a, b) => a.customerId.localeCompare(b.customerId) || b.mrrDeltaCents - a.mrrDeltaCents),
    )
    expect(reversed).toEqual(customerMovements(LEDGER))
    expect(shuffled).toEqual(customerMovements(LEDGER))
  })

  test("a ledger that goes below zero is refused rather than counted", () => {
    expect(() => customerMovements([row("X", "2026-01-01T00:00:00", -1)])).toThrow(RangeError)
  })
})

describe("monthlyMovements", () => {
  const months = monthlyMovements(customerMovements(LEDGER), { from: "2026-01", to: "2026-04" })
  const [january, february, march, april] = months

  test("January: C carried in (10,000); B and A new (10,000 + 5,000); D's cancelled pair moves nothing", () => {
    expect(january).toEqual({
      month: "2026-01",
      mrrStartCents: 10_000,
      mrrEndCents: 25_000,
      newCents: 15_000,
      expansionCents: 0,
      contractionCents: 0,
      churnCents: 0,
      reactivationCents: 0,
      netNewCents: 15_000,
      customersStart: 1,
      customersEnd: 3,
      logoChurnRate: 0,
      grossMrrChurnRate: 0,
      netMrrChurnRate: 0,
    })
  })

  test("February: expansion 2,000 + 2,000; E new and churned within the month (not in the logo churn)", () => {
    expect(february).toMatchObject({
      mrrStartCents: 25_000,
      newCents: 2_000,
      expansionCents: 4_000,
      churnCents: -2_000,
      netNewCents: 4_000,
      mrrEndCents: 29_000,
    })
    expect(february).toMatchObject({ customersStart: 3, customersEnd: 3, logoChurnRate: 0 })
    expect(february.grossMrrChurnRate).toBeCloseTo(2_000 / 25_000, 12) // 0.08
    expect(february.netMrrChurnRate).toBeCloseTo((2_000 - 4_000) / 25_000, 12) // −0.08: net negative churn
  })

  test("March: A churns and comes back, B contracts, F is new and expands", () => {
    // new 1,500 + expansion 500 − contraction 10,000 − churn 7,000 + reactivation 4,000 = −11,000
    expect(march).toMatchObject({
      mrrStartCents: 29_000,
      newCents: 1_500,
      expansionCents: 500,
      contractionCents: -10_000,
      churnCents: -7_000,
      reactivationCents: 4_000,
    })
    expect(march).toMatchObject({ netNewCents: -11_000, mrrEndCents: 18_000, customersStart: 3, customersEnd: 4 })
    expect(march.logoChurnRate).toBeCloseTo(1 / 3, 12) // A of A, B, C
    expect(march.grossMrrChurnRate).toBeCloseTo((7_000 + 10_000) / 29_000, 12)
    expect(march.netMrrChurnRate).toBeCloseTo((7_000 + 10_000 - 500 - 4_000) / 29_000, 12)
  })

  test("April: the annual customer churns 10,000; D's first real sale is new", () => {
    expect(april).toMatchObject({
      mrrStartCents: 18_000,
      newCents: 3_000,
      churnCents: -10_000,
      netNewCents: -7_000,
      mrrEndCents: 11_000,
      customersStart: 4,
      customersEnd: 4,
    })
    expect(april.logoChurnRate).toBeCloseTo(1 / 4, 12)
    expect(april.grossMrrChurnRate).toBeCloseTo(10_000 / 18_000, 12)
    expect(april.netMrrChurnRate).toBeCloseTo(10_000 / 18_000, 12)
  })

  test("net new is always the five movements' sum and the MRR difference", () => {
    for (const month of months) {
      const sum =
        month.newCents + month.expansionCents + month.contractionCents + month.churnCents + month.reactivationCents
      expect(month.netNewCents).toBe(sum)
      expect(month.netNewCents).toBe(month.mrrEndCents - month.mrrStartCents)
    }
  })

  test("no ledger at all: zeros, and every rate null (a rate of nothing is not 0%)", () => {
    expect(monthlyMovements([], { from: "2026-01", to: "2026-01" })).toEqual([
      expect.objectContaining({
        mrrStartCents: 0,
        mrrEndCents: 0,
        netNewCents: 0,
        customersStart: 0,
        logoChurnRate: null,
        grossMrrChurnRate: null,
        netMrrChurnRate: null,
      }),
    ])
  })

  test("one sale: the month it lands in has no start to divide by; the next month's rates are 0", () => {
    const [first, second] = monthlyMovements(customerMovements([row("A", "2026-05-31T23:59:59", 900)]), {
      from: "2026-05",
      to: "2026-06",
    })
    expect(first).toMatchObject({ newCents: 900, mrrEndCents: 900, logoChurnRate: null, grossMrrChurnRate: null })
    expect(second).toMatchObject({
      mrrStartCents: 900,
      mrrEndCents: 900,
      netNewCents: 0,
      logoChurnRate: 0,
      grossMrrChurnRate: 0,
      netMrrChurnRate: 0,
    })
  })
})

describe("months", () => {
  test("UTC calendar months, both ends included", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"])
    expect(monthsBetween("2026-02", "2026-01")).toEqual([])
    expect(addMonths("2026-01", -1)).toBe("2025-12")
    expect(monthStart("2024-02").toISOString()).toBe("2024-02-01T00:00:00.000Z")
    // 23:30 on Jan 31 in New York is already February in UTC: months are UTC.
    expect(monthOf(new Date("2026-01-31T23:30:00-05:00"))).toBe("2026-02")
    expect(() => monthStart("2026-13")).toThrow(RangeError)
  })
})
