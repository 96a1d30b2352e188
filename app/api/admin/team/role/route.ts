import { MANAGER_ROLES } from "@/lib/auth/roles"
import { changeRoleSchema } from "@/lib/auth/schemas"
import { changeUserRole } from "@/lib/auth/team"
import { route } from "@/lib/http/route"

// PUT /api/admin/team/role — set a user's role (owners: any; admins: below admin)
export const PUT = route(
  { roles: MANAGER_ROLES, scope: "admin", body: changeRoleSchema, auditedByHandler: true },
  async ({ body, caller }) => Response.json(await changeUserRole({ ...body, actor: caller.user })),
)
