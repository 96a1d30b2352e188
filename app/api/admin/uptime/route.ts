import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { presetRange, rangeQuerySchema } from "@/lib/monitoring/time-range"
import { componentStatuses, probeLatencySeries, uptimeSummary } from "@/lib/monitoring/uptime/queries"

// GET /api/admin/uptime?range=24h — each component's current status and uptime over 24 h, 7, 30 and 90 days; probe latency over the range
export const GET = route({ roles: ENGINEERING_ROLES, query: rangeQuerySchema }, async ({ query }) => {
  const range = presetRange(query.range)
  const [statuses, uptime, latency] = await Promise.all([
    componentStatuses(range.to),
    uptimeSummary(range.to),
    probeLatencySeries(range),
  ])
  const uptimeOf = new Map(uptime.map((u) => [u.component, u.windows]))
  return Response.json({
    range,
    components: statuses.map((status) => ({ ...status, uptime: uptimeOf.get(status.component) })),
    latency,
  })
})
