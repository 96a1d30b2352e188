import { MANAGER_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { movementsReport } from "@/lib/revenue/report"
import { movementsQuerySchema } from "@/lib/revenue/schemas"

// GET /api/admin/revenue/movements?from=2026-01&to=2026-06&interval=month — monthly MRR movements and churn rates, in cents (admins, owners)
export const GET = route({ roles: MANAGER_ROLES, query: movementsQuerySchema }, async ({ query }) =>
  Response.json(await movementsReport(query)),
)
