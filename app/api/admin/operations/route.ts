import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { operationsOverview } from "@/lib/monitoring/operations/overview"
import { operationsQuerySchema } from "@/lib/monitoring/operations/schemas"

// GET /api/admin/operations?range=24h&sort=slowest — every section of the operations dashboard for a time range
export const GET = route({ roles: ENGINEERING_ROLES, query: operationsQuerySchema }, async ({ query }) =>
  Response.json(await operationsOverview(query)),
)
