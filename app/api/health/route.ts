import { acknowledge } from "@/lib/http/acknowledgement"
import { route } from "@/lib/http/route"
import { liveness } from "@/lib/monitoring/uptime/health"

export const dynamic = "force-dynamic"

// GET /api/health — the process is up
export const GET = route({ rateLimit: false }, async () => acknowledge(liveness()))
