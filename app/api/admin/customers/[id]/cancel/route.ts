import { z } from "zod"
import { recordAudit } from "@/lib/audit/log"
import { appOrigin } from "@/lib/config/app-origin"
import { cancelAtPeriodEnd } from "@/lib/billing/subscriptions"
import { route } from "@/lib/http/route"

const cancelSchema = z.object({ subscriptionId: z.string().trim().min(1).max(100).optional() }).default({})

// POST /api/admin/customers/:id/cancel { subscriptionId? } — cancel at period end on the customer's behalf
export const POST = route(
  { roles: ["SUPPORT", "ADMIN", "OWNER"], scope: "billing", body: cancelSchema, auditedByHandler: true },
  async ({ params, body, caller }) => {
    const result = await cancelAtPeriodEnd(params.id!, body.subscriptionId, { origin: appOrigin() })
    await recordAudit({
      actor: caller.user,
      action: "subscription.canceled_by_staff",
      targetType: "subscription",
      targetId: result.subscription.id,
      metadata: { customerId: params.id!, mode: result.mode },
    })
    return Response.json(result)
  },
)
