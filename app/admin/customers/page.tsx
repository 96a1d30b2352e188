import type { Metadata } from "next"
import { FilteredList } from "@/components/ui/filtered-list"
import { PageHeader } from "@/components/ui/page-header"
import { requireStaffSession } from "@/lib/auth/session"
import { listCustomers } from "@/lib/customers/queries"
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
      <PageHeader
        title="Customers"
        description="Subscribers, newest sign-up first: their plan, what they pay each month and their orders."
      />
      <CustomerFilterForm query={query} />
      <FilteredList
        basePath="/admin/customers"
        query={query}
        page={page}
        filtered={filtered}
        noun={{ one: "customer", many: "customers" }}
        matching="match this search"
        empty={{
          title: "No customers yet",
          description: "Customers appear here as soon as someone signs up or subscribes.",
        }}
        noMatch={{
          title: "No customers match this search",
          description: "Try part of the address or name, or another subscription status.",
        }}
      >
        <CustomersTable items={page.items} />
      </FilteredList>
    </div>
  )
}
