import { STAFF_ROLES } from "@/lib/auth/roles"
import { AppError } from "@/lib/errors"
import { route } from "@/lib/http/route"
import { getOrderDetail } from "@/lib/orders/queries"

// GET /api/admin/orders/:id — one order with its timeline (never its credentials)
export const GET = route({ roles: STAFF_ROLES, scope: "orders" }, async ({ params }) => {
  const order = await getOrderDetail(params.id!)
  if (!order) throw new AppError("not_found", "no such order")
  return Response.json(order)
})
