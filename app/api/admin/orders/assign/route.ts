import { STAFF_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { assignOrders } from "@/lib/orders/assign"
import { bulkAssignOrdersSchema } from "@/lib/orders/schemas"

// POST /api/admin/orders/assign { orderIds, assigneeId? } — bulk assign; closed orders are skipped, the count says how many moved
export const POST = route(
  { roles: STAFF_ROLES, scope: "orders", body: bulkAssignOrdersSchema, auditedByHandler: true },
  async ({ body, caller }) => {
    const actor = caller.user
    return Response.json(
      await assignOrders({ orderIds: body.orderIds, assigneeId: body.assigneeId ?? actor.id, actor }),
    )
  },
)
