import { MANAGER_ROLES } from "@/lib/auth/roles"
import { revokeApiToken } from "@/lib/auth/tokens"
import { route } from "@/lib/http/route"

// DELETE /api/admin/tokens/:id — revoke a token; it stops working at once
export const DELETE = route({ roles: MANAGER_ROLES, auditedByHandler: true }, async ({ params, caller }) => {
  await revokeApiToken({ tokenId: params.id!, actor: caller!.user })
  return new Response(null, { status: 204 })
})
