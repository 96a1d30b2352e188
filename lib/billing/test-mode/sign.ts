import { createHmac } from "node:crypto"

// Standard Webhooks signing (https://www.standardwebhooks.com), as Polar signs its deliveries:
// HMAC-SHA256 over "<id>.<timestamp>.<body>", keyed with the base64-decoded part of "whsec_<base64>".

export type SignedHeaders = { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string }

/** The three headers of one signed delivery. `timestamp` is in whole seconds since the epoch. */
export function signWebhook(secret: string, input: { id: string; timestamp: number; body: string }): SignedHeaders {
  const key = secret.startsWith("whsec_") ? Buffer.from(secret.slice(6), "base64") : Buffer.from(secret, "utf8")
  const timestamp = String(Math.floor(input.timestamp))
  const signature = createHmac("sha256", key).update(`${input.id}.${timestamp}.${input.body}`).digest("base64")
  return { "webhook-id": input.id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` }
}
