import { ALL_ROLES } from "@/lib/auth/roles"
import { createFeatureRequest, listBoard } from "@/lib/feedback/feature-requests"
import { boardQuerySchema, featureRequestSchema } from "@/lib/feedback/schemas"
import { route } from "@/lib/http/route"

// GET /api/account/feature-requests?sort=top|new&status=&page= — the board, with the caller's votes
export const GET = route(
  { roles: ALL_ROLES, allowWithoutMfa: true, query: boardQuerySchema },
  async ({ caller, query }) => Response.json(await listBoard(caller.user.id, query)),
)

// POST /api/account/feature-requests { title, body? } — post a request (customers only; 5 an hour), with the author's vote on it
export const POST = route(
  {
    roles: ALL_ROLES,
    allowWithoutMfa: true,
    body: featureRequestSchema,
    rateLimit: { points: 5, durationSeconds: 3600 },
  },
  async ({ caller, body }) => Response.json(await createFeatureRequest(caller.user.id, body), { status: 201 }),
)
