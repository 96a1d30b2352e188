import { z } from "zod"
import { rangeQuerySchema } from "../time-range"

export const ROUTE_SORTS = ["slowest", "failing", "busiest"] as const

/** GET /api/admin/operations and the /admin/operations page: the time range and the route table's order. */
export const operationsQuerySchema = rangeQuerySchema.extend({
  sort: z.enum(ROUTE_SORTS).default("slowest"),
})
export type OperationsQuery = z.infer<typeof operationsQuerySchema>
