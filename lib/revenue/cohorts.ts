import { ratio } from "./monthly"
import { addMonths, monthOf, monthStart, monthsBetween } from "./months"
import type { CustomerMovement } from "./movements"

// Revenue cohorts, no I/O. A customer's cohort is the UTC month of their NEW movement (the month
// they first became a paying customer); their starting MRR is what that movement brought. A
// customer who churns and comes back stays in their first cohort.

export type CohortCell = {
  /** Months since the cohort's month: 0 is the cohort's own month, measured at its end. */
  offset: number
  month: string
  /** Cohort customers with MRR at the month's end. */
  activeCustomers: number
  /** The cohort's MRR at the month's end, expansion and reactivation included. */
  mrrCents: number
  /** Σ min(a customer's MRR at the month's end, their starting MRR): the MRR kept, expansion left out. */
  keptMrrCents: number
  /** activeCustomers ÷ customers. */
  logoRetention: number | null
  /** mrrCents ÷ startingMrrCents: may exceed 1. */
  netMrrRetention: number | null
  /** keptMrrCents ÷ startingMrrCents: never above 1. */
  grossMrrRetention: number | null
}

export type Cohort = { cohort: string; customers: number; startingMrrCents: number; cells: CohortCell[] }

/** Every cohort from `from` to `through` (both "YYYY-MM"), each with a cell per month up to `through`. */
export function revenueCohorts(
  movements: readonly CustomerMovement[],
  range: { from: string; through: string },
): Cohort[] {
  const sorted = [...movements].sort((a, b) => a.at.getTime() - b.at.getTime())
  const start = new Map<string, { cohort: string; mrrCents: number }>()
  for (const movement of sorted)
    if (movement.kind === "NEW" && !start.has(movement.customerId))
      start.set(movement.customerId, { cohort: monthOf(movement.at), mrrCents: movement.mrrAfterCents })

  // Each customer's MRR at the end of every month through `through`.
  const months = monthsBetween(range.from, range.through)
  const mrrAtEnd = new Map<string, Map<string, number>>()
  const current = new Map<string, number>()
  let next = 0
  for (const month of months) {
    const end = monthStart(addMonths(month, 1)).getTime()
    while (next < sorted.length && sorted[next].at.getTime() < end) {
      const movement = sorted[next++]
      current.set(movement.customerId, movement.mrrAfterCents)
    }
    mrrAtEnd.set(month, new Map(current))
  }

  return months.map((cohort) => {
    const members = [...start].filter(([, entry]) => entry.cohort === cohort)
    const startingMrrCents = members.reduce((sum, [, entry]) => sum + entry.mrrCents, 0)
    const cells = monthsBetween(cohort, range.through).map((month, offset) => {
      const atEnd = mrrAtEnd.get(month)!
      let activeCustomers = 0
      let mrrCents = 0
      let keptMrrCents = 0
      for (const [customerId, entry] of members) {
        const mrr = atEnd.get(customerId) ?? 0
        if (mrr > 0) activeCustomers += 1
        mrrCents += mrr
        keptMrrCents += Math.min(mrr, entry.mrrCents)
      }
      return {
        offset,
        month,
        activeCustomers,
        mrrCents,
        keptMrrCents,
        logoRetention: ratio(activeCustomers, members.length),
        netMrrRetention: ratio(mrrCents, startingMrrCents),
        grossMrrRetention: ratio(keptMrrCents, startingMrrCents),
      }
    })
    return { cohort, customers: members.length, startingMrrCents, cells }
  })
}
