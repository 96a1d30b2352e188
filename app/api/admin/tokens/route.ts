import { MANAGER_ROLES } from "@/lib/auth/roles"
import { createTokenSchema } from "@/lib/auth/schemas"
import { createApiToken, listApiTokens } from "@/lib/auth/tokens"
import { route } from "@/lib/http/route"

// GET /api/admin/tokens — every staff API token (never the token itself)
export const GET = route({ roles: MANAGER_ROLES }, async () => Response.json({ items: await listApiTokens() }))

// POST /api/admin/tokens — issue a token for a staff member; the token is shown only in this answer
export const POST = route({ roles: MANAGER_ROLES, body: createTokenSchema, auditedByHandler: true }, async ({ body, caller }) => {
  const created = await createApiToken({ ...body, actor: caller!.user })
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } })
})
