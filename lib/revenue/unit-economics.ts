import { ratio, type MonthMovements } from "./monthly"
import { addMonths } from "./months"

// Unit economics, no I/O: each figure's definition is its one-line comment. Money in cents; a
// figure whose denominator is zero is null ("not defined"), never 0 or infinity.

/** How many months the LTV's churn averages over, before the current month. */
export const LTV_CHURN_MONTHS = 6

/** ARPA: MRR ÷ active customers. */
export function arpaCents(mrrCents: number, activeCustomers: number): number | null {
  return ratio(mrrCents, activeCustomers)
}

/**
 * The mean monthly customer (logo) churn rate over the LTV_CHURN_MONTHS months before `current`
 * (the current month, still running, is left out); months with no customers at their start have no
 * rate and are skipped; null when none has one.
 */
export function trailingLogoChurn(months: readonly MonthMovements[], current: string): number | null {
  const wanted = new Set(Array.from({ length: LTV_CHURN_MONTHS }, (_, index) => addMonths(current, -1 - index)))
  const rates = months.filter((month) => wanted.has(month.month) && month.logoChurnRate !== null)
  return rates.length === 0 ? null : rates.reduce((sum, month) => sum + month.logoChurnRate!, 0) / rates.length
}

/** LTV: ARPA ÷ the trailing monthly logo churn; not defined (null) when churn is 0 or unknown. */
export function ltvCents(arpa: number | null, monthlyChurn: number | null): number | null {
  return arpa === null || monthlyChurn === null || monthlyChurn === 0 ? null : arpa / monthlyChurn
}

/** CAC: sales and marketing spend ÷ new customers in the same period. */
export function cacCents(spendCents: number, newCustomers: number): number | null {
  return ratio(spendCents, newCustomers)
}

/** LTV:CAC. */
export function ltvToCac(ltv: number | null, cac: number | null): number | null {
  return ltv === null || cac === null ? null : ratio(ltv, cac)
}

/** CAC payback: the months of ARPA it takes to earn the CAC back. */
export function cacPaybackMonths(cac: number | null, arpa: number | null): number | null {
  return cac === null || arpa === null ? null : ratio(cac, arpa)
}
