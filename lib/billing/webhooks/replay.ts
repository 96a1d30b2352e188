import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { DeliveryFailedError, POLAR_PROVIDER, processPolarDelivery, recordFailure } from "./deliveries"
import { subjectTimeOfEvent, subscriptionOfEvent } from "./dispatch"
import { isHandledType, polarEventSchema } from "./events"
import { type DeliveryListItem, getDeliveryOrThrow } from "./queries"

/**
 * Staff re-run a stored delivery from its payload (its signature was checked when it arrived). A
 * processed delivery is final (409). The answer is the delivery afterwards: PROCESSED, or FAILED
 * again with the new error. Replaying anything twice changes nothing: the state is recomputed from
 * what is stored, and a processed delivery is never applied again.
 */
export async function replayDelivery(id: string): Promise<DeliveryListItem> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id },
    select: { provider: true, eventId: true, eventType: true, status: true, payload: true },
  })
  if (!delivery) throw new AppError("not_found", "no such webhook delivery")
  if (delivery.provider !== POLAR_PROVIDER)
    throw new AppError("conflict", `${delivery.provider} deliveries cannot be replayed here`)
  if (delivery.status === "PROCESSED") throw new AppError("conflict", "this delivery was already processed")
  if (!isHandledType(delivery.eventType))
    throw new AppError("conflict", `${delivery.eventType} events are stored only; there is nothing to replay`)
  await replayStored(delivery)
  return getDeliveryOrThrow(id)
}

/**
 * Replays every failed delivery about one Polar subscription in Polar's order (the oldest state
 * first), as Polar itself would have delivered them. Returns the deliveries afterwards.
 */
export async function replaySubscriptionDeliveries(polarSubscriptionId: string): Promise<DeliveryListItem[]> {
  const failed = await db.webhookDelivery.findMany({
    where: { provider: POLAR_PROVIDER, subjectId: polarSubscriptionId, status: "FAILED" },
    orderBy: [{ subjectAt: { sort: "asc", nulls: "last" } }, { receivedAt: "asc" }, { id: "asc" }],
    select: { id: true, eventId: true, eventType: true, payload: true },
  })
  if (failed.length === 0) throw new AppError("not_found", "this subscription has no failed deliveries")
  for (const delivery of failed) if (isHandledType(delivery.eventType)) await replayStored(delivery)
  return Promise.all(failed.map((delivery) => getDeliveryOrThrow(delivery.id)))
}

async function replayStored(delivery: { eventId: string; eventType: string; payload: unknown }): Promise<void> {
  const input = { eventId: delivery.eventId, eventType: delivery.eventType, payload: JSON.stringify(delivery.payload) }
  const parsed = polarEventSchema.safeParse(delivery.payload)
  if (!parsed.success) {
    await recordFailure(
      input,
      `the stored payload does not match Polar's schema: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    )
    return
  }
  try {
    await processPolarDelivery({
      ...input,
      event: parsed.data,
      replay: true,
      subjectId: subscriptionOfEvent(parsed.data),
      subjectAt: subjectTimeOfEvent(parsed.data),
    })
  } catch (error) {
    if (!(error instanceof DeliveryFailedError)) throw error
  }
}
