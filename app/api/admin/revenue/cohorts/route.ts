import { MANAGER_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { cohortsReport } from "@/lib/revenue/report"
import { cohortsQuerySchema } from "@/lib/revenue/schemas"

// GET /api/admin/revenue/cohorts?from=2026-01&to=2026-06 — revenue cohorts by first-paid month: logo, net and gross MRR retention per month (admins, owners)
export const GET = route({ roles: MANAGER_ROLES, query: cohortsQuerySchema }, async ({ query }) =>
  Response.json(await cohortsReport(query)),
)
