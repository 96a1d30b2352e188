import { expect, test } from "vitest"
import { base32, newTotpSecret } from "./totp-secret"

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

test("a demo TOTP secret is 32 base32 characters, new every time", () => {
  const secrets = new Set(Array.from({ length: 20 }, () => newTotpSecret()))
  for (const secret of secrets) expect(secret).toMatch(/^[A-Z2-7]{32}$/)
  expect(secrets.size).toBe(20)
})
