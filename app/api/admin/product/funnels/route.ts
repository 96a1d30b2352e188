import { createSavedFunnel, listSavedFunnels } from "@/lib/analytics/funnels/saved-funnels"
import { funnelsListQuerySchema, savedFunnelInputSchema } from "@/lib/analytics/funnels/schemas"
import { MANAGER_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"

// Product analytics is for admins and owners, as the rest of /admin/product (it shows revenue).

// GET /api/admin/product/funnels?page=&pageSize= — saved funnels, by name
export const GET = route({ roles: MANAGER_ROLES, query: funnelsListQuerySchema }, async ({ query }) =>
  Response.json(await listSavedFunnels(query)),
)

// POST /api/admin/product/funnels { name, steps, windowDays? } — save a funnel (audited)
export const POST = route(
  { roles: MANAGER_ROLES, body: savedFunnelInputSchema, auditedByHandler: true },
  async ({ body, caller }) => Response.json(await createSavedFunnel({ ...body, actor: caller.user }), { status: 201 }),
)
