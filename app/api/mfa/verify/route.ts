import { z } from "zod"
import { STAFF_ROLES } from "@/lib/auth/roles"
import { verifySecondFactor } from "@/lib/auth/mfa"
import { AppError } from "@/lib/errors"
import { route } from "@/lib/http/route"

const verifySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "enter the 6-digit code"),
})

// POST /api/mfa/verify — a staff member passes the second factor for this session
export const POST = route(
  { roles: STAFF_ROLES, allowWithoutMfa: true, auditedByHandler: true, body: verifySchema },
  async ({ caller, body }) => {
    if (!caller.sessionId)
      throw new AppError("bad_request", "the second factor is for browser sessions; API tokens do not need it")
    await verifySecondFactor({ user: caller.user, sessionId: caller.sessionId, code: body.code })
    return Response.json({ verified: true })
  },
)
