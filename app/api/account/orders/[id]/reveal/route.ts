import { ALL_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { revealCredentials } from "@/lib/orders/reveal"

// POST /api/account/orders/:id/reveal — the caller's own delivered seat credentials; audited, rate limited, never cached
export const POST = route({ roles: ALL_ROLES, auditedByHandler: true }, async ({ params, caller }) => {
  const credentials = await revealCredentials({ orderId: params.id!, userId: caller!.user.id })
  return Response.json(credentials, { headers: { "cache-control": "no-store" } })
})
