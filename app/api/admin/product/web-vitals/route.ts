import { productRange, productRangeQuerySchema } from "@/lib/analytics/model/range"
import { webVitalsReport } from "@/lib/analytics/reports/web-vitals"
import { MANAGER_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"

// GET /api/admin/product/web-vitals?range=30d | ?from=&to= — LCP, INP and CLS p50/p75/p95 per page and overall (admins, owners)
export const GET = route({ roles: MANAGER_ROLES, query: productRangeQuerySchema }, async ({ query }) => {
  const range = productRange(query)
  return Response.json({ range, report: await webVitalsReport(range) })
})
