import { refundPayment, refundSchema } from "@/lib/billing/refunds"
import { appOrigin } from "@/lib/config/app-origin"
import { idempotencyKey } from "@/lib/http/idempotency-key"
import { route } from "@/lib/http/route"

// POST /api/admin/customers/:id/refund { paymentId, amountCents? } + Idempotency-Key — refund a payment (all that is left by default), once per key
export const POST = route(
  { roles: ["SUPPORT", "ADMIN", "OWNER"], scope: "billing", body: refundSchema, auditedByHandler: true },
  async ({ request, params, body, caller }) => {
    const { result, replayed } = await refundPayment({
      ...body,
      idempotencyKey: idempotencyKey(request),
      customerId: params.id!,
      actor: caller.user,
      origin: appOrigin(),
    })
    return Response.json(result, { headers: replayed ? { "idempotent-replayed": "true" } : undefined })
  },
)
