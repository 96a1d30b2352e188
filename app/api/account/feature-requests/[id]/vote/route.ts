import { ALL_ROLES } from "@/lib/auth/roles"
import { unvoteRequest, voteForRequest } from "@/lib/feedback/feature-requests"
import { route } from "@/lib/http/route"

// POST /api/account/feature-requests/:id/vote — vote for a request (once per user; again is a no-op)
export const POST = route({ roles: ALL_ROLES, allowWithoutMfa: true }, async ({ caller, params }) =>
  Response.json(await voteForRequest(caller.user.id, params.id!)),
)

// DELETE /api/account/feature-requests/:id/vote — take the vote back
export const DELETE = route({ roles: ALL_ROLES, allowWithoutMfa: true }, async ({ caller, params }) =>
  Response.json(await unvoteRequest(caller.user.id, params.id!)),
)
