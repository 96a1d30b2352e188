import { webhooks } from "@polar-sh/sdk/2026-10"
import { AppError } from "@/lib/errors"
import { recordSecurityEvent } from "@/lib/security/events"
import { polarWebhookSecret } from "../webhook-secret"
import { DeliveryFailedError, type DeliveryResult, processPolarDelivery, recordIgnoredDelivery } from "./deliveries"
import { subjectTimeOfEvent, subscriptionOfEvent } from "./dispatch"
import { isHandledType, polarEventSchema } from "./events"
import { storableBody, storableJson } from "./storable"

const SIGNATURE_HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const
const MAX_EVENT_ID_LENGTH = 200

/**
 * One delivery from Polar: verified with the SDK's Standard Webhooks check (403 and a security
 * event when it fails), validated (422, nothing stored, when a known event is malformed), then
 * stored and applied once. Unknown and unhandled types are stored and acknowledged. A processing
 * failure is stored as FAILED and answered 500, so Polar delivers it again.
 */
export async function receivePolarWebhook(input: {
  body: string
  headers: Headers
  ip?: string
}): Promise<DeliveryResult> {
  const secret = polarWebhookSecret()
  const headers = Object.fromEntries(SIGNATURE_HEADERS.map((name) => [name, input.headers.get(name) ?? ""]))
  let verified: { type: string } & Record<string, unknown>
  try {
    verified = (await webhooks.validateEvent(input.body, headers, secret)) as unknown as typeof verified
  } catch (error) {
    if (error instanceof webhooks.PolarWebhookVerificationError) {
      await recordSecurityEvent({
        kind: "webhook.bad_signature",
        detail: { provider: "polar", reason: error.message },
        ip: input.ip,
      })
      throw new AppError("forbidden", "invalid webhook signature")
    }
    if (error instanceof webhooks.PolarWebhookUnknownTypeError) {
      if (typeof error.eventType !== "string") throw new AppError("unprocessable_entity", "the event has no type")
      return recordIgnoredDelivery({
        eventId: eventIdOf(headers),
        eventType: error.eventType,
        ...storableBody(input.body),
      })
    }
    if (error instanceof webhooks.PolarWebhookError) throw new AppError("bad_request", "body is not valid JSON")
    throw error
  }
  // Stored and applied without the characters PostgreSQL refuses (NUL, lone surrogates).
  const delivery = { eventId: eventIdOf(headers), eventType: verified.type, ...storableBody(input.body) }
  if (!isHandledType(verified.type)) return recordIgnoredDelivery(delivery)
  // A ZodError here becomes 422 with the failing fields; nothing has been written.
  const event = polarEventSchema.parse(delivery.rawBody === null ? verified : storableJson(verified))
  try {
    return await processPolarDelivery({
      ...delivery,
      event,
      subjectId: subscriptionOfEvent(event),
      subjectAt: subjectTimeOfEvent(event),
    })
  } catch (error) {
    if (!(error instanceof DeliveryFailedError)) throw error
    console.error(`[polar webhook] delivery ${error.eventId} failed: ${error.message}`)
    throw new AppError(
      "internal_error",
      "the delivery could not be processed; it is stored as failed and can be retried",
    )
  }
}

function eventIdOf(headers: Record<string, string>): string {
  const id = headers["webhook-id"] ?? ""
  if (!id || id.length > MAX_EVENT_ID_LENGTH) throw new AppError("bad_request", "webhook-id is missing or too long")
  return id
}
