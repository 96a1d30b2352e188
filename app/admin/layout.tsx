import type { ReactNode } from "react"
import { AdminShell } from "@/components/admin/admin-shell"
import { requireStaffSession } from "@/lib/auth/session"

export const dynamic = "force-dynamic"

// Every /admin page passes here: signed in, a staff role, and the second factor in this session.
// Handlers under /api/admin check again through lib/http's wrapper.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requireStaffSession("/admin")
  return <AdminShell user={{ email: session.user.email, role: session.user.role }}>{children}</AdminShell>
}
