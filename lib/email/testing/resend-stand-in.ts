import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import { resetEnvCache } from "@/lib/env"

// A local HTTP server standing in for Resend's API in tests: `new Resend(key)` sends to
// RESEND_BASE_URL, so the real client code runs end to end without the network.

export type RecordedRequest = {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: Record<string, unknown>
  receivedAt: number
}
export type StandInReply = { status: number; body: unknown; delayMs?: number; headers?: Record<string, string> }
/** Decides the answer to the n-th request (1-based). */
export type Responder = (request: RecordedRequest, n: number) => StandInReply

export const RESEND_TEST_KEY = "re_test_dummy_key"

export const ok: Responder = (_request, n) => ({ status: 200, body: { id: `re_msg_${n}` } })

export async function startResendStandIn(responder: Responder = ok) {
  const requests: RecordedRequest[] = []
  let reply = responder
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8")
      const recorded = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        receivedAt: Date.now(),
      }
      requests.push(recorded)
      const { status, body, delayMs = 0, headers = {} } = reply(recorded, requests.length)
      setTimeout(
        () => res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body)),
        delayMs,
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  pointResendAt(url)
  return {
    url,
    requests,
    respondWith: (next: Responder) => void (reply = next),
    close: async () => {
      pointResendAt(undefined)
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Points the app at a Resend base URL with a dummy key, or back to no Resend at all. */
export function pointResendAt(baseUrl: string | undefined): void {
  if (baseUrl) {
    process.env.RESEND_BASE_URL = baseUrl
    process.env.RESEND_API_KEY = RESEND_TEST_KEY
  } else {
    delete process.env.RESEND_BASE_URL
    delete process.env.RESEND_API_KEY
  }
  resetEnvCache()
}

/** Resend's error body, as its API sends it. */
export function resendError(status: number, name: string, message = `${name} from the stand-in`): StandInReply {
  return { status, body: { statusCode: status, name, message } }
}

/** Resend's 429 when the team's requests per second are used up, with its Retry-After in seconds. */
export function rateLimited(retryAfterSeconds: number): StandInReply {
  return {
    ...resendError(429, "rate_limit_exceeded", "Too many requests. You can only make 2 requests per second."),
    headers: { "retry-after": String(retryAfterSeconds) },
  }
}
