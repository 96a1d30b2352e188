import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { getErrorGroupOrThrow } from "@/lib/monitoring/errors/queries"

// GET /api/admin/errors/:id — one error group with its sample stack, trend, affected users and latest occurrences
export const GET = route({ roles: ENGINEERING_ROLES }, async ({ params }) =>
  Response.json(await getErrorGroupOrThrow(params.id!)),
)
