import "server-only"
import { requireEnv } from "@/lib/env"
import { decryptSecret, encryptSecret } from "@/lib/security/crypto"

// A delivered seat's login, password and notes, sealed as one JSON document with AES-256-GCM under
// CREDENTIALS_KEY. Errors from here never carry any part of the plaintext.

export type SeatCredentials = { login: string; password: string; notes: string | null }

export function sealCredentials(credentials: SeatCredentials, key: string = requireEnv("CREDENTIALS_KEY")): string {
  return encryptSecret(
    JSON.stringify({ login: credentials.login, password: credentials.password, notes: credentials.notes }),
    key,
  )
}

export function openCredentials(sealed: string, key: string = requireEnv("CREDENTIALS_KEY")): SeatCredentials {
  let parsed: unknown
  try {
    // JSON.parse's own error quotes the input: replace it rather than wrap it.
    parsed = JSON.parse(decryptSecret(sealed, key))
  } catch {
    throw new Error("stored seat credentials could not be decrypted")
  }
  if (!parsed || typeof parsed !== "object") throw new Error("stored seat credentials are malformed")
  const { login, password, notes } = parsed as Record<string, unknown>
  if (typeof login !== "string" || typeof password !== "string")
    throw new Error("stored seat credentials are malformed")
  return { login, password, notes: typeof notes === "string" && notes ? notes : null }
}
