import { z } from "zod"
import { monthStart } from "./months"

/** The longest range one request may ask for: ten years of months. */
export const MAX_RANGE_MONTHS = 120

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
const month = z.string().regex(MONTH, "a month is written YYYY-MM, e.g. 2026-03")

/** from ≤ to, at most MAX_RANGE_MONTHS apart (zod runs this even when a field failed: check only well-formed months). */
function checkMonthRange(query: { from: string; to: string }, context: z.RefinementCtx): void {
  if (!MONTH.test(query.from) || !MONTH.test(query.to)) return
  const apart = monthsApart(query.from, query.to)
  if (apart < 0) context.addIssue({ code: "custom", message: "from must not be after to", path: ["to"] })
  else if (apart >= MAX_RANGE_MONTHS)
    context.addIssue({
      code: "custom",
      message: `ask for at most ${MAX_RANGE_MONTHS} months at a time`,
      path: ["from"],
    })
}

/** GET /api/admin/revenue/movements?from=YYYY-MM&to=YYYY-MM&interval=month (both months included). */
export const movementsQuerySchema = z
  .object({ from: month, to: month, interval: z.literal("month").default("month") })
  .superRefine(checkMonthRange)

/** GET /api/admin/revenue/cohorts?from=YYYY-MM&to=YYYY-MM: the cohorts of those months, followed up to `to`. */
export const cohortsQuerySchema = z.object({ from: month, to: month }).superRefine(checkMonthRange)

export type MovementsQuery = z.infer<typeof movementsQuerySchema>
export type CohortsQuery = z.infer<typeof cohortsQuerySchema>

function monthsApart(from: string, to: string): number {
  const [a, b] = [monthStart(from), monthStart(to)]
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth()
}
