import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { setErrorGroupStatus } from "@/lib/monitoring/errors/mutations"
import { errorGroupStatusSchema } from "@/lib/monitoring/errors/schemas"

// POST /api/admin/errors/:id/status { status } — resolve, ignore or reopen an error group (audited)
export const POST = route(
  { roles: ENGINEERING_ROLES, body: errorGroupStatusSchema, auditedByHandler: true },
  async ({ params, body, caller }) =>
    Response.json(await setErrorGroupStatus({ groupId: params.id!, status: body.status, actor: caller.user })),
)
