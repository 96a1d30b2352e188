// Customer-level MRR movements, no I/O. A customer's MRR is the sum of their subscriptions' MRR
// (the ledger's running sum); the movements below are what the executive figures count.

/** One ledger row as the movements need it: whose, when (Polar's effective instant), how much. */
export type LedgerRow = { customerId: string; effectiveAt: Date; mrrDeltaCents: number }

export type MovementKind = "NEW" | "EXPANSION" | "CONTRACTION" | "CHURN" | "REACTIVATION"

export type CustomerMovement = {
  customerId: string
  kind: MovementKind
  /** The first change of the merged group. */
  at: Date
  mrrBeforeCents: number
  mrrAfterCents: number
  /** mrrAfterCents − mrrBeforeCents: negative for churn and contraction. */
  deltaCents: number
}

/** Changes of one customer at most this long after the first of a group merge into one movement. */
export const MOVEMENT_MERGE_MS = 60 * 60 * 1000

/**
 * One customer's move from `before` to `after`: from zero up is NEW the first time the customer is
 * ever active and REACTIVATION after that, down to zero is CHURN, otherwise EXPANSION or
 * CONTRACTION. Null when MRR ends where it began.
 */
export function movementKind(before: number, after: number, wasEverActive: boolean): MovementKind | null {
  if (after === before) return null
  if (before === 0) return wasEverActive ? "REACTIVATION" : "NEW"
  if (after === 0) return "CHURN"
  return after > before ? "EXPANSION" : "CONTRACTION"
}

/**
 * Every customer's movements, in time order (ties by customer id). The rows may come in any order:
 * each customer's are sorted by effective instant first, so arrival order never matters. Changes
 * within MOVEMENT_MERGE_MS of a group's first change are one movement dated at that first change
 * (a plan change that Polar reports as a cancel and a new subscription is one expansion, not a
 * churn and a new sale). A group that ends where it began moves nothing.
 */
export function customerMovements(rows: readonly LedgerRow[]): CustomerMovement[] {
  const byCustomer = new Map<string, LedgerRow[]>()
  for (const row of rows) {
    const list = byCustomer.get(row.customerId)
    if (list) list.push(row)
    else byCustomer.set(row.customerId, [row])
  }
  const movements: CustomerMovement[] = []
  for (const [customerId, list] of byCustomer) {
    list.sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime())
    let mrr = 0
    let wasEverActive = false
    for (let index = 0; index < list.length;) {
      const at = list[index].effectiveAt
      const before = mrr
      while (index < list.length && list[index].effectiveAt.getTime() - at.getTime() <= MOVEMENT_MERGE_MS) {
        mrr += list[index].mrrDeltaCents
        index += 1
      }
      if (mrr < 0)
        throw new RangeError(
          `customer ${customerId} has negative MRR (${mrr} cents) after ${at.toISOString()}: the ledger is inconsistent`,
        )
      const kind = movementKind(before, mrr, wasEverActive)
      if (kind)
        movements.push({ customerId, kind, at, mrrBeforeCents: before, mrrAfterCents: mrr, deltaCents: mrr - before })
      if (mrr > 0) wasEverActive = true
    }
  }
  return movements.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
  )
}
