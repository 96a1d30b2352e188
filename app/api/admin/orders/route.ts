import { STAFF_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { listOrderQueue } from "@/lib/orders/queries"
import { orderListFilterSchema } from "@/lib/orders/schemas"

// GET /api/admin/orders?status=&overdue=&assignee=&release=&customer=&page=&pageSize= — the fulfilment queue, nearest deadline first
export const GET = route(
  { roles: STAFF_ROLES, scope: "orders", query: orderListFilterSchema },
  async ({ query, caller }) =>
    Response.json(await listOrderQueue(query, { now: new Date(), viewerId: caller.user.id })),
)
