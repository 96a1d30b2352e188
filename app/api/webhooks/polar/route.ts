import { receivePolarWebhook } from "@/lib/billing/webhooks/receive"
import { deliverSoon } from "@/lib/email/deliver-soon"
import { acknowledge } from "@/lib/http/acknowledgement"
import { AppError } from "@/lib/http/errors"
import { clientAddress } from "@/lib/http/rate-limit"
import { route } from "@/lib/http/route"

const MAX_PAYLOAD_BYTES = 1024 * 1024

// POST /api/webhooks/polar — Polar's signed billing events (and test mode's, signed the same way)
export const POST = route(
  // Signed and retried by Polar in bursts: the signature is the gate, not a per-address limit.
  { rateLimit: false },
  async ({ request }) => {
    // The signature covers the exact bytes, so the body is read raw, never re-serialised.
    if (Number(request.headers.get("content-length") ?? "0") > MAX_PAYLOAD_BYTES) throw new AppError("payload_too_large", "webhook body is too large")
    const body = await request.text()
    if (body.length > MAX_PAYLOAD_BYTES) throw new AppError("payload_too_large", "webhook body is too large")
    const result = await receivePolarWebhook({ body, headers: request.headers, ip: clientAddress(request) })
    if (result.outcome === "ignored") return acknowledge({ received: true, ignored: true }, 202)
    if (result.outcome === "processed") deliverSoon()
    return acknowledge(result.outcome === "duplicate" ? { received: true, duplicate: true } : { received: true })
  },
)
