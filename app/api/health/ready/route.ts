import { route } from "@/lib/http/route"
import { readiness } from "@/lib/monitoring/health"

export const dynamic = "force-dynamic"

// GET /api/health/ready — database reachable and migrations applied; 503 when not
export const GET = route({ rateLimit: false }, async () => {
  const report = await readiness()
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } })
})
