import { readTextBody } from "@/lib/http/body"
import { clientAddress } from "@/lib/http/client-address"
import { route } from "@/lib/http/route"
import { receiveResendWebhook } from "@/lib/email/webhook"

const MAX_PAYLOAD_BYTES = 256 * 1024

// POST /api/webhooks/resend — Resend's signed delivery events (delivered, bounced, complained)
export const POST = route(
  // Public and signed; Resend delivers in bursts from a few addresses, so the limit is generous.
  { rateLimit: { points: 3000, durationSeconds: 60 } },
  async ({ request }) => {
    // The signature covers the exact bytes, so the body is read raw, never re-serialised.
    const payload = await readTextBody(request, MAX_PAYLOAD_BYTES)
    const headers = {
      id: request.headers.get("svix-id"),
      timestamp: request.headers.get("svix-timestamp"),
      signature: request.headers.get("svix-signature"),
    }
    return Response.json(await receiveResendWebhook({ payload, headers, ip: clientAddress(request) ?? undefined }))
  },
)
