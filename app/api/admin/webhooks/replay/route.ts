import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { replaySubscriptionSchema } from "@/lib/billing/schemas"
import { replaySubscriptionDeliveries } from "@/lib/billing/webhooks/replay"
import { route } from "@/lib/http/route"

// POST /api/admin/webhooks/replay { subscription } — replay every failed delivery of one Polar subscription, oldest state first; answers { items }: those deliveries afterwards
export const POST = route(
  { roles: ENGINEERING_ROLES, scope: "billing", body: replaySubscriptionSchema },
  async ({ body }) => Response.json({ items: await replaySubscriptionDeliveries(body.subscription) }),
)
