import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"

// A test-mode checkout lives only in its URL: the plan, the buyer and an expiry, signed with a
// server secret so the page and the "Pay" action can trust it without a table.

export type TestCheckout = { checkoutId: string; planId: string; userId: string; expiresAt: number }

const TTL_MS = 60 * 60 * 1000

export function newTestCheckout(input: { planId: string; userId: string; now?: number }): TestCheckout {
  const now = input.now ?? Date.now()
  return {
    checkoutId: `chk_test_${randomBytes(9).toString("base64url")}`,
    planId: input.planId,
    userId: input.userId,
    expiresAt: now + TTL_MS,
  }
}

export function signTestCheckout(checkout: TestCheckout, secret: string): string {
  const body = Buffer.from(JSON.stringify(checkout)).toString("base64url")
  return `${body}.${mac(body, secret)}`
}

/** The checkout a token names, or why not: a forged or mangled token is "invalid", an old one "expired". */
export function readTestCheckout(
  token: string,
  secret: string,
  now = Date.now(),
): { checkout: TestCheckout } | { error: "invalid" | "expired" } {
  const [body, signature, ...rest] = token.split(".")
  if (!body || !signature || rest.length > 0) return { error: "invalid" }
  const expected = Buffer.from(mac(body, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { error: "invalid" }
  let checkout: TestCheckout
  try {
    checkout = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as TestCheckout
  } catch {
    return { error: "invalid" }
  }
  if (
    typeof checkout.checkoutId !== "string" ||
    typeof checkout.planId !== "string" ||
    typeof checkout.userId !== "string" ||
    typeof checkout.expiresAt !== "number"
  )
    return { error: "invalid" }
  return checkout.expiresAt < now ? { error: "expired" } : { checkout }
}

function mac(body: string, secret: string): string {
  return createHmac("sha256", secret).update(`test-checkout:${body}`).digest("base64url")
}
