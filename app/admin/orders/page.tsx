import type { Metadata } from "next"
import { ButtonLink } from "@/components/ui/button"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import { Pagination } from "@/components/ui/pagination"
import { requireStaffSession } from "@/lib/auth/session"
import { listOrderQueue } from "@/lib/orders/queries"
import { pageHref } from "@/lib/utils/pagination"
import { OrderQueueTable } from "./_components/order-queue-table"
import { OrderSearchForm } from "./_components/order-search-form"
import { OrderViewTabs } from "./_components/order-view-tabs"
import { ORDER_VIEWS, parseOrderSearchParams } from "./_lib/filter"

export const metadata: Metadata = { title: "Orders" }
export const dynamic = "force-dynamic"

type OrdersPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const EMPTY: Record<string, string> = {
  open: "Every paid order has been delivered.",
  overdue: "Nothing is past its 24-hour deadline.",
  mine: "No open orders are assigned to you. Pick one from Unassigned.",
  unassigned: "Every open order has someone on it.",
  release: "No churned seats are waiting to be released.",
}

export default async function OrdersPage({ searchParams }: OrdersPageProps) {
  // The layout checks too; a page must not rely on a layout it could be rendered without.
  const session = await requireStaffSession("/admin/orders")
  const { view, filter, query } = parseOrderSearchParams(await searchParams)
  const now = new Date()
  const page = await listOrderQueue(filter, { now, viewerId: session.user.id })
  const label = ORDER_VIEWS.find((v) => v.id === view)!.label

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Orders"
        description="The fulfilment queue, nearest deadline first. One order per seat to provision: a subscription's first payment, the first after it comes back from a churn, and a payment for added seats; renewals open none. Each must be delivered within 24 hours of its payment."
      />
      <OrderViewTabs current={view} query={query} />
      <OrderSearchForm query={query} />
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="orders-total">
        {page.total === 1 ? "1 order" : `${page.total.toLocaleString("en-US")} orders`} in {label}
        {query.q ? ` for customers matching “${query.q}”` : ""}
      </p>
      {page.items.length > 0 ? (
        <>
          <OrderQueueTable items={page.items} viewerId={session.user.id} now={now} />
          <Pagination basePath="/admin/orders" searchParams={query} page={page.page} pageCount={page.pageCount} />
        </>
      ) : page.total > 0 ? (
        <EmptyState
          title="This page is past the end of the list"
          action={<ButtonLink href={pageHref("/admin/orders", query, 1)}>Go to the first page</ButtonLink>}
        />
      ) : (
        <EmptyState
          title={query.q ? "No orders match this search" : `No orders in ${label}`}
          description={
            query.q
              ? "Check the email address, or search all orders."
              : (EMPTY[view] ?? "Orders appear here as customers pay.")
          }
        />
      )}
    </div>
  )
}
