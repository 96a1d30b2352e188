import { track } from "@/lib/analytics/ingest/track"
import { ALL_ROLES } from "@/lib/auth/roles"
import { appOrigin } from "@/lib/config/app-origin"
import { subscriptionActionSchema } from "@/lib/billing/schemas"
import { resume } from "@/lib/billing/subscriptions"
import { requestOrigin } from "@/lib/http/request-origin"
import { route } from "@/lib/http/route"

// POST /api/account/subscription/resume { subscriptionId? } — withdraw a scheduled cancellation
export const POST = route({ roles: ALL_ROLES, body: subscriptionActionSchema }, async ({ request, body, caller }) => {
  const result = await resume(caller.user.id, body.subscriptionId, { origin: appOrigin() })
  void track("feature_used", {
    userId: caller.user.id,
    props: { feature: "subscription_resumed" },
    browser: requestOrigin(request),
  })
  return Response.json(result)
})
