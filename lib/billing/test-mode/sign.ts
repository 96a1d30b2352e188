import { createHmac } from "node:crypto"

// Standard Webhooks signing (https://www.standardwebhooks.com) as Polar does it: HMAC-SHA256 over
// "<id>.<timestamp>.<body>", keyed with the secret's own bytes (UTF-8) — the first key the SDK's
// validateEvent tries; it falls back to the base64-decoded part of a "whsec_<base64>" secret.

export type SignedHeaders = { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string }

/** The three headers of one signed delivery. `timestamp` is in whole seconds since the epoch. */
export function signWebhook(secret: string, input: { id: string; timestamp: number; body: string }): SignedHeaders {
  const key = Buffer.from(secret, "utf8")
  const timestamp = String(Math.floor(input.timestamp))
  const signature = createHmac("sha256", key).update(`${input.id}.${timestamp}.${input.body}`).digest("base64")
  return { "webhook-id": input.id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` }
}
