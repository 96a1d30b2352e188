import { STAFF_ROLES } from "@/lib/auth/roles"
import { deliverSoon } from "@/lib/email/deliver-soon"
import { route } from "@/lib/http/route"
import { fulfilOrder } from "@/lib/orders/fulfil"
import { fulfilOrderSchema } from "@/lib/orders/schemas"

// POST /api/admin/orders/:id/fulfil { login, password, notes? } — deliver the seat; credentials are stored encrypted
export const POST = route(
  { roles: STAFF_ROLES, scope: "orders", body: fulfilOrderSchema, auditedByHandler: true },
  async ({ params, body, caller }) => {
    const order = await fulfilOrder({ orderId: params.id!, actor: caller.user, ...body })
    deliverSoon()
    return Response.json(order)
  },
)
