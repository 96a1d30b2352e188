import { randomBytes } from "node:crypto"

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
 * A demo staff member's TOTP secret: 160 random bits (RFC 4226's recommended length, 32 base32
 * characters), new for every database seeded. Derived from anything public, anyone could pass the
 * second factor of a demo deployment.
 */
export function newTotpSecret(): string {
  return base32(randomBytes(20))
}
