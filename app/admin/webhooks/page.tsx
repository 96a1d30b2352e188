import type { Metadata } from "next"
import { FilteredList } from "@/components/ui/filtered-list"
import { WebhookDeliveryTable } from "@/components/billing/webhook-delivery-table"
import { PageHeader } from "@/components/ui/page-header"
import type { Role } from "@/generated/prisma/enums"
import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { requireStaffSession } from "@/lib/auth/session"
import { HANDLED_EVENT_TYPES, isHandledType } from "@/lib/billing/webhooks/events"
import {
  countFailedSubscriptionDeliveries,
  type DeliveryListItem,
  listWebhookDeliveries,
} from "@/lib/billing/webhooks/queries"
import { DeliveryFilterForm } from "./_components/delivery-filter-form"
import { ReplayButton } from "./_components/replay-button"
import { SubscriptionReplay } from "./_components/subscription-replay"
import { parseDeliverySearchParams } from "./_lib/filter"

export const metadata: Metadata = { title: "Webhooks" }
export const dynamic = "force-dynamic"

type WebhooksPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function WebhooksPage({ searchParams }: WebhooksPageProps) {
  // The layout checks too; a page must not rely on a layout it could be rendered without.
  const session = await requireStaffSession("/admin/webhooks")
  const { filter, query } = parseDeliverySearchParams(await searchParams)
  const mayReplay = (ENGINEERING_ROLES as readonly Role[]).includes(session.user.role)
  const [page, failedOfSubscription] = await Promise.all([
    listWebhookDeliveries(filter),
    mayReplay && filter.subscription ? countFailedSubscriptionDeliveries(filter.subscription) : 0,
  ])
  const filtered = Boolean(query.status || query.type || query.subscription)
  // Staff may replay what has not been processed: failed (or stuck) deliveries of event types we act on.
  const canReplay = (item: DeliveryListItem) =>
    mayReplay &&
    item.provider === "polar" &&
    item.status !== "PROCESSED" &&
    item.status !== "IGNORED" &&
    isHandledType(item.eventType)

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Webhooks"
        description="Every delivery from Polar, newest first. A failed one was answered 500 so Polar retries it; once its cause is fixed, replay it from its stored payload. A processed delivery is final: its replay is refused, and replaying again changes nothing. Filter to one subscription to replay all its failed deliveries in Polar’s order, oldest state first."
      />
      <DeliveryFilterForm query={query} suggestions={HANDLED_EVENT_TYPES} />
      {filter.subscription && failedOfSubscription > 0 ? (
        <SubscriptionReplay subscriptionId={filter.subscription} failed={failedOfSubscription} />
      ) : null}
      <FilteredList
        basePath="/admin/webhooks"
        query={query}
        page={page}
        filtered={filtered}
        noun={{ one: "delivery", many: "deliveries" }}
        empty={{
          title: "No webhook deliveries yet",
          description: "Deliveries appear here as Polar (or test mode's checkout) sends them.",
        }}
        noMatch={{
          title: "No deliveries match these filters",
          description: "Try another status, event type or subscription.",
        }}
      >
        <WebhookDeliveryTable
          deliveries={page.items}
          testId="delivery-table"
          log
          action={(item) => (canReplay(item) ? <ReplayButton deliveryId={item.id} eventType={item.eventType} /> : null)}
        />
      </FilteredList>
    </div>
  )
}
