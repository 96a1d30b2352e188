import { STAFF_ROLES } from "@/lib/auth/roles"
import { listCustomers } from "@/lib/customers/queries"
import { customerListSchema } from "@/lib/customers/schemas"
import { route } from "@/lib/http/route"

// GET /api/admin/customers?q=&email=&status=&page=&pageSize= — customers, newest sign-up first
export const GET = route({ roles: STAFF_ROLES, query: customerListSchema }, async ({ query }) =>
  Response.json(await listCustomers(query)),
)
