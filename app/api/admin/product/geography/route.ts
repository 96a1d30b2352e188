import { productRange, productRangeQuerySchema } from "@/lib/analytics/model/range"
import { geographyReport } from "@/lib/analytics/reports/geography"
import { MANAGER_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { previousPeriod } from "@/lib/utils/time-range"

// GET /api/admin/product/geography?range=30d | ?from=&to= — visitors, conversion, subscribers and MRR by country, weekly visitors per continent (admins, owners)
export const GET = route({ roles: MANAGER_ROLES, query: productRangeQuerySchema }, async ({ query }) => {
  const range = productRange(query)
  return Response.json({ range, report: await geographyReport(range, previousPeriod(range)) })
})
