import type { Metadata } from "next"
import { ButtonLink } from "@/components/ui/button"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import { Pagination } from "@/components/ui/pagination"
import { listAuditEntries } from "@/lib/audit/queries"
import { requireStaffSession } from "@/lib/auth/session"
import { pageHref } from "@/lib/utils/pagination"
import { AuditFilterForm } from "./_components/audit-filter-form"
import { AuditTable } from "./_components/audit-table"
import { parseAuditSearchParams } from "./_lib/filter"

export const metadata: Metadata = { title: "Audit log" }
export const dynamic = "force-dynamic"

type AuditPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function AuditPage({ searchParams }: AuditPageProps) {
  // The layout checks too; a page must not rely on a layout it could be rendered without.
  await requireStaffSession("/admin/audit")
  const { filter, query } = parseAuditSearchParams(await searchParams)
  const page = await listAuditEntries(filter)
  const filtered = Boolean(query.action || query.actor || query.from || query.to)

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Audit log" description="Who did what, newest first: sign-ins, second factors, role changes and tokens." />
      <AuditFilterForm query={query} />
      <p className="text-sm text-slate-600" aria-live="polite">
        {page.total === 1 ? "1 entry" : `${page.total.toLocaleString("en-US")} entries`}
        {filtered ? " match these filters" : ""}
      </p>
      {page.items.length > 0 ? (
        <>
          <AuditTable items={page.items} />
          <Pagination basePath="/admin/audit" searchParams={query} page={page.page} pageCount={page.pageCount} />
        </>
      ) : page.total > 0 ? (
        // A stale or hand-edited link can point past the last page.
        <EmptyState
          title="This page is past the end of the log"
          action={<ButtonLink href={pageHref("/admin/audit", query, 1)}>Go to the first page</ButtonLink>}
        />
      ) : (
        <EmptyState
          title={filtered ? "No entries match these filters" : "No audit entries yet"}
          description={filtered ? "Try a wider date range or another action." : "Entries appear as staff sign in and make changes."}
        />
      )}
    </div>
  )
}
