import { productRange } from "@/lib/analytics/model/range"
import { cohortReport } from "@/lib/analytics/reports/cohorts-report"
import { cohortQuerySchema } from "@/lib/analytics/reports/cohorts-schemas"
import { MANAGER_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"

// GET /api/admin/product/cohorts?by=first_seen|signup&period=week|month&range=90d | from=&to= — retention cohorts as a table of shares (admins, owners)
export const GET = route({ roles: MANAGER_ROLES, query: cohortQuerySchema }, async ({ query }) => {
  const range = productRange(query)
  return Response.json({ range, report: await cohortReport(query, range) })
})
