import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { replayDelivery } from "@/lib/billing/webhooks/replay"
import { route } from "@/lib/http/route"

// POST /api/admin/webhooks/:id/replay — re-run a failed delivery from its stored payload; answers the delivery afterwards
export const POST = route({ roles: ENGINEERING_ROLES, scope: "billing" }, async ({ params }) =>
  Response.json(await replayDelivery(params.id!)),
)
