import type { Metadata } from "next"
import { FilteredList } from "@/components/ui/filtered-list"
import { EmailTable } from "@/components/email/email-table"
import { PageHeader } from "@/components/ui/page-header"
import { requireStaffSession } from "@/lib/auth/session"
import { listEmails } from "@/lib/email/queries"
import { EmailFilterForm } from "./_components/email-filter-form"
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
        description="Every email the app queued, newest first: whether it was sent, held in the outbox or is waiting for a retry, and what Resend reported back. Sign-in emails are kept with their link removed: a link works only in the recipient's inbox."
      />
      <EmailFilterForm query={query} />
      <FilteredList
        basePath="/admin/emails"
        query={query}
        page={page}
        filtered={filtered}
        noun={{ one: "email", many: "emails" }}
        empty={{
          title: "No emails yet",
          description: "Emails appear here as soon as the app queues one, for example a sign-in link.",
        }}
        noMatch={{
          title: "No emails match these filters",
          description: "Try another status or template, or part of the address.",
        }}
      >
        <EmailTable emails={page.items} testId="email-table" log />
      </FilteredList>
    </div>
  )
}
