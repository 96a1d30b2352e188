import { STAFF_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { assignOrder } from "@/lib/orders/assign"
import { assignOrderSchema } from "@/lib/orders/schemas"

// POST /api/admin/orders/:id/assign { assigneeId? } — give an open order to a staff member (default: the caller)
export const POST = route(
  { roles: STAFF_ROLES, scope: "orders", body: assignOrderSchema.optional(), auditedByHandler: true },
  async ({ params, body, caller }) => {
    const actor = caller.user
    return Response.json(await assignOrder({ orderId: params.id!, assigneeId: body?.assigneeId ?? actor.id, actor }))
  },
)
