import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { listErrorGroups } from "@/lib/monitoring/errors/queries"
import { errorGroupFilterSchema } from "@/lib/monitoring/errors/schemas"

// GET /api/admin/errors?status=&sort=&page=&pageSize= — error groups, last seen (or most frequent) first
export const GET = route({ roles: ENGINEERING_ROLES, query: errorGroupFilterSchema }, async ({ query }) =>
  Response.json(await listErrorGroups(query)),
)
