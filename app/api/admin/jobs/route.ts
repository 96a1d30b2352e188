import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { jobOverview } from "@/lib/jobs/overview"
import { presetRange, rangeQuerySchema } from "@/lib/monitoring/time-range"

// GET /api/admin/jobs?range=24h — every scheduled job: last run, last failure, runs, failures and durations in the range; the range's failed attempts
export const GET = route({ roles: ENGINEERING_ROLES, query: rangeQuerySchema }, async ({ query }) => {
  const range = presetRange(query.range)
  return Response.json({ range, ...(await jobOverview(range)) })
})
