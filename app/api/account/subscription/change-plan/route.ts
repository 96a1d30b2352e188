import { track } from "@/lib/analytics/ingest/track"
import { ALL_ROLES } from "@/lib/auth/roles"
import { appOrigin } from "@/lib/config/app-origin"
import { changePlanSchema } from "@/lib/billing/schemas"
import { changePlan } from "@/lib/billing/subscriptions"
import { requestOrigin } from "@/lib/http/request-origin"
import { route } from "@/lib/http/route"

// POST /api/account/subscription/change-plan { planId, subscriptionId? } — move to another plan on sale
export const POST = route({ roles: ALL_ROLES, body: changePlanSchema }, async ({ request, body, caller }) => {
  const result = await changePlan(caller.user.id, body.subscriptionId, body.planId, { origin: appOrigin() })
  void track("feature_used", {
    userId: caller.user.id,
    props: { feature: "plan_changed" },
    browser: requestOrigin(request),
  })
  return Response.json(result)
})
