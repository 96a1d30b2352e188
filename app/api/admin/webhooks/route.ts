import { STAFF_ROLES } from "@/lib/auth/roles"
import { deliveryFilterSchema } from "@/lib/billing/schemas"
import { listWebhookDeliveries } from "@/lib/billing/webhooks/queries"
import { route } from "@/lib/http/route"

// GET /api/admin/webhooks?status=&type=&subscription=&page=&pageSize= — webhook deliveries, newest first (subscription: a Polar subscription id)
export const GET = route({ roles: STAFF_ROLES, query: deliveryFilterSchema }, async ({ query }) =>
  Response.json(await listWebhookDeliveries(query)),
)
