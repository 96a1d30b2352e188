import { expect, test } from "vitest"
import { base32, demoTotpSecret } from "./totp-secret"

test("base32 matches the RFC 4648 test vectors, without padding", () => {
  const encode = (text: string) => base32(new TextEncoder().encode(text))
  expect(encode("")).toBe("")
  expect(encode("f")).toBe("MY")
  expect(encode("fo")).toBe("MZXQ")
  expect(encode("foo")).toBe("MZXW6")
  expect(encode("foob")).toBe("MZXW6YQ")
  expect(encode("fooba")).toBe("MZXW6YTB")
  expect(encode("foobar")).toBe("MZXW6YTBOI")
})

test("a demo TOTP secret is 32 base32 characters, stable per seed and email", () => {
  const secret = demoTotpSecret(42, "owner@demo.test")
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)
  expect(demoTotpSecret(42, "owner@demo.test")).toBe(secret)
  expect(demoTotpSecret(43, "owner@demo.test")).not.toBe(secret)
  expect(demoTotpSecret(42, "admin@demo.test")).not.toBe(secret)
})
