import type { Metadata } from "next"
import { ButtonLink } from "@/components/ui/button"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import { Pagination } from "@/components/ui/pagination"
import { requireStaffSession } from "@/lib/auth/session"
import { HANDLED_EVENT_TYPES, isHandledType } from "@/lib/billing/webhooks/events"
import { listWebhookDeliveries } from "@/lib/billing/webhooks/queries"
import { pageHref } from "@/lib/utils/pagination"
import { DeliveryFilterForm } from "./_components/delivery-filter-form"
import { DeliveryTable } from "./_components/delivery-table"
import { parseDeliverySearchParams } from "./_lib/filter"

export const metadata: Metadata = { title: "Webhooks" }
export const dynamic = "force-dynamic"

const REPLAY_ROLES = new Set(["ENGINEER", "ADMIN", "OWNER"])

type WebhooksPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function WebhooksPage({ searchParams }: WebhooksPageProps) {
  // The layout checks too; a page must not rely on a layout it could be rendered without.
  const session = await requireStaffSession("/admin/webhooks")
  const { filter, query } = parseDeliverySearchParams(await searchParams)
  const page = await listWebhookDeliveries(filter)
  const filtered = Boolean(query.status || query.type)
  const mayReplay = REPLAY_ROLES.has(session.user.role)

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Webhooks"
        description="Every delivery from Polar, newest first. A failed one was answered 500 so Polar retries it; once its cause is fixed, replay it from its stored payload."
      />
      <DeliveryFilterForm query={query} suggestions={HANDLED_EVENT_TYPES} />
      <p className="text-sm text-slate-600" aria-live="polite">
        {page.total === 1 ? "1 delivery" : `${page.total.toLocaleString("en-US")} deliveries`}
        {filtered ? " match these filters" : ""}
      </p>
      {page.items.length > 0 ? (
        <>
          <DeliveryTable items={page.items} canReplay={(item) => mayReplay && item.provider === "polar" && item.status !== "PROCESSED" && item.status !== "IGNORED" && isHandledType(item.eventType)} />
          <Pagination basePath="/admin/webhooks" searchParams={query} page={page.page} pageCount={page.pageCount} />
        </>
      ) : page.total > 0 ? (
        <EmptyState title="This page is past the last delivery" action={<ButtonLink href={pageHref("/admin/webhooks", query, 1)}>Go to the first page</ButtonLink>} />
      ) : (
        <EmptyState
          title={filtered ? "No deliveries match these filters" : "No webhook deliveries yet"}
          description={filtered ? "Try another status or event type." : "Deliveries appear here as Polar (or test mode's checkout) sends them."}
        />
      )}
    </div>
  )
}
