import type { ChangeKind } from "@/generated/prisma/enums"

// MRR maths, no I/O. The ledger (subscription_changes) is the source of truth for revenue; these
// functions decide what one row of it says, so the app and the seed can never disagree.

export type BillingIntervalName = "MONTH" | "YEAR"

/**
 * Monthly recurring revenue of one subscription, in whole cents. An annual price counts as one
 * twelfth a month, rounded half up ONCE per subscription (19900 / 12 = 1658.33 → 1658), never per
 * seat or per day, so a subscription's MRR is always an integer the ledger can hold. The ~4 cents a
 * year lost to rounding is accepted: MRR is a run rate, not booked revenue.
 */
export function monthlyRecurringCents(input: {
  interval: BillingIntervalName
  priceCents: number
  quantity?: number
}): number {
  const quantity = input.quantity ?? 1
  assertCents(input.priceCents, "priceCents")
  if (!Number.isInteger(quantity) || quantity < 0)
    throw new RangeError(`quantity must be a non-negative integer, got ${quantity}`)
  const perMonth = input.priceCents * quantity
  return input.interval === "YEAR" ? Math.round(perMonth / 12) : perMonth
}

/**
 * What a move of one subscription's MRR from `previousMrrCents` to `nextMrrCents` is called.
 * `hadEverBeenActive` separates a first sale (NEW) from a win-back (REACTIVATION). Null: no change,
 * and no ledger row.
 */
export function classifyChange(input: {
  previousMrrCents: number
  nextMrrCents: number
  hadEverBeenActive: boolean
}): ChangeKind | null {
  const { previousMrrCents: previous, nextMrrCents: next } = input
  assertCents(previous, "previousMrrCents")
  assertCents(next, "nextMrrCents")
  if (next === previous) return null
  if (previous === 0) return input.hadEverBeenActive ? "REACTIVATION" : "NEW"
  if (next === 0) return "CHURN"
  return next > previous ? "EXPANSION" : "CONTRACTION"
}

/** What the ledger knows about one subscription before a change. */
export type LedgerState = { mrrCents: number; hasHistory: boolean }
export type LedgerEntry = { kind: ChangeKind; mrrDeltaCents: number; mrrAfterCents: number }

/**
 * The ledger row a change produces, or null when MRR does not move. A subscription with any earlier
 * ledger row has been active before (its first row is always a move up from 0).
 */
export function ledgerEntry(state: LedgerState, nextMrrCents: number): LedgerEntry | null {
  const kind = classifyChange({ previousMrrCents: state.mrrCents, nextMrrCents, hadEverBeenActive: state.hasHistory })
  return kind === null ? null : { kind, mrrDeltaCents: nextMrrCents - state.mrrCents, mrrAfterCents: nextMrrCents }
}

/** Folds a sequence of MRR targets through `ledgerEntry`; unchanged steps write nothing. */
export function ledgerEntries(
  start: LedgerState,
  nextMrrCents: readonly number[],
): { entries: (LedgerEntry | null)[]; end: LedgerState } {
  let state = start
  const entries = nextMrrCents.map((next) => {
    const entry = ledgerEntry(state, next)
    if (entry) state = { mrrCents: entry.mrrAfterCents, hasHistory: true }
    return entry
  })
  return { entries, end: state }
}

/** MRR at `instant`: the sum of every delta effective at or before it (the boundary is included). */
export function mrrAt(changes: readonly { mrrDeltaCents: number; effectiveAt: Date }[], instant: Date): number {
  const limit = instant.getTime()
  let total = 0
  for (const change of changes) if (change.effectiveAt.getTime() <= limit) total += change.mrrDeltaCents
  return total
}

function assertCents(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer of cents, got ${value}`)
}
