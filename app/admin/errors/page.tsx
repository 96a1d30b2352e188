import type { Metadata } from "next"
import { forbidden } from "next/navigation"
import { ButtonLink } from "@/components/ui/button"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import { Pagination } from "@/components/ui/pagination"
import type { Role } from "@/generated/prisma/enums"
import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { requireStaffSession } from "@/lib/auth/session"
import { listErrorGroups } from "@/lib/monitoring/errors/queries"
import { pageHref } from "@/lib/utils/pagination"
import { ErrorFilterForm } from "./_components/error-filter-form"
import { ErrorGroupTable } from "./_components/error-group-table"
import { parseErrorGroupSearchParams } from "./_lib/filter"

export const metadata: Metadata = { title: "Errors" }
export const dynamic = "force-dynamic"

type ErrorsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ErrorsPage({ searchParams }: ErrorsPageProps) {
  // The layout checks staff; error groups are for engineers, admins and owners, as in the API.
  const session = await requireStaffSession("/admin/errors")
  if (!(ENGINEERING_ROLES as readonly Role[]).includes(session.user.role)) forbidden()
  const { filter, query } = parseErrorGroupSearchParams(await searchParams)
  const page = await listErrorGroups(filter)
  const filtered = Boolean(query.status)

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Errors"
        description="Server and browser errors grouped by their message and the first frame of our own code. A resolved group that comes back reopens as a regression; an ignored one keeps counting quietly."
      />
      <ErrorFilterForm query={query} />
      <p className="text-sm text-slate-600" aria-live="polite">
        {page.total === 1 ? "1 error group" : `${page.total.toLocaleString("en-US")} error groups`}
        {filtered ? " match these filters" : ""}
      </p>
      {page.items.length > 0 ? (
        <>
          <ErrorGroupTable items={page.items} />
          <Pagination basePath="/admin/errors" searchParams={query} page={page.page} pageCount={page.pageCount} />
        </>
      ) : page.total > 0 ? (
        <EmptyState title="This page is past the last error group" action={<ButtonLink href={pageHref("/admin/errors", query, 1)}>Go to the first page</ButtonLink>} />
      ) : (
        <EmptyState
          title={filtered ? "No error groups match these filters" : "No errors recorded"}
          description={filtered ? "Try another status." : "Errors appear here as the server's routes and pages, or visitors' browsers, report them."}
        />
      )}
    </div>
  )
}
