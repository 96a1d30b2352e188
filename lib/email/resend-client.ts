import { Resend } from "resend"
import { env } from "@/lib/env"

/**
 * A Resend client when RESEND_API_KEY is set, else undefined (the caller takes the outbox path).
 * Built per call: cheap, and it picks up RESEND_BASE_URL and key changes (a local stand-in in tests).
 */
export function resendClient(): Resend | undefined {
  const key = env().RESEND_API_KEY
  return key ? new Resend(key) : undefined
}

/** Verifying a webhook needs a Resend instance but no real key. */
export function resendVerifier(): Resend {
  return new Resend(env().RESEND_API_KEY ?? "re_webhook_verification_only")
}
