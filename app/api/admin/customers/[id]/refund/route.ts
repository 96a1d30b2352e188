import { refundPayment, refundSchema } from "@/lib/billing/refunds"
import { appOrigin } from "@/lib/billing/origin"
import { route } from "@/lib/http/route"

// POST /api/admin/customers/:id/refund { paymentId, amountCents? } — refund a payment (all that is left by default)
export const POST = route({ roles: ["SUPPORT", "ADMIN", "OWNER"], body: refundSchema, auditedByHandler: true }, async ({ request, params, body, caller }) =>
  Response.json(await refundPayment({ ...body, customerId: params.id!, actor: caller!.user, origin: appOrigin(request) })),
)
