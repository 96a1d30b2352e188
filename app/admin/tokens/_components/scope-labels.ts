import type { ApiTokenScope } from "@/lib/auth/token-scopes"

/** One label and one line of help per scope; a new scope fails to compile until it has both. */
export const SCOPE_LABELS: Record<ApiTokenScope, { label: string; help: string }> = {
  read: { label: "Read", help: "GET requests on anything your role can see." },
  orders: { label: "Orders", help: "Assign, fulfil and release orders." },
  billing: { label: "Billing", help: "Refunds, cancellations and webhook replays." },
  admin: { label: "Admin", help: "Team, tokens, settings and every route that names no scope." },
}
