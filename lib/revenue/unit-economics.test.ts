import { expect, test } from "vitest"
import { monthlyMovements } from "./monthly"
import { customerMovements } from "./movements"
import { LEDGER } from "./testing/scripted-ledger"
import { arpaCents, cacCents, cacPaybackMonths, ltvCents, ltvToCac, trailingLogoChurn } from "./unit-economics"

// The scripted ledger's months (movements.test.ts): logo churn January 0 of 1, February 0 of 3,
// March 1 of 3, April 1 of 4; December has no customers at its start (no rate).
const months = monthlyMovements(customerMovements(LEDGER), { from: "2025-12", to: "2026-05" })

test("trailing churn: the mean of the six months before the current one, months without a rate skipped", () => {
  // Current May: Nov–Apr; Nov and Dec have no rate; (0 + 0 + 1/3 + 1/4) ÷ 4 = 7/48.
  expect(trailingLogoChurn(months, "2026-05")).toBeCloseTo((0 + 0 + 1 / 3 + 1 / 4) / 4, 12)
  // Current April: March's 1/3 is in, April's own 1/4 is left out: (0 + 0 + 1/3) ÷ 3 = 1/9.
  expect(trailingLogoChurn(months, "2026-04")).toBeCloseTo(1 / 9, 12)
  // Current January: only December, which has no rate.
  expect(trailingLogoChurn(months, "2026-01")).toBeNull()
})

test("ARPA, LTV, CAC, LTV:CAC and payback, by hand", () => {
  // April's end: MRR 11,000 over 4 customers = 2,750 a customer.
  const april = months.find((month) => month.month === "2026-04")!
  const arpa = arpaCents(april.mrrEndCents, april.customersEnd)
  expect(arpa).toBe(2_750)
  // LTV at May = 2,750 ÷ 7/48 = 2,750 × 48 ÷ 7 = 18,857.14…
  const ltv = ltvCents(arpa, trailingLogoChurn(months, "2026-05"))
  expect(ltv).toBeCloseTo((2_750 * 48) / 7, 6)
  // CAC: 9,000 of spend for 2 new customers = 4,500; LTV:CAC = 18,857.14 ÷ 4,500 = 4.19; payback 4,500 ÷ 2,750 = 1.636 months.
  const cac = cacCents(9_000, 2)
  expect(cac).toBe(4_500)
  expect(ltvToCac(ltv, cac)).toBeCloseTo((2_750 * 48) / 7 / 4_500, 9)
  expect(cacPaybackMonths(cac, arpa)).toBeCloseTo(4_500 / 2_750, 12)
})

test("not defined rather than 0 or infinity: no customers, no churn, no new customers", () => {
  expect(arpaCents(0, 0)).toBeNull()
  expect(ltvCents(2_750, 0)).toBeNull()
  expect(ltvCents(null, 0.1)).toBeNull()
  expect(cacCents(9_000, 0)).toBeNull()
  expect(ltvToCac(null, 4_500)).toBeNull()
  expect(ltvToCac(10_000, 0)).toBeNull()
  expect(cacPaybackMonths(4_500, null)).toBeNull()
})
