import { expect, test } from "vitest"
import { POST as polar } from "./polar/route"
import { POST as resend } from "./resend/route"

// The signed webhooks read their raw body themselves; it is capped like every other body.

/** A body of `chunks` × 64 KB with no Content-Length (chunked, as a client may send it), counting what is read. */
function chunkedRequest(path: string, chunks: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x7b)
  const read = { chunks: 0 }
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (read.chunks === chunks) return controller.close()
      read.chunks++
      controller.enqueue(chunk)
    },
  })
  const request = new Request(`http://localhost:3000${path}`, {
    method: "POST",
    body,
    duplex: "half",
    headers: { "content-type": "application/json" },
  } as RequestInit)
  return { request, read }
}

test("regression: a signed webhook body with no Content-Length is refused past its cap (413), not read whole", async () => {
  for (const [handler, path, capChunks] of [
    [polar, "/api/webhooks/polar", 16],
    [resend, "/api/webhooks/resend", 4],
  ] as const) {
    const { request, read } = chunkedRequest(path, 64) // 4 MB
    expect(request.headers.get("content-length")).toBeNull()
    const response = await handler(request, { params: Promise.resolve({}) })
    expect(response.status, path).toBe(413)
    expect((await response.json()).error.code).toBe("payload_too_large")
    expect(read.chunks, path).toBeLessThanOrEqual(capChunks + 2)
  }
})
