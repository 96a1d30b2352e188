import type { Metadata } from "next"
import { FilteredList } from "@/components/ui/filtered-list"
import { AuditTable } from "@/components/audit/audit-table"
import { PageHeader } from "@/components/ui/page-header"
import { listAuditEntries } from "@/lib/audit/queries"
import { requireStaffSession } from "@/lib/auth/session"
import { AuditFilterForm } from "./_components/audit-filter-form"
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
      <PageHeader
        title="Audit log"
        description="Who did what, newest first: sign-ins, second factors, role changes and tokens."
      />
      <AuditFilterForm query={query} />
      <FilteredList
        basePath="/admin/audit"
        query={query}
        page={page}
        filtered={filtered}
        noun={{ one: "entry", many: "entries" }}
        empty={{ title: "No audit entries yet", description: "Entries appear as staff sign in and make changes." }}
        noMatch={{ title: "No entries match these filters", description: "Try a wider date range or another action." }}
      >
        <AuditTable entries={page.items} label="Audit log entries" testId="audit-table" log />
      </FilteredList>
    </div>
  )
}
