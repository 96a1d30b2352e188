import type { Metadata } from "next"
import { FilteredList } from "@/components/ui/filtered-list"
import { forbidden } from "next/navigation"
import { PageHeader } from "@/components/ui/page-header"
import type { Role } from "@/generated/prisma/enums"
import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { requireStaffSession } from "@/lib/auth/session"
import { listErrorGroups } from "@/lib/monitoring/errors/queries"
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
      <FilteredList
        basePath="/admin/errors"
        query={query}
        page={page}
        filtered={filtered}
        noun={{ one: "error group", many: "error groups" }}
        empty={{
          title: "No errors recorded",
          description: "Errors appear here as the server's routes and pages, or visitors' browsers, report them.",
        }}
        noMatch={{ title: "No error groups match these filters", description: "Try another status." }}
      >
        <ErrorGroupTable items={page.items} />
      </FilteredList>
    </div>
  )
}
