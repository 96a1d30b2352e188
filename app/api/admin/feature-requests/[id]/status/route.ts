import { deliverSoon } from "@/lib/email/deliver-soon"
import { setFeatureRequestStatus } from "@/lib/feedback/feature-request-status"
import { FEEDBACK_STAFF_ROLES } from "@/lib/feedback/roles"
import { featureRequestStatusSchema } from "@/lib/feedback/schemas"
import { route } from "@/lib/http/route"

// POST /api/admin/feature-requests/:id/status { status } — planned, in progress, shipped or declined; emails voters and author once per status (audited)
export const POST = route(
  { roles: FEEDBACK_STAFF_ROLES, body: featureRequestStatusSchema, auditedByHandler: true },
  async ({ params, body, caller }) => {
    const change = await setFeatureRequestStatus({ requestId: params.id!, status: body.status, actor: caller.user })
    if (change.emailed > 0) deliverSoon()
    return Response.json(change)
  },
)
