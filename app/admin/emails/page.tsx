import type { Metadata } from "next"
import { ButtonLink } from "@/components/ui/button"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import { Pagination } from "@/components/ui/pagination"
import { requireStaffSession } from "@/lib/auth/session"
import { listEmails } from "@/lib/email/queries"
import { pageHref } from "@/lib/utils/pagination"
import { EmailFilterForm } from "./_components/email-filter-form"
import { EmailTable } from "./_components/email-table"
import { parseEmailSearchParams } from "./_lib/filter"

export const metadata: Metadata = { title: "Emails" }
export const dynamic = "force-dynamic"

type EmailsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function EmailsPage({ searchParams }: EmailsPageProps) {
  // The layout checks too; a page must not rely on a layout it could be rendered without.
  await requireStaffSession("/admin/emails")
  const { filter, query } = parseEmailSearchParams(await searchParams)
  const page = await listEmails(filter)
  const filtered = Boolean(query.status || query.template || query.to)

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Emails"
        description="Every email the app queued, newest first: whether it was sent, held in the outbox or is waiting for a retry, and what Resend reported back."
      />
      <EmailFilterForm query={query} />
      <p className="text-sm text-slate-600" aria-live="polite">
        {page.total === 1 ? "1 email" : `${page.total.toLocaleString("en-US")} emails`}
        {filtered ? " match these filters" : ""}
      </p>
      {page.items.length > 0 ? (
        <>
          <EmailTable items={page.items} />
          <Pagination basePath="/admin/emails" searchParams={query} page={page.page} pageCount={page.pageCount} />
        </>
      ) : page.total > 0 ? (
        // A stale or hand-edited link can point past the last page.
        <EmptyState title="This page is past the last email" action={<ButtonLink href={pageHref("/admin/emails", query, 1)}>Go to the first page</ButtonLink>} />
      ) : (
        <EmptyState
          title={filtered ? "No emails match these filters" : "No emails yet"}
          description={filtered ? "Try another status or template, or part of the address." : "Emails appear here as soon as the app queues one, for example a sign-in link."}
        />
      )}
    </div>
  )
}
