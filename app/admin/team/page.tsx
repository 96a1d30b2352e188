import type { Metadata } from "next"
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import type { Role } from "@/generated/prisma/enums"
import { MANAGER_ROLES } from "@/lib/auth/roles"
import { requireStaffSession } from "@/lib/auth/session"
import { listTeam } from "@/lib/auth/team"
import { listApiTokens } from "@/lib/auth/tokens"
import { CreateTokenForm } from "./_components/create-token-form"
import { RoleForm } from "./_components/role-form"
import { TeamTable } from "./_components/team-table"
import { TokenTable } from "./_components/token-table"

export const metadata: Metadata = { title: "Team" }
export const dynamic = "force-dynamic"

export default async function TeamPage() {
  const session = await requireStaffSession("/admin/team")
  // The forms are a convenience; the API refuses non-managers whatever the page shows.
  const canManage = (MANAGER_ROLES as readonly Role[]).includes(session.user.role)
  const [team, tokens] = await Promise.all([listTeam(), listApiTokens()])
  const staffEmails = team.map((member) => member.email)

  return (
    <div className="flex flex-col gap-10">
      <PageHeader
        title="Team"
        description={canManage ? "Staff members, their roles and API tokens." : "Staff members and API tokens. Admins and owners can change them."}
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
              <CardDescription>The user&apos;s sessions end, so a new role applies from their next sign-in.</CardDescription>
            </CardHeader>
            <CardContent>
              <RoleForm knownEmails={staffEmails} />
            </CardContent>
          </Card>
        ) : null}
      </section>

      <section aria-labelledby="tokens-heading" className="flex flex-col gap-4">
        <h2 id="tokens-heading" className="text-lg font-semibold text-slate-900">
          API tokens
        </h2>
        {canManage ? (
          <Card>
            <CardHeader>
              <CardTitle>Create a token</CardTitle>
              <CardDescription>A token acts as the staff member it belongs to, for scripts and scrapers.</CardDescription>
            </CardHeader>
            <CardContent>
              <CreateTokenForm staffEmails={staffEmails} />
            </CardContent>
          </Card>
        ) : null}
        {tokens.length > 0 ? (
          <TokenTable tokens={tokens} canManage={canManage} />
        ) : (
          <EmptyState as="h3" title="No API tokens yet" description={canManage ? "Create one above." : undefined} />
        )}
      </section>
    </div>
  )
}
