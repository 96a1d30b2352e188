import { ALL_ROLES } from "@/lib/auth/roles"
import { sessionParamsSchema } from "@/lib/auth/schemas"
import { revokeSession } from "@/lib/auth/sessions"
import { route } from "@/lib/http/route"

// DELETE /api/account/sessions/:id — end one of the caller's own sessions (404 for anyone else's)
export const DELETE = route({ roles: ALL_ROLES, auditedByHandler: true }, async ({ caller, params }) => {
  const { id } = sessionParamsSchema.parse(params)
  await revokeSession({ user: caller.user, sessionId: id })
  return Response.json({ revoked: id, current: id === caller.sessionId })
})
