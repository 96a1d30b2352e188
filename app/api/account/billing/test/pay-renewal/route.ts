import { ALL_ROLES } from "@/lib/auth/roles"
import { appOrigin } from "@/lib/config/app-origin"
import { subscriptionActionSchema } from "@/lib/billing/schemas"
import { payFailedRenewal } from "@/lib/billing/test-mode/renewals"
import { route } from "@/lib/http/route"

// POST /api/account/billing/test/pay-renewal { subscriptionId? } — test mode: a new card pays the failed renewal (409 live)
export const POST = route({ roles: ALL_ROLES, body: subscriptionActionSchema }, async ({ body, caller }) =>
  Response.json(await payFailedRenewal(caller.user.id, body.subscriptionId, { origin: appOrigin() })),
)
