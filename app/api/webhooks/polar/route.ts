import { receivePolarWebhook } from "@/lib/billing/webhooks/receive"
import { deliverSoon } from "@/lib/email/deliver-soon"
import { acknowledge } from "@/lib/http/acknowledgement"
import { readTextBody } from "@/lib/http/body"
import { clientAddress } from "@/lib/http/client-address"
import { route } from "@/lib/http/route"

const MAX_PAYLOAD_BYTES = 1024 * 1024

// POST /api/webhooks/polar — Polar's signed billing events (and test mode's, signed the same way)
export const POST = route(
  // Signed and retried by Polar in bursts: the signature is the gate, not a per-address limit.
  { rateLimit: false },
  async ({ request }) => {
    // The signature covers the exact bytes, so the body is read raw, never re-serialised.
    const body = await readTextBody(request, MAX_PAYLOAD_BYTES)
    const result = await receivePolarWebhook({
      body,
      headers: request.headers,
      ip: clientAddress(request) ?? undefined,
    })
    if (result.outcome === "ignored") return acknowledge({ received: true, ignored: true }, 202)
    if (result.outcome === "processed") deliverSoon()
    return acknowledge(result.outcome === "duplicate" ? { received: true, duplicate: true } : { received: true })
  },
)
