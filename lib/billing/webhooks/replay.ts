import { db } from "@/lib/db"
import { AppError } from "@/lib/http/errors"
import { DeliveryFailedError, POLAR_PROVIDER, processPolarDelivery, recordFailure } from "./deliveries"
import { isHandledType, polarEventSchema } from "./events"
import { type DeliveryListItem, getDeliveryOrThrow } from "./queries"

/**
 * Staff re-run a stored delivery from its payload (its signature was checked when it arrived). A
 * processed delivery is final (409). The answer is the delivery afterwards: PROCESSED, or FAILED
 * again with the new error.
 */
export async function replayDelivery(id: string): Promise<DeliveryListItem> {
  const delivery = await db.webhookDelivery.findUnique({ where: { id }, select: { provider: true, eventId: true, eventType: true, status: true, payload: true } })
  if (!delivery) throw new AppError("not_found", "no such webhook delivery")
  if (delivery.provider !== POLAR_PROVIDER) throw new AppError("conflict", `${delivery.provider} deliveries cannot be replayed here`)
  if (delivery.status === "PROCESSED") throw new AppError("conflict", "this delivery was already processed")
  if (!isHandledType(delivery.eventType)) throw new AppError("conflict", `${delivery.eventType} events are stored only; there is nothing to replay`)
  const input = { eventId: delivery.eventId, eventType: delivery.eventType, payload: JSON.stringify(delivery.payload) }
  const parsed = polarEventSchema.safeParse(delivery.payload)
  if (!parsed.success) {
    await recordFailure(input, `the stored payload does not match Polar's schema: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`)
  } else {
    try {
      await processPolarDelivery({ ...input, event: parsed.data, replay: true })
    } catch (error) {
      if (!(error instanceof DeliveryFailedError)) throw error
    }
  }
  return getDeliveryOrThrow(id)
}
