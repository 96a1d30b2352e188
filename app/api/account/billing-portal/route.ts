import { track } from "@/lib/analytics/ingest/track"
import { ALL_ROLES } from "@/lib/auth/roles"
import { appOrigin } from "@/lib/config/app-origin"
import { billingPortalUrl } from "@/lib/billing/subscriptions"
import { requestOrigin } from "@/lib/http/request-origin"
import { route } from "@/lib/http/route"

export const dynamic = "force-dynamic"

// GET /api/account/billing-portal — { url } of Polar's customer portal (test mode: the account's billing page)
export const GET = route({ roles: ALL_ROLES }, async ({ request, caller }) => {
  const url = await billingPortalUrl(caller.user.id, { origin: appOrigin() })
  void track("feature_used", {
    userId: caller.user.id,
    props: { feature: "billing_portal_opened" },
    browser: requestOrigin(request),
  })
  return Response.json({ url }, { headers: { "cache-control": "no-store" } })
})
