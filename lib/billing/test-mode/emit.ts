import { AppError } from "@/lib/errors"
import { polarWebhookSecret } from "../webhook-secret"
import type { TestEvent } from "./payloads"
import { signWebhook } from "./sign"

export type OutgoingEvent = { id: string; event: TestEvent }

/**
 * Test mode's stand-in for Polar's sender: signs each event the Standard Webhooks way and POSTs it,
 * in order, to our own webhook endpoint at `origin`, over HTTP, exactly as Polar would. Nothing
 * else in test mode changes billing data.
 */
export async function emitPolarEvents(events: readonly OutgoingEvent[], origin: string): Promise<void> {
  const secret = polarWebhookSecret()
  const target = new URL("/api/webhooks/polar", origin)
  for (const { id, event } of events) {
    const body = JSON.stringify(event)
    const headers = signWebhook(secret, { id, timestamp: Date.now() / 1000, body })
    const response = await fetch(target, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    }).catch(() => null)
    if (!response?.ok) {
      throw new AppError(
        "service_unavailable",
        `the test-mode ${event.type} event was not accepted (${response ? `HTTP ${response.status}` : "no answer"})`,
      )
    }
  }
}
