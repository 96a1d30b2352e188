import { funnelReport } from "@/lib/analytics/funnels/report"
import { funnelReportQuerySchema } from "@/lib/analytics/funnels/schemas"
import { productRange } from "@/lib/analytics/model/range"
import { MANAGER_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"

// GET /api/admin/product/funnels/report?steps=page:/,event:checkout_started | funnelId=… &window=14&breakdown=country&range=30d | from=&to=
// — per-step people, conversion, time between steps and drop-off, with the previous period's headline (admins, owners)
export const GET = route({ roles: MANAGER_ROLES, query: funnelReportQuerySchema }, async ({ query }) => {
  const range = productRange(query)
  return Response.json({ range, report: await funnelReport(query, range, { compare: true }) })
})
