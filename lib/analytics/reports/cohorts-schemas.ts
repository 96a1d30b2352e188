import { z } from "zod"
import { productRangeQuerySchema } from "@/lib/analytics/model/range"
import { COHORT_BASES, COHORT_PERIODS } from "./cohorts"

/** GET /api/admin/product/cohorts and the page's retention controls. */
export const cohortQuerySchema = productRangeQuerySchema.safeExtend({
  by: z.enum(COHORT_BASES).default("first_seen"),
  period: z.enum(COHORT_PERIODS).default("week"),
})
export type CohortReportQuery = z.infer<typeof cohortQuerySchema>
