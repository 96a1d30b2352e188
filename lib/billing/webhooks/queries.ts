import type { Prisma } from "@/generated/prisma/client"
import type { WebhookStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { type Paged, paged } from "@/lib/utils/pagination"
import type { DeliveryFilter } from "../schemas"
import { POLAR_PROVIDER } from "./deliveries"

export type DeliveryListItem = {
  id: string
  provider: string
  eventId: string
  eventType: string
  status: WebhookStatus
  error: string | null
  attempts: number
  /** The Polar subscription the event is about, and Polar's instant of the state it carries. */
  subjectId: string | null
  subjectAt: Date | null
  receivedAt: Date
  processedAt: Date | null
}

export type DeliveryPage = Paged<DeliveryListItem>

const listSelect = {
  id: true,
  provider: true,
  eventId: true,
  eventType: true,
  status: true,
  error: true,
  attempts: true,
  subjectId: true,
  subjectAt: true,
  receivedAt: true,
  processedAt: true,
} as const

/**
 * Webhook deliveries, newest first, by status, event type (a prefix such as "subscription." works)
 * and the Polar subscription they are about.
 */
export async function listWebhookDeliveries(filter: DeliveryFilter): Promise<DeliveryPage> {
  const where: Prisma.WebhookDeliveryWhereInput = {
    status: filter.status,
    eventType: filter.type ? (filter.type.endsWith(".") ? { startsWith: filter.type } : filter.type) : undefined,
    subjectId: filter.subscription,
  }
  const [total, items] = await db.$transaction([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: listSelect,
    }),
  ])
  return paged(items, total, filter)
}

export async function getDeliveryOrThrow(id: string): Promise<DeliveryListItem> {
  return db.webhookDelivery.findUniqueOrThrow({ where: { id }, select: listSelect })
}

/** The failed Polar deliveries about one subscription: what replaySubscriptionDeliveries would replay. */
export async function countFailedSubscriptionDeliveries(polarSubscriptionId: string): Promise<number> {
  return db.webhookDelivery.count({
    where: { provider: POLAR_PROVIDER, subjectId: polarSubscriptionId, status: "FAILED" },
  })
}

/** Deliveries received in [from, to) whose processing failed (a successful replay clears them). */
export async function countFailedDeliveries(range: { from: Date; to: Date }): Promise<number> {
  return db.webhookDelivery.count({ where: { status: "FAILED", receivedAt: { gte: range.from, lt: range.to } } })
}

/** The deliveries whose payload names this customer, newest first, without the payload. */
export async function deliveriesNamingCustomer(
  customer: { id: string; email: string; polarCustomerId: string | null },
  take: number,
) {
  return db.webhookDelivery.findMany({
    where: { OR: customerMatches(customer) },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, provider: true, eventType: true, status: true, error: true, receivedAt: true },
  })
}

/** Polar names the customer by our user id (external_id), its own customer id, or the email address. */
function customerMatches(customer: {
  id: string
  email: string
  polarCustomerId: string | null
}): Prisma.WebhookDeliveryWhereInput[] {
  const matches: Prisma.WebhookDeliveryWhereInput[] = [
    { payload: { path: ["data", "customer", "external_id"], equals: customer.id } },
    { payload: { path: ["data", "customer", "email"], equals: customer.email } },
  ]
  if (customer.polarCustomerId) {
    matches.push(
      { payload: { path: ["data", "customer_id"], equals: customer.polarCustomerId } },
      { payload: { path: ["data", "customer", "id"], equals: customer.polarCustomerId } },
    )
  }
  return matches
}
