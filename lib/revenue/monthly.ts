import type { CustomerMovement } from "./movements"
import { addMonths, monthStart, monthsBetween } from "./months"

// Monthly MRR movements and the churn rates built on them, no I/O. The API's movements response
// (GET /api/admin/revenue/movements) is this shape: a contract other tools read, so the names stay.

export type MonthMovements = {
  month: string
  mrrStartCents: number
  mrrEndCents: number
  newCents: number
  expansionCents: number
  /** Negative. */
  contractionCents: number
  /** Negative. */
  churnCents: number
  reactivationCents: number
  /** The sum of the five movements = mrrEndCents − mrrStartCents. */
  netNewCents: number
  customersStart: number
  customersEnd: number
  /** Customers active at the start who churned within the month ÷ customers active at the start. */
  logoChurnRate: number | null
  /** (churn + contraction) ÷ MRR at the start, as a positive fraction. */
  grossMrrChurnRate: number | null
  /** (churn + contraction − expansion − reactivation) ÷ MRR at the start; negative when expansion wins. */
  netMrrChurnRate: number | null
}

/** A ratio, or null when its denominator is zero (a rate of nothing is not 0%). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator
}

/**
 * The months from `from` to `to` (both included, "YYYY-MM", UTC). MRR and customer counts at a
 * month's start are those after every movement dated before it, so netNewCents is always
 * mrrEndCents − mrrStartCents (a merged movement counts wholly in the month of its first change).
 */
export function monthlyMovements(
  movements: readonly CustomerMovement[],
  range: { from: string; to: string },
): MonthMovements[] {
  const sorted = [...movements].sort((a, b) => a.at.getTime() - b.at.getTime())
  const customerMrr = new Map<string, number>()
  let mrr = 0
  let next = 0
  const apply = (movement: CustomerMovement) => {
    mrr += movement.deltaCents
    if (movement.mrrAfterCents > 0) customerMrr.set(movement.customerId, movement.mrrAfterCents)
    else customerMrr.delete(movement.customerId)
  }
  const firstStart = monthStart(range.from).getTime()
  while (next < sorted.length && sorted[next].at.getTime() < firstStart) apply(sorted[next++])

  return monthsBetween(range.from, range.to).map((month) => {
    const end = monthStart(addMonths(month, 1)).getTime()
    const activeAtStart = new Set(customerMrr.keys())
    const mrrStartCents = mrr
    const sums = { NEW: 0, EXPANSION: 0, CONTRACTION: 0, CHURN: 0, REACTIVATION: 0 }
    const churnedFromStart = new Set<string>()
    while (next < sorted.length && sorted[next].at.getTime() < end) {
      const movement = sorted[next++]
      sums[movement.kind] += movement.deltaCents
      if (movement.kind === "CHURN" && activeAtStart.has(movement.customerId)) churnedFromStart.add(movement.customerId)
      apply(movement)
    }
    const lost = Math.abs(sums.CHURN) + Math.abs(sums.CONTRACTION) // never -0
    return {
      month,
      mrrStartCents,
      mrrEndCents: mrr,
      newCents: sums.NEW,
      expansionCents: sums.EXPANSION,
      contractionCents: sums.CONTRACTION,
      churnCents: sums.CHURN,
      reactivationCents: sums.REACTIVATION,
      netNewCents: sums.NEW + sums.EXPANSION + sums.CONTRACTION + sums.CHURN + sums.REACTIVATION,
      customersStart: activeAtStart.size,
      customersEnd: customerMrr.size,
      logoChurnRate: ratio(churnedFromStart.size, activeAtStart.size),
      grossMrrChurnRate: ratio(lost, mrrStartCents),
      netMrrChurnRate: ratio(lost - sums.EXPANSION - sums.REACTIVATION, mrrStartCents),
    }
  })
}
