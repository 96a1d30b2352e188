import { consentCookies } from "@/lib/analytics/ingest/consent"
import { consentSchema } from "@/lib/analytics/ingest/schemas"
import { route } from "@/lib/http/route"

// POST /api/consent { choice: "granted" | "denied" } — sets (or clears) the analytics cookies
export const POST = route({ body: consentSchema, maxBodyBytes: 1024 }, async ({ request, body }) => {
  const headers = new Headers()
  for (const cookie of consentCookies(body.choice, request.headers.get("cookie"))) headers.append("set-cookie", cookie)
  return Response.json({ choice: body.choice }, { headers })
})
