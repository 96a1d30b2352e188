import type { CreateEmailOptions, ErrorResponse, Resend } from "resend"
import { holdSends, pace } from "./pacer"
import type { EmailPriority } from "./priority"
import { isRateLimited, retryAfterMs } from "./retry"

// One request to Resend's POST /emails, the way every sender in the app makes it: in its turn
// under the rate limit (pacer.ts), and when Resend still answers 429, after its Retry-After. A
// rate-limited answer is not the message's fault: it is tried again here, not counted as a try.

/** Rate-limited answers tried again in place before the caller gets the 429 back. */
const RATE_LIMITED_TRIES = 3
/** A longer Retry-After is not waited for here: the caller reschedules the message after it. */
const MAX_WAIT_IN_PLACE_MS = 10_000

export type ResendSendOptions = {
  priority: EmailPriority
  /** Resend's Idempotency-Key: a repeated request sends nothing twice. */
  idempotencyKey?: string
  /** Per request, each retry its own. */
  timeoutMs: number
}

export type ResendSendResult =
  | { data: { id: string }; error: null; rateLimitedForMs: null }
  /** `rateLimitedForMs`: Resend's rate limit still refused it; due again after that long. */
  | { data: null; error: ErrorResponse; rateLimitedForMs: number | null }

export async function sendThroughResend(
  client: Resend,
  message: CreateEmailOptions,
  options: ResendSendOptions,
): Promise<ResendSendResult> {
  for (let tries = 1; ; tries++) {
    await pace(options.priority)
    const { data, error, headers } = await client.emails.send(message, {
      idempotencyKey: options.idempotencyKey,
      signal: AbortSignal.timeout(options.timeoutMs),
    })
    if (!error) return { data, error: null, rateLimitedForMs: null }
    if (!isRateLimited(error)) return { data: null, error, rateLimitedForMs: null }
    const wait = retryAfterMs(headers, Date.now())
    holdSends(wait)
    if (tries >= RATE_LIMITED_TRIES || wait > MAX_WAIT_IN_PLACE_MS) return { data: null, error, rateLimitedForMs: wait }
  }
}
