import { STAFF_ROLES } from "@/lib/auth/roles"
import { revokeApiToken } from "@/lib/auth/tokens"
import { route } from "@/lib/http/route"

// DELETE /api/admin/tokens/:id — revoke a token (staff their own, admins and owners anyone's); it stops working at once
export const DELETE = route(
  { roles: STAFF_ROLES, scope: "admin", auditedByHandler: true },
  async ({ params, caller }) => {
    await revokeApiToken({ tokenId: params.id!, by: caller })
    return new Response(null, { status: 204 })
  },
)
