import { expect, test } from "vitest"
import { revenueCohorts } from "./cohorts"
import { customerMovements } from "./movements"
import { LEDGER } from "./testing/scripted-ledger"

// The scripted ledger (testing/scripted-ledger.ts), customers' MRR at each month's end:
//        Dec    Jan     Feb     Mar     Apr
// C   10,000 10,000  10,000  10,000       0   cohort 2025-12, started at 10,000
// A        —  5,000   7,000   4,000   4,000   cohort 2026-01, started at 5,000 (churned and back in March)
// B        — 10,000  12,000   2,000   2,000   cohort 2026-01, started at 10,000
// E        —      —       0       0       0   cohort 2026-02, started at 2,000 (churned within February)
// F        —      —       —   2,000   2,000   cohort 2026-03, started at 1,500 (its merged first hour)
// D        —      —       —       —   3,000   cohort 2026-04, started at 3,000 (its cancelled pair in
//                                              January was never a sale)
const cohorts = revenueCohorts(customerMovements(LEDGER), { from: "2025-12", through: "2026-04" })
const byName = new Map(cohorts.map((cohort) => [cohort.cohort, cohort]))

test("January's cohort (A and B, 15,000 to start): expansion lifts net above 100%, gross stops at 100%", () => {
  const january = byName.get("2026-01")!
  expect(january).toMatchObject({ customers: 2, startingMrrCents: 15_000 })
  expect(january.cells.map((cell) => [cell.month, cell.activeCustomers, cell.mrrCents, cell.keptMrrCents])).toEqual([
    ["2026-01", 2, 15_000, 15_000],
    ["2026-02", 2, 19_000, 15_000], // 7,000 + 12,000; kept min(7,000, 5,000) + min(12,000, 10,000)
    ["2026-03", 2, 6_000, 6_000], // 4,000 + 2,000: A is back by the month's end
    ["2026-04", 2, 6_000, 6_000],
  ])
  const february = january.cells[1]
  expect(february.netMrrRetention).toBeCloseTo(19_000 / 15_000, 12)
  expect(february.grossMrrRetention).toBe(1)
  expect(february.logoRetention).toBe(1)
  expect(january.cells[2].netMrrRetention).toBeCloseTo(6_000 / 15_000, 12) // 0.4
  expect(january.cells[2].grossMrrRetention).toBeCloseTo(6_000 / 15_000, 12)
})

test("a cohort that churns within its own month starts at its first sale's MRR and shows 0% from month 0", () => {
  const february = byName.get("2026-02")!
  expect(february).toMatchObject({ customers: 1, startingMrrCents: 2_000 })
  expect(february.cells[0]).toMatchObject({
    offset: 0,
    activeCustomers: 0,
    mrrCents: 0,
    logoRetention: 0,
    netMrrRetention: 0,
  })
})

test("December's annual customer is retained until April; F's merged first hour is its start", () => {
  const december = byName.get("2025-12")!
  expect(december.cells.map((cell) => cell.logoRetention)).toEqual([1, 1, 1, 1, 0])
  const march = byName.get("2026-03")!
  expect(march.startingMrrCents).toBe(1_500)
  expect(march.cells[0].netMrrRetention).toBeCloseTo(2_000 / 1_500, 12)
  expect(march.cells[0].grossMrrRetention).toBe(1)
  expect(byName.get("2026-04")!.cells).toEqual([
    expect.objectContaining({ offset: 0, activeCustomers: 1, mrrCents: 3_000, netMrrRetention: 1 }),
  ])
})

test("an empty month is a cohort of nobody: its rates are null, not 0%", () => {
  const [empty] = revenueCohorts(customerMovements(LEDGER), { from: "2026-05", through: "2026-05" })
  expect(empty).toEqual({
    cohort: "2026-05",
    customers: 0,
    startingMrrCents: 0,
    cells: [expect.objectContaining({ logoRetention: null, netMrrRetention: null, grossMrrRetention: null })],
  })
})
