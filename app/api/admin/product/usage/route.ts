import { productRange, productRangeQuerySchema } from "@/lib/analytics/model/range"
import { featureUsageReport } from "@/lib/analytics/reports/usage"
import { MANAGER_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { previousPeriod } from "@/lib/utils/time-range"

// GET /api/admin/product/usage?range=30d | ?from=&to= — feature usage, adoption, DAU/WAU/MAU and stickiness, with the previous period (admins, owners)
export const GET = route({ roles: MANAGER_ROLES, query: productRangeQuerySchema }, async ({ query }) => {
  const range = productRange(query)
  return Response.json({ range, report: await featureUsageReport(range, previousPeriod(range)) })
})
