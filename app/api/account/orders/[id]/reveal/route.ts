import { track } from "@/lib/analytics/ingest/track"
import { ALL_ROLES } from "@/lib/auth/roles"
import { requestOrigin } from "@/lib/http/request-origin"
import { route } from "@/lib/http/route"
import { revealCredentials } from "@/lib/orders/reveal"

// POST /api/account/orders/:id/reveal — the caller's own delivered seat credentials; audited, rate limited, never cached
export const POST = route({ roles: ALL_ROLES, auditedByHandler: true }, async ({ request, params, caller }) => {
  const credentials = await revealCredentials({ orderId: params.id!, userId: caller.user.id })
  void track("feature_used", {
    userId: caller.user.id,
    props: { feature: "credentials_revealed" },
    browser: requestOrigin(request),
  })
  return Response.json(credentials, { headers: { "cache-control": "no-store" } })
})
