import { expect, test } from "vitest"
import { decryptSecret, encryptSecret, safeEqual, sha256 } from "./crypto"

const key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

test("a secret round-trips through AES-256-GCM and never appears in the sealed form", () => {
  const sealed = encryptSecret("JBSWY3DPEHPK3PXP", key)
  expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/)
  expect(sealed).not.toContain("JBSWY3DPEHPK3PXP")
  expect(decryptSecret(sealed, key)).toBe("JBSWY3DPEHPK3PXP")
  // A fresh IV each time: the same secret seals differently.
  expect(encryptSecret("JBSWY3DPEHPK3PXP", key)).not.toBe(sealed)
})

test("tampering or the wrong key is detected", () => {
  const sealed = encryptSecret("secret", key)
  const [v, iv, tag, body] = sealed.split(".")
  const flipped = body!.startsWith("A") ? `B${body!.slice(1)}` : `A${body!.slice(1)}`
  expect(() => decryptSecret([v, iv, tag, flipped].join("."), key)).toThrow()
  expect(() => decryptSecret(sealed, "ff".repeat(32))).toThrow()
  expect(() => decryptSecret("garbage", key)).toThrow("not an encrypted secret")
  expect(() => encryptSecret("x", "too-short")).toThrow("32 bytes")
})

test("a base64 key works as well as hex", () => {
  const base64 = Buffer.from(key, "hex").toString("base64")
  expect(decryptSecret(encryptSecret("x", base64), key)).toBe("x")
})

test("sha256 and constant-time comparison", () => {
  // sha256("abc") from FIPS 180-2, appendix B.1.
  expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  expect(safeEqual("abc", "abc")).toBe(true)
  expect(safeEqual("abc", "abd")).toBe(false)
  expect(safeEqual("abc", "abcd")).toBe(false)
})

test("regression: a shortened GCM tag is refused, not checked on its first bytes only", () => {
  const [v, iv, tag, body] = encryptSecret("secret", key).split(".")
  const short = Buffer.from(tag!, "base64url").subarray(0, 4).toString("base64url")
  expect(() => decryptSecret([v, iv, short, body].join("."), key)).toThrow("tag must be 16 bytes")
})
