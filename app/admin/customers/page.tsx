import type { Metadata } from "next"
import { ButtonLink } from "@/components/ui/button"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import { Pagination } from "@/components/ui/pagination"
import { requireStaffSession } from "@/lib/auth/session"
import { listCustomers } from "@/lib/customers/queries"
import { pageHref } from "@/lib/utils/pagination"
import { CustomerFilterForm } from "./_components/customer-filter-form"
import { CustomersTable } from "./_components/customers-table"
import { parseCustomerSearchParams } from "./_lib/filter"

export const metadata: Metadata = { title: "Customers" }
export const dynamic = "force-dynamic"

type CustomersPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function CustomersPage({ searchParams }: CustomersPageProps) {
  // The layout checks too; a page must not rely on a layout it could be rendered without.
  await requireStaffSession("/admin/customers")
  const { filter, query } = parseCustomerSearchParams(await searchParams)
  const page = await listCustomers(filter)
  const filtered = Boolean(query.q || query.email || query.status)

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Customers" description="Subscribers, newest sign-up first: their plan, what they pay each month and their orders." />
      <CustomerFilterForm query={query} />
      <p className="text-sm text-slate-600" aria-live="polite">
        {page.total === 1 ? "1 customer" : `${page.total.toLocaleString("en-US")} customers`}
        {filtered ? " match this search" : ""}
      </p>
      {page.items.length > 0 ? (
        <>
          <CustomersTable items={page.items} />
          <Pagination basePath="/admin/customers" searchParams={query} page={page.page} pageCount={page.pageCount} />
        </>
      ) : page.total > 0 ? (
        // A stale or hand-edited link can point past the last page.
        <EmptyState title="This page is past the last customer" action={<ButtonLink href={pageHref("/admin/customers", query, 1)}>Go to the first page</ButtonLink>} />
      ) : (
        <EmptyState
          title={filtered ? "No customers match this search" : "No customers yet"}
          description={filtered ? "Try part of the address or name, or another subscription status." : "Customers appear here as soon as someone signs up or subscribes."}
        />
      )}
    </div>
  )
}
