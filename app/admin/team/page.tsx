import type { Metadata } from "next"
import { SessionsCard } from "@/components/sessions/sessions-card"
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import type { Role } from "@/generated/prisma/enums"
import { MANAGER_ROLES } from "@/lib/auth/roles"
import { requireStaffSession } from "@/lib/auth/session"
import { listSessions } from "@/lib/auth/sessions"
import { listTeam } from "@/lib/auth/team"
import { RoleForm } from "./_components/role-form"
import { TeamTable } from "./_components/team-table"

export const metadata: Metadata = { title: "Team" }
export const dynamic = "force-dynamic"

export default async function TeamPage() {
  const session = await requireStaffSession("/admin/team")
  // The forms are a convenience; the API refuses non-managers whatever the page shows.
  const canManage = (MANAGER_ROLES as readonly Role[]).includes(session.user.role)
  const [team, sessions] = await Promise.all([listTeam(), listSessions(session.user, session.id)])
  const staffEmails = team.map((member) => member.email)

  return (
    <div className="flex flex-col gap-10">
      <PageHeader
        title="Team"
        description={
          canManage
            ? "Staff members and their roles."
            : "Staff members and their roles. Admins and owners can change them."
        }
      />

      <section aria-labelledby="members-heading" className="flex flex-col gap-4">
        <h2 id="members-heading" className="text-lg font-semibold text-slate-900">
          Members
        </h2>
        {team.length > 0 ? <TeamTable members={team} /> : <EmptyState as="h3" title="No staff members yet" />}
        {canManage ? (
          <Card>
            <CardHeader>
              <CardTitle>Change a role</CardTitle>
              <CardDescription>
                The user&apos;s sessions end, so a new role applies from their next sign-in.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <RoleForm knownEmails={staffEmails} />
            </CardContent>
          </Card>
        ) : null}
      </section>

      <section aria-label="Your sessions">
        <SessionsCard
          sessions={sessions}
          description="Your own sessions. A staff session ends after 12 hours without use, and asks for the second factor again every 24 hours."
        />
      </section>
    </div>
  )
}
