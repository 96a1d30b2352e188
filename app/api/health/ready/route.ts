import { isStaff } from "@/lib/auth/roles"
import type { Caller } from "@/lib/http/authenticate"
import { route } from "@/lib/http/route"
import { readiness } from "@/lib/monitoring/uptime/health"

export const dynamic = "force-dynamic"

// GET /api/health/ready — database reachable and migrations applied: "up" (200) or "down" (503); the checks for staff only
export const GET = route({ rateLimit: false }, async ({ caller }) => {
  const report = await readiness()
  const status = report.status === "ok" ? "up" : "down"
  // A check's detail can be a raw database error (host, user, SQL): not for load balancers and the public.
  const body = seesDetails(caller) ? { status, checks: report.checks } : { status }
  return Response.json(body, { status: status === "up" ? 200 : 503, headers: { "cache-control": "no-store" } })
})

/** Staff with a bearer token, or a staff session past the second factor (as authorize() asks). */
function seesDetails(caller: Caller | null): boolean {
  return caller !== null && isStaff(caller.user.role) && caller.mfaVerified
}
