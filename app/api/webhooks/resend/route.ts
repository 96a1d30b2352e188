import { AppError } from "@/lib/http/errors"
import { clientAddress } from "@/lib/http/rate-limit"
import { route } from "@/lib/http/route"
import { receiveResendWebhook } from "@/lib/email/webhook"

const MAX_PAYLOAD_BYTES = 256 * 1024

// POST /api/webhooks/resend — Resend's signed delivery events (delivered, bounced, complained)
export const POST = route(
  // Public and signed; Resend delivers in bursts from a few addresses, so the limit is generous.
  { rateLimit: { points: 3000, durationSeconds: 60 } },
  async ({ request }) => {
    // The signature covers the exact bytes, so the body is read raw, never re-serialised.
    if (Number(request.headers.get("content-length") ?? "0") > MAX_PAYLOAD_BYTES) throw new AppError("payload_too_large", "webhook body is too large")
    const payload = await request.text()
    if (payload.length > MAX_PAYLOAD_BYTES) throw new AppError("payload_too_large", "webhook body is too large")
    const headers = { id: request.headers.get("svix-id"), timestamp: request.headers.get("svix-timestamp"), signature: request.headers.get("svix-signature") }
    return Response.json(await receiveResendWebhook({ payload, headers, ip: clientAddress(request) }))
  },
)
