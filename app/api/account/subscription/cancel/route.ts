import { track } from "@/lib/analytics/ingest/track"
import { ALL_ROLES } from "@/lib/auth/roles"
import { appOrigin } from "@/lib/config/app-origin"
import { subscriptionActionSchema } from "@/lib/billing/schemas"
import { cancelAtPeriodEnd } from "@/lib/billing/subscriptions"
import { requestOrigin } from "@/lib/http/request-origin"
import { route } from "@/lib/http/route"

// POST /api/account/subscription/cancel { subscriptionId? } — cancel at the end of the paid period
export const POST = route({ roles: ALL_ROLES, body: subscriptionActionSchema }, async ({ request, body, caller }) => {
  const result = await cancelAtPeriodEnd(caller.user.id, body.subscriptionId, { origin: appOrigin() })
  void track("feature_used", {
    userId: caller.user.id,
    props: { feature: "subscription_canceled" },
    browser: requestOrigin(request),
  })
  return Response.json(result)
})
