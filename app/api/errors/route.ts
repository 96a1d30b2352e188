import { route } from "@/lib/http/route"
import { recordError } from "@/lib/monitoring/errors/record"
import { BROWSER_ERROR_MAX_BYTES, browserErrorSchema } from "@/lib/monitoring/errors/schemas"

// POST /api/errors — a browser reports an uncaught error or rejection; grouped with the others (202)
export const POST = route(
  // A staff member's browser failing is not a staff action: nothing to audit.
  {
    body: browserErrorSchema,
    maxBodyBytes: BROWSER_ERROR_MAX_BYTES,
    rateLimit: { points: 20, durationSeconds: 60 },
    auditedByHandler: true,
  },
  async ({ body, caller }) => {
    await recordError({
      source: "browser",
      error: { name: body.name, message: body.message, stack: body.stack ?? null },
      route: body.url,
      userId: caller?.user.id,
      release: body.release,
    })
    return new Response(null, { status: 202 })
  },
)
