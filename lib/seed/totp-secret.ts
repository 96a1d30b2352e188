import { createHash } from "node:crypto"

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

/** RFC 4648 base32 without padding: the encoding authenticator apps expect for TOTP secrets. */
export function base32(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ""
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31]
  return out
}

/**
 * A demo staff member's TOTP secret: 160 bits (RFC 4226's recommended length, 32 base32 characters)
 * derived from the seed and the email, so a re-seed keeps the codes in an authenticator app working.
 * Demo only: a real secret comes from a CSPRNG at enrolment.
 */
export function demoTotpSecret(seed: number, email: string): string {
  return base32(createHash("sha256").update(`${seed}:${email}`).digest().subarray(0, 20))
}
