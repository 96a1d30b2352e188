import { ALL_ROLES } from "@/lib/auth/roles"
import { submitFeedback } from "@/lib/feedback/messages"
import { feedbackMessageSchema } from "@/lib/feedback/schemas"
import { route } from "@/lib/http/route"

// POST /api/account/feedback { rating?, message, page? } — a message from the feedback form, with an optional CSAT rating (5 per 10 minutes)
export const POST = route(
  {
    roles: ALL_ROLES,
    allowWithoutMfa: true,
    body: feedbackMessageSchema,
    rateLimit: { points: 5, durationSeconds: 600 },
  },
  async ({ caller, body }) => Response.json(await submitFeedback(caller.user.id, body), { status: 201 }),
)
