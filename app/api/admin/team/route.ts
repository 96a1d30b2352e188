import { STAFF_ROLES } from "@/lib/auth/roles"
import { listTeam } from "@/lib/auth/team"
import { route } from "@/lib/http/route"

// GET /api/admin/team — staff members, their roles and whether they have set up the second factor
export const GET = route({ roles: STAFF_ROLES }, async () => Response.json({ items: await listTeam() }))
