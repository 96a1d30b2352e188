import { deleteSavedFunnel, updateSavedFunnel } from "@/lib/analytics/funnels/saved-funnels"
import { savedFunnelPatchSchema } from "@/lib/analytics/funnels/schemas"
import { MANAGER_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"

// PATCH /api/admin/product/funnels/:id { name?, steps?, windowDays? } — change a saved funnel (audited)
export const PATCH = route(
  { roles: MANAGER_ROLES, body: savedFunnelPatchSchema, auditedByHandler: true },
  async ({ params, body, caller }) =>
    Response.json(await updateSavedFunnel({ id: params.id!, patch: body, actor: caller.user })),
)

// DELETE /api/admin/product/funnels/:id — delete a saved funnel (audited)
export const DELETE = route({ roles: MANAGER_ROLES, auditedByHandler: true }, async ({ params, caller }) => {
  await deleteSavedFunnel({ id: params.id!, actor: caller.user })
  return new Response(null, { status: 204 })
})
