import { ALL_ROLES } from "@/lib/auth/roles"
import { appOrigin } from "@/lib/config/app-origin"
import { subscriptionActionSchema } from "@/lib/billing/schemas"
import { simulateFailedRenewal } from "@/lib/billing/test-mode/renewals"
import { route } from "@/lib/http/route"

// POST /api/account/billing/test/fail-renewal { subscriptionId? } — test mode: the renewal charge is declined (409 live)
export const POST = route({ roles: ALL_ROLES, body: subscriptionActionSchema }, async ({ body, caller }) =>
  Response.json(await simulateFailedRenewal(caller.user.id, body.subscriptionId, { origin: appOrigin() })),
)
