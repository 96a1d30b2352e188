import { expect, test } from "vitest"
import { newTestCheckout, readTestCheckout, signTestCheckout } from "./checkout-token"

const secret = "s3cret"
const now = Date.parse("2026-11-25T12:00:00Z")

test("a signed checkout reads back until it expires an hour later", () => {
  const checkout = newTestCheckout({ planId: "plan_1", userId: "user_1", now })
  expect(checkout.checkoutId).toMatch(/^chk_test_[\w-]{12}$/)
  const token = signTestCheckout(checkout, secret)
  expect(readTestCheckout(token, secret, now + 59 * 60_000)).toEqual({ checkout })
  expect(readTestCheckout(token, secret, now + 61 * 60_000)).toEqual({ error: "expired" })
})

test("a changed body, another secret or garbage is invalid", () => {
  const token = signTestCheckout(newTestCheckout({ planId: "plan_1", userId: "user_1", now }), secret)
  const [, signature] = token.split(".")
  const forged = `${Buffer.from(JSON.stringify({ checkoutId: "chk_test_x", planId: "plan_1", userId: "attacker", expiresAt: now + 1e9 })).toString("base64url")}.${signature}`
  expect(readTestCheckout(forged, secret, now)).toEqual({ error: "invalid" })
  expect(readTestCheckout(token, "other", now)).toEqual({ error: "invalid" })
  expect(readTestCheckout("nonsense", secret, now)).toEqual({ error: "invalid" })
  expect(readTestCheckout(`${token}.extra`, secret, now)).toEqual({ error: "invalid" })
})
