import { ALL_ROLES } from "@/lib/auth/roles"
import { npsSurveyState, recordNpsAnswer } from "@/lib/feedback/nps"
import { npsAnswerSchema } from "@/lib/feedback/schemas"
import { route } from "@/lib/http/route"

// GET /api/account/nps — whether the survey is open to the signed-in user now
export const GET = route({ roles: ALL_ROLES, allowWithoutMfa: true }, async ({ caller }) =>
  Response.json(await npsSurveyState(caller.user.id)),
)

// POST /api/account/nps { score, comment? } | { dismissed: true } — answer or dismiss the survey, once a quarter (409 otherwise)
export const POST = route(
  { roles: ALL_ROLES, allowWithoutMfa: true, body: npsAnswerSchema, rateLimit: { points: 20, durationSeconds: 600 } },
  async ({ caller, body }) => Response.json(await recordNpsAnswer(caller.user.id, body), { status: 201 }),
)
