import { z } from "zod"
import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { sendRedactedEmail } from "@/lib/email/send-redacted"
import { sha256 } from "@/lib/security/crypto"

// The email sign-in link. next-auth makes the token and keeps only sha256(token + secret) in
// verification_tokens (next-auth 4.24: core/lib/email/signin.js, hashToken in core/lib/utils.js);
// the link itself exists only in the email we send. It opens /signin/confirm, whose button POSTs
// the token to next-auth's callback: link scanners only GET, so they can no longer use it up.

/** How long a link works (next-auth's EmailProvider maxAge, in seconds). */
export const SIGN_IN_LINK_MAX_AGE_SECONDS = 15 * 60

export const CONFIRM_PATH = "/signin/confirm"

const emailSchema = z.email().max(320)

/**
 * The address as we store and limit it: NFKC, trimmed, lower case, and one plain address (a list
 * such as "a@x.test, b@y.test" would send the link to both). Throws on anything else; next-auth
 * then answers with its EmailSignin error.
 */
export function normalizeSignInEmail(identifier: string): string {
  const email = identifier.normalize("NFKC").trim().toLowerCase()
  if (!emailSchema.safeParse(email).success) throw new Error("not a single valid email address")
  return email
}

/** next-auth's callback URL (…/api/auth/callback/email?callbackUrl&token&email) turned into the confirm page's. */
export function confirmPageUrl(callbackUrl: string): string {
  const callback = new URL(callbackUrl)
  const confirm = new URL(CONFIRM_PATH, callback)
  for (const name of ["token", "email", "callbackUrl"]) {
    const value = callback.searchParams.get(name)
    if (value !== null) confirm.searchParams.set(name, value)
  }
  return confirm.toString()
}

/** next-auth's sendVerificationRequest: the email goes out now, and only its copy without the link is kept. */
export async function sendSignInLink(input: {
  identifier: string
  url: string
  token: string
  expires: Date
}): Promise<void> {
  const link = confirmPageUrl(input.url)
  await sendRedactedEmail({
    to: input.identifier,
    template: "magic-link",
    props: { url: link, host: new URL(link).host },
    secretExpiresAt: input.expires,
    // Stored with the row, so derived from the token but not the token: it opens nothing.
    idempotencyKey: `magic-link/${sha256(`idempotency:${input.token}`)}`,
  })
}

/** What next-auth stores for a token (sha256 of the token and the secret). */
export function hashSignInToken(token: string): string {
  return sha256(`${token}${env().NEXTAUTH_SECRET ?? ""}`)
}

/** Whether the link still works, without using it up: the confirm page shows its button only then. */
export async function isSignInLinkPending(input: { token: string; email: string }, now = new Date()): Promise<boolean> {
  if (!input.token || input.token.length > 200 || input.token.includes("\u0000")) return false
  const row = await db.verificationToken.findUnique({
    where: { token: hashSignInToken(input.token) },
    select: { identifier: true, expires: true },
  })
  return row !== null && row.identifier === input.email && row.expires > now
}
