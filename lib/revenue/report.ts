import "server-only"
import { db } from "@/lib/db"
import { monthlyMovements, type MonthMovements } from "./monthly"
import { addMonths, monthStart } from "./months"
import { customerMovements, MOVEMENT_MERGE_MS } from "./movements"
import { ledgerRowsBefore } from "./queries"
import type { MovementsQuery } from "./schemas"

export type MovementsReport = { interval: "month"; months: MonthMovements[] }

/**
 * The monthly MRR movements from `from` to `to` (both included), from the whole ledger up to `to`'s
 * end plus the merge window: a movement that starts in `to` takes in its changes of the next hour,
 * so a month's figures are the same whichever later month a request ends at.
 */
export async function movementsReport(query: Pick<MovementsQuery, "from" | "to">): Promise<MovementsReport> {
  const end = monthStart(addMonths(query.to, 1))
  const rows = await ledgerRowsBefore(db, new Date(end.getTime() + MOVEMENT_MERGE_MS))
  return { interval: "month", months: monthlyMovements(customerMovements(rows), query) }
}
