import "server-only"
import { db } from "@/lib/db"
import { revenueCohorts, type Cohort } from "./cohorts"
import { monthlyMovements, type MonthMovements } from "./monthly"
import { addMonths, monthStart } from "./months"
import { customerMovements, MOVEMENT_MERGE_MS, type CustomerMovement } from "./movements"
import { ledgerRowsBefore } from "./queries"
import type { CohortsQuery, MovementsQuery } from "./schemas"

export type MovementsReport = { interval: "month"; months: MonthMovements[] }

/**
 * The monthly MRR movements from `from` to `to` (both included). A movement that starts in `to`
 * takes in its changes of the next hour, so a month's figures are the same whichever later month
 * a request ends at.
 */
export async function movementsReport(query: Pick<MovementsQuery, "from" | "to">): Promise<MovementsReport> {
  return { interval: "month", months: monthlyMovements(await movementsThrough(query.to), query) }
}

/** The revenue cohorts of `from` to `to`, each followed month by month up to `to`'s end. */
export async function cohortsReport(query: CohortsQuery): Promise<{ cohorts: Cohort[] }> {
  return { cohorts: revenueCohorts(await movementsThrough(query.to), { from: query.from, through: query.to }) }
}

/** Every movement that starts by the end of month `to`, whole (its changes within the merge window after it included). */
async function movementsThrough(to: string): Promise<CustomerMovement[]> {
  const end = monthStart(addMonths(to, 1))
  return customerMovements(await ledgerRowsBefore(db, new Date(end.getTime() + MOVEMENT_MERGE_MS)))
}
