import { AppError } from "@/lib/errors"
import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { recordSecurityEvent } from "@/lib/security/events"
import { resendVerifier } from "./resend-client"
import { resendEventSchema } from "./schemas"

// Resend's delivery webhooks (signed by Svix): delivered, bounced, complained, delivery delayed.

const EVENT_STATUS: Record<string, DeliveryStatus> = {
  "email.delivery_delayed": "delivery_delayed",
  "email.delivered": "delivered",
  "email.bounced": "bounced",
  "email.complained": "complained",
}

export type DeliveryStatus = "delivery_delayed" | "delivered" | "bounced" | "complained"

// Worse news wins: a bounce or complaint after "delivered" replaces it, a late "delivered" never
// hides a bounce, and a repeated event changes nothing.
const RANK: Record<DeliveryStatus, number> = { delivery_delayed: 1, delivered: 2, bounced: 3, complained: 4 }

export type WebhookHeaders = { id: string | null; timestamp: string | null; signature: string | null }
export type WebhookResult = { received: true; ignored?: true }

/** Verifies, then records one Resend event. Throws AppError for every refusal. */
export async function receiveResendWebhook(input: {
  payload: string
  headers: WebhookHeaders
  ip?: string
}): Promise<WebhookResult> {
  const webhookSecret = env().RESEND_WEBHOOK_SECRET
  if (!webhookSecret)
    throw new AppError("service_unavailable", "Resend webhooks are not configured: set RESEND_WEBHOOK_SECRET")
  const { id, timestamp, signature } = input.headers
  const refuse = async () => {
    await recordSecurityEvent({ kind: "webhook.bad_signature", detail: { provider: "resend" }, ip: input.ip })
    return new AppError("forbidden", "invalid webhook signature")
  }
  if (!id || !timestamp || !signature) throw await refuse()
  let event: unknown
  try {
    event = resendVerifier().webhooks.verify({
      payload: input.payload,
      headers: { id, timestamp, signature },
      webhookSecret,
    })
  } catch (error) {
    // standardwebhooks parses the body only after the signature matched.
    if (error instanceof SyntaxError) throw new AppError("bad_request", "body is not valid JSON")
    if (error instanceof Error && error.name === "WebhookVerificationError") throw await refuse()
    throw error
  }
  const parsed = resendEventSchema.safeParse(event)
  if (!parsed.success) throw new AppError("bad_request", "not a Resend event")
  const status = EVENT_STATUS[parsed.data.type]
  const emailId = parsed.data.data?.email_id
  if (!status || !emailId) return { received: true, ignored: true }
  const at = parsed.data.created_at ? new Date(parsed.data.created_at) : new Date()
  const outcome = await recordDeliveryStatus(emailId, status, Number.isNaN(at.getTime()) ? new Date() : at)
  return outcome === "unknown" ? { received: true, ignored: true } : { received: true }
}

/** Sets the delivery status of the message Resend knows as `providerId`, unless it already holds worse news. */
export async function recordDeliveryStatus(
  providerId: string,
  status: DeliveryStatus,
  at: Date,
): Promise<"recorded" | "unchanged" | "unknown"> {
  const milder = (Object.keys(RANK) as DeliveryStatus[]).filter((other) => RANK[other] < RANK[status])
  const { count } = await db.emailMessage.updateMany({
    where: { providerId, OR: [{ deliveryStatus: null }, { deliveryStatus: { in: milder } }] },
    data: { deliveryStatus: status, deliveryAt: at },
  })
  if (count > 0) return "recorded"
  return (await db.emailMessage.count({ where: { providerId } })) > 0 ? "unchanged" : "unknown"
}
