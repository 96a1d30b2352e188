import { STAFF_ROLES } from "@/lib/auth/roles"
import { listEmails } from "@/lib/email/queries"
import { emailFilterSchema } from "@/lib/email/schemas"
import { route } from "@/lib/http/route"

// GET /api/admin/emails?status=&template=&to=&page=&pageSize= — every email the app queued, newest first
export const GET = route({ roles: STAFF_ROLES, query: emailFilterSchema }, async ({ query }) =>
  Response.json(await listEmails(query)),
)
