import "server-only"
import type { ProductRange } from "@/lib/analytics/model/range"
import { dayOf } from "@/lib/utils/time-range"
import { type CohortBasis, type CohortPeriod, cohortStarts, type RetentionTable, retentionTable } from "./cohorts"
import { queryCohortCounts } from "./cohorts-queries"

export type CohortReport = RetentionTable & { by: CohortBasis; today: string }

/** Cohorts of the periods overlapping the range, followed up to today. */
export async function cohortReport(
  query: { by: CohortBasis; period: CohortPeriod },
  range: ProductRange,
  now = new Date(),
): Promise<CohortReport> {
  const starts = cohortStarts(range.firstDay, range.lastDay, query.period)
  const counts = await queryCohortCounts({ by: query.by, period: query.period, starts, timeZone: range.timeZone })
  const today = dayOf(now, range.timeZone)
  return { by: query.by, today, ...retentionTable(counts, starts, query.period, today) }
}
