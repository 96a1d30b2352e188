import type { Prisma } from "@/generated/prisma/client"
import type { WebhookStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { type Paged, paged } from "@/lib/utils/pagination"
import type { DeliveryFilter } from "../schemas"

export type DeliveryListItem = {
  id: string
  provider: string
  eventId: string
  eventType: string
  status: WebhookStatus
  error: string | null
  attempts: number
  receivedAt: Date
  processedAt: Date | null
}

export type DeliveryPage = Paged<DeliveryListItem>

const listSelect = { id: true, provider: true, eventId: true, eventType: true, status: true, error: true, attempts: true, receivedAt: true, processedAt: true } as const

/** Webhook deliveries, newest first, by status and event type (a prefix such as "subscription." works). */
export async function listWebhookDeliveries(filter: DeliveryFilter): Promise<DeliveryPage> {
  const where: Prisma.WebhookDeliveryWhereInput = {
    status: filter.status,
    eventType: filter.type ? (filter.type.endsWith(".") ? { startsWith: filter.type } : filter.type) : undefined,
  }
  const [total, items] = await db.$transaction([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({ where, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize, select: listSelect }),
  ])
  return paged(items, total, filter)
}

export async function getDeliveryOrThrow(id: string): Promise<DeliveryListItem> {
  return db.webhookDelivery.findUniqueOrThrow({ where: { id }, select: listSelect })
}

/** Deliveries received in [from, to) whose processing failed (a successful replay clears them). */
export async function countFailedDeliveries(range: { from: Date; to: Date }): Promise<number> {
  return db.webhookDelivery.count({ where: { status: "FAILED", receivedAt: { gte: range.from, lt: range.to } } })
}
