import type { Metadata } from "next"
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import { requireStaffSession } from "@/lib/auth/session"
import { canSeeAllTokens, listApiTokens } from "@/lib/auth/tokens"
import { CreateTokenForm } from "./_components/create-token-form"
import { TokenTable } from "./_components/token-table"

export const metadata: Metadata = { title: "API tokens" }
export const dynamic = "force-dynamic"

// Every staff member mints and sees their own tokens; admins and owners see (and revoke) everyone's.
// The API applies the same rule (lib/auth/tokens.ts) whatever this page shows.
export default async function TokensPage() {
  const session = await requireStaffSession("/admin/tokens")
  const seesAll = canSeeAllTokens(session.user.role)
  const tokens = await listApiTokens(session.user)

  return (
    <div className="flex flex-col gap-10">
      <PageHeader
        title="API tokens"
        description={
          seesAll
            ? "Tokens for scripts and scrapers: yours to create, everyone's to review and revoke."
            : "Your tokens for scripts and scrapers. Each acts as you, within its scopes."
        }
      />

      <Card>
        <CardHeader>
          <CardTitle as="h2">Create a token</CardTitle>
          <CardDescription>
            The token acts as you, with your role at the time of each request, limited to the scopes you pick.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateTokenForm />
        </CardContent>
      </Card>

      <section aria-labelledby="tokens-heading" className="flex flex-col gap-4">
        <h2 id="tokens-heading" className="text-lg font-semibold text-slate-900">
          {seesAll ? "All tokens" : "Your tokens"}
        </h2>
        {tokens.length > 0 ? (
          <TokenTable tokens={tokens} showHolder={seesAll} now={new Date()} />
        ) : (
          <EmptyState as="h3" title="No API tokens yet" description="Create one above; it is shown once." />
        )}
      </section>
    </div>
  )
}
