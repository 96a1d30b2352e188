import type { LedgerRow } from "../movements"

const at = (iso: string) => new Date(`${iso}Z`)
export const row = (customerId: string, iso: string, mrrDeltaCents: number): LedgerRow => ({
  customerId,
  effectiveAt: at(iso),
  mrrDeltaCents,
})

// A scripted ledger, customers A–F (a customer's MRR is the sum of their subscriptions'):
// A  Jan 5 new 5,000 · Feb 10 10:00 upgrade +3,000 and 10:30 downgrade −1,000 (one movement: +2,000)
//    · Mar 3 churn −7,000 · Mar 20 back at 4,000 (churn then reactivation in one month)
// B  Jan 1 00:00 new 10,000 (on the boundary: January's) · Feb 1 a second subscription +2,000
//    · Mar 15 cancels the first −10,000 (contraction to 2,000, not churn)
// C  an annual plan of 120,000 a year = 10,000 a month, since Dec 15 · Apr 2 churn
// D  Jan 31 23:30 +3,000 and Feb 1 00:20 −3,000: 50 minutes apart, one group ending at 0, no
//    movement (and D was never active) · Apr 10 +3,000 is therefore NEW
// E  Feb 10 new 2,000 · Feb 20 churn (was not active at February's start: not in the logo churn)
// F  Mar 1 09:00 +1,000 and 10:00 +500 (exactly 60 minutes: merged, NEW 1,500) · 11:00:01 +500
//    (more than 60 minutes after the group's first change: EXPANSION)
export const LEDGER: LedgerRow[] = [
  row("C", "2025-12-15T12:00:00", 10_000),
  row("B", "2026-01-01T00:00:00", 10_000),
  row("A", "2026-01-05T08:00:00", 5_000),
  row("D", "2026-01-31T23:30:00", 3_000),
  row("D", "2026-02-01T00:20:00", -3_000),
  row("B", "2026-02-01T09:00:00", 2_000),
  row("A", "2026-02-10T10:00:00", 3_000),
  row("A", "2026-02-10T10:30:00", -1_000),
  row("E", "2026-02-10T12:00:00", 2_000),
  row("E", "2026-02-20T12:00:00", -2_000),
  row("F", "2026-03-01T09:00:00", 1_000),
  row("F", "2026-03-01T10:00:00", 500),
  row("F", "2026-03-01T11:00:01", 500),
  row("A", "2026-03-03T08:00:00", -7_000),
  row("B", "2026-03-15T08:00:00", -10_000),
  row("A", "2026-03-20T08:00:00", 4_000),
  row("C", "2026-04-02T08:00:00", -10_000),
  row("D", "2026-04-10T08:00:00", 3_000),
]
