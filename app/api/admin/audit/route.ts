import { STAFF_ROLES } from "@/lib/auth/roles"
import { listAuditEntries } from "@/lib/audit/queries"
import { auditFilterSchema } from "@/lib/audit/schemas"
import { route } from "@/lib/http/route"

// GET /api/admin/audit?action=&actor=&from=&to=&page=&pageSize= — the audit log, newest first
export const GET = route({ roles: STAFF_ROLES, query: auditFilterSchema }, async ({ query }) =>
  Response.json(await listAuditEntries(query)),
)
