import { expect, test } from "vitest"
import { confirmPageUrl, normalizeSignInEmail } from "./magic-link"

test("an address is trimmed and lower-cased; a list or anything else that is not one address is refused", () => {
  expect(normalizeSignInEmail("  Ada@Example.TEST ")).toBe("ada@example.test")
  expect(normalizeSignInEmail("ａｄａ@example.test")).toBe("ada@example.test")
  for (const bad of [
    "ada@example.test, eve@evil.test",
    "ada",
    "ada@",
    "a\u0000@example.test",
    `${"a".repeat(320)}@example.test`,
  ]) {
    expect(() => normalizeSignInEmail(bad), bad).toThrow()
  }
})

test("next-auth's callback link becomes the confirm page's, with the same token, address and destination", () => {
  const callback =
    "https://app.example/api/auth/callback/email?callbackUrl=https%3A%2F%2Fapp.example%2Fadmin&token=abc&email=ada%40example.test"
  expect(confirmPageUrl(callback)).toBe(
    "https://app.example/signin/confirm?token=abc&email=ada%40example.test&callbackUrl=https%3A%2F%2Fapp.example%2Fadmin",
  )
})
