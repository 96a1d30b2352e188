import { STAFF_ROLES } from "@/lib/auth/roles"
import { createTokenSchema } from "@/lib/auth/schemas"
import { createApiToken, listApiTokens } from "@/lib/auth/tokens"
import { route } from "@/lib/http/route"

// GET /api/admin/tokens — the caller's own tokens; an admin's or owner's list holds everyone's (never the token itself)
export const GET = route({ roles: STAFF_ROLES, scope: "admin" }, async ({ caller }) =>
  Response.json({ items: await listApiTokens(caller.user) }),
)

// POST /api/admin/tokens — the caller mints a token for themselves (a session past the second factor, never a token); shown only in this answer
export const POST = route(
  { roles: STAFF_ROLES, scope: "admin", body: createTokenSchema, auditedByHandler: true },
  async ({ body, caller }) => {
    const created = await createApiToken({ ...body, by: caller })
    return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } })
  },
)
