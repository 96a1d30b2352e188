import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { prometheusText } from "@/lib/monitoring/prometheus"

export const dynamic = "force-dynamic"

// GET /api/metrics — Prometheus text format: process, request durations, database pool, job queue and business gauges (a staff API token as Bearer)
export const GET = route({ roles: ENGINEERING_ROLES }, async () => {
  const { body, contentType } = await prometheusText()
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } })
})
