import type { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { sha256 } from "./crypto"

// Security-relevant events (failed sign-ins and second factors, rate-limited requests, refused
// staff access, bad webhook signatures). Addresses are stored only as a keyed hash: repeats from
// one address can be counted, the address itself cannot be read back.

export const SECURITY_EVENT_KINDS = [
  "auth.sign_in_failed",
  "auth.mfa_failed",
  "rate_limited",
  "admin.refused",
  "webhook.bad_signature",
] as const
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number]

export type SecurityEventInput = { kind: SecurityEventKind; detail?: Prisma.InputJsonValue; ip?: string | null }

/** sha256(secret + address), or null without a server secret (an unkeyed hash of an IPv4 address is reversible). */
export function hashAddress(ip: string): string | null {
  const secret = env().ENCRYPTION_KEY ?? env().NEXTAUTH_SECRET
  if (!secret) return null
  return sha256(`${secret}${ip.trim().toLowerCase()}`)
}

type SecurityEventWriter = Pick<Prisma.TransactionClient, "securityEvent">

export async function recordSecurityEvent(event: SecurityEventInput, client: SecurityEventWriter = db): Promise<void> {
  await client.securityEvent.create({
    data: { kind: event.kind, detail: event.detail, ipHash: event.ip ? hashAddress(event.ip) : null },
  })
}
