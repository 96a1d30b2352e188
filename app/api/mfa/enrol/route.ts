import { STAFF_ROLES } from "@/lib/auth/roles"
import { beginEnrolment } from "@/lib/auth/mfa"
import { route } from "@/lib/http/route"

// POST /api/mfa/enrol — a staff member starts setting up the second factor (secret, otpauth URI, QR code)
export const POST = route({ roles: STAFF_ROLES, allowWithoutMfa: true, auditedByHandler: true }, async ({ caller }) => {
  const enrolment = await beginEnrolment(caller.user)
  return Response.json(enrolment, { headers: { "cache-control": "no-store" } })
})
