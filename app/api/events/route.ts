import { ingestBatch } from "@/lib/analytics/ingest/ingest"
import { eventBatchSchema, MAX_BATCH_BYTES } from "@/lib/analytics/ingest/schemas"
import { acknowledge } from "@/lib/http/acknowledgement"
import { requestOrigin } from "@/lib/http/request-origin"
import { route } from "@/lib/http/route"

// POST /api/events { events: [...] } — the tracker's batches (1–100 events, ≤ 64 KB); 202 once stored
export const POST = route(
  // Limited per visitor and per event inside ingestBatch: an address can hide many visitors.
  { body: eventBatchSchema, maxBodyBytes: MAX_BATCH_BYTES, rateLimit: false },
  async ({ request, body, caller }) => {
    const { accepted } = await ingestBatch({
      origin: requestOrigin(request),
      events: body.events,
      userId: caller?.user.id ?? null,
    })
    return acknowledge({ accepted }, 202)
  },
)
