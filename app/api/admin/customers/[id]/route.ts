import { STAFF_ROLES } from "@/lib/auth/roles"
import { getCustomerDetailOrThrow } from "@/lib/customers/queries"
import { route } from "@/lib/http/route"

// GET /api/admin/customers/:id — one customer with subscriptions, ledger, payments, orders, emails, webhooks and audit
export const GET = route({ roles: STAFF_ROLES }, async ({ params }) =>
  Response.json(await getCustomerDetailOrThrow(params.id ?? "")),
)
