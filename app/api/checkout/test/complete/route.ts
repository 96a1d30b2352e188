import { ALL_ROLES } from "@/lib/auth/roles"
import { completeTestCheckout } from "@/lib/billing/checkout"
import { appOrigin } from "@/lib/config/app-origin"
import { testCheckoutCompleteSchema } from "@/lib/billing/schemas"
import { route } from "@/lib/http/route"

// POST /api/checkout/test/complete { token, outcome } — test mode's "Pay" / "Card declined": sends Polar's webhooks to ourselves
export const POST = route({ roles: ALL_ROLES, body: testCheckoutCompleteSchema }, async ({ body, caller }) =>
  Response.json(
    await completeTestCheckout({ user: caller.user, token: body.token, outcome: body.outcome, origin: appOrigin() }),
  ),
)
