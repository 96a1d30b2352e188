import { ALL_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { listAccountOrders } from "@/lib/orders/account"

// GET /api/account/orders — the caller's own orders with their timelines (never credentials)
export const GET = route({ roles: ALL_ROLES, allowWithoutMfa: true }, async ({ caller }) =>
  Response.json(
    { items: await listAccountOrders(caller.user.id) },
    { headers: { "cache-control": "private, no-store" } },
  ),
)
