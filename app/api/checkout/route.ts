import { ALL_ROLES } from "@/lib/auth/roles"
import { startCheckout } from "@/lib/billing/checkout"
import { appOrigin } from "@/lib/config/app-origin"
import { checkoutSchema } from "@/lib/billing/schemas"
import { requestOrigin } from "@/lib/http/request-origin"
import { route } from "@/lib/http/route"

// POST /api/checkout { planId } — starts a checkout (Polar, or the local test checkout) and answers { url } to send the browser to
export const POST = route({ roles: ALL_ROLES, body: checkoutSchema }, async ({ request, body, caller }) => {
  const { url } = await startCheckout({
    user: caller.user,
    planId: body.planId,
    origin: appOrigin(),
    browser: requestOrigin(request),
  })
  return Response.json({ url })
})
