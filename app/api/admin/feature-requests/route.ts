import { FEEDBACK_STAFF_ROLES } from "@/lib/feedback/roles"
import { boardQuerySchema } from "@/lib/feedback/schemas"
import { listStaffBoard } from "@/lib/feedback/staff-queries"
import { route } from "@/lib/http/route"

// GET /api/admin/feature-requests?sort=top|new&status=&page=&pageSize= — the board with authors (support, admins, owners)
export const GET = route({ roles: FEEDBACK_STAFF_ROLES, query: boardQuerySchema }, async ({ query }) =>
  Response.json(await listStaffBoard(query)),
)
