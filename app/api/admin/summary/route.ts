import { STAFF_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"
import { getStaffHomeCounts } from "@/lib/orders/queries"

// GET /api/admin/summary — the staff home's live counts: customers, active subscriptions, open and overdue orders
export const GET = route({ roles: STAFF_ROLES }, async () => Response.json(await getStaffHomeCounts()))
