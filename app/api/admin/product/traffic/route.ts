import { productRange, productRangeQuerySchema } from "@/lib/analytics/model/range"
import { trafficReport } from "@/lib/analytics/reports/traffic"
import { MANAGER_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { previousPeriod } from "@/lib/utils/time-range"

// GET /api/admin/product/traffic?range=30d | ?from=&to= — top pages, referrers, campaigns, entry and exit pages, bounce rate, visit duration (admins, owners)
export const GET = route({ roles: MANAGER_ROLES, query: productRangeQuerySchema }, async ({ query }) => {
  const range = productRange(query)
  return Response.json({ range, report: await trafficReport(range, previousPeriod(range)) })
})
