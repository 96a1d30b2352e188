import { ALL_ROLES } from "@/lib/auth/roles"
import { listSessions, revokeOtherSessions } from "@/lib/auth/sessions"
import { route } from "@/lib/http/route"

// GET /api/account/sessions — where the caller is signed in: device, created, last seen, this one marked
export const GET = route({ roles: ALL_ROLES }, async ({ caller }) => {
  const sessions = await listSessions(caller.user, caller.sessionId)
  return Response.json({ sessions }, { headers: { "cache-control": "no-store" } })
})

// DELETE /api/account/sessions — sign out everywhere else: every session of the caller but this one ends
export const DELETE = route({ roles: ALL_ROLES, auditedByHandler: true }, async ({ caller }) => {
  const ended = await revokeOtherSessions({ user: caller.user, keepSessionId: caller.sessionId })
  return Response.json({ ended })
})
