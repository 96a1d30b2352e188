import { expect, test } from "vitest"
import { failedSignInOf } from "./sign-in-failure"

test("a callback sent to the error page is a failed sign-in, with its provider and reason", () => {
  expect(
    failedSignInOf(
      "http://localhost:3000/api/auth/callback/email?token=x&email=a%40b.test",
      "http://localhost:3000/api/auth/error?error=Verification",
    ),
  ).toEqual({
    provider: "email",
    reason: "Verification",
  })
  expect(
    failedSignInOf("http://localhost:3000/api/auth/callback/github?code=x", "/signin?error=OAuthCallback"),
  ).toEqual({ provider: "github", reason: "OAuthCallback" })
})

test("a successful callback, another next-auth route or a response without a redirect is not", () => {
  expect(
    failedSignInOf("http://localhost:3000/api/auth/callback/email?token=x", "http://localhost:3000/admin"),
  ).toBeNull()
  expect(
    failedSignInOf("http://localhost:3000/api/auth/signin/email", "http://localhost:3000/signin?error=EmailSignin"),
  ).toBeNull()
  expect(failedSignInOf("http://localhost:3000/api/auth/callback/email", null)).toBeNull()
})
