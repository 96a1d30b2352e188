import { STAFF_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { markSeatReleased } from "@/lib/orders/release"

// POST /api/admin/orders/:id/release — the churned seat was taken back; its credentials are wiped
export const POST = route({ roles: STAFF_ROLES, scope: "orders", auditedByHandler: true }, async ({ params, caller }) =>
  Response.json(await markSeatReleased({ orderId: params.id!, actor: caller.user })),
)
