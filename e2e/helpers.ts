import { expect, type Page } from "@playwright/test"
import { generate } from "otplib"
import { demoTotpSecret } from "./demo-staff"

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.example`
}

/**
 * Asks for a sign-in link and reads it from the demo mailbox, which holds the full email in memory
 * (email_messages keeps it without the link). Returns the link: the confirm page's address.
 */
export async function requestMagicLink(page: Page, email: string, callbackUrl = "/account"): Promise<string> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`)
  await page.getByTestId("signin-email").fill(email)
  await page.getByTestId("signin-submit").click()
  await expect(page).toHaveURL(/\/signin\/check-email/)
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`)
  await page.getByTestId("mailbox-row").first().click()
  const link = page.getByTestId("mailbox-link").filter({ hasText: "/signin/confirm" }).first()
  const href = await link.getAttribute("href")
  expect(href).toBeTruthy()
  return href!
}

/** Signs in through the real magic link: ask for it, open it, press the confirm page's button (opening alone signs nobody in). */
export async function signInWithMagicLink(page: Page, email: string, callbackUrl = "/account"): Promise<void> {
  await page.goto(await requestMagicLink(page, email, callbackUrl))
  await page.getByTestId("confirm-signin").click()
  await expect(page).not.toHaveURL(/\/signin\/confirm/)
}

/** The current TOTP code of a demo staff member, from the secret seeded into the server's database. */
export async function totpCodeFor(email: string): Promise<string> {
  return generate({ secret: await demoTotpSecret(email) })
}

const TOTP_STEP_MS = 30_000

/**
 * Passes the TOTP second factor on /mfa. The server accepts each 30 s step once per user, so when
 * an earlier journey used this step for the same account the code is refused: wait for the next
 * step and try once more.
 */
export async function passSecondFactor(page: Page, email: string): Promise<void> {
  await expect(page).toHaveURL(/\/mfa/)
  for (const attempt of [1, 2]) {
    await page.getByTestId("mfa-code").fill(await totpCodeFor(email))
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === "/api/mfa/verify" && r.request().method() === "POST"),
      page.getByTestId("mfa-submit").click(),
    ])
    if (response.ok()) break
    expect(response.status(), "only a code already used in this step is worth another try").toBe(422)
    if (attempt === 2) throw new Error(`the TOTP code for ${email} was refused in two consecutive steps`)
    await expect(page.getByTestId("mfa-code")).toHaveAttribute("aria-invalid", "true")
    await new Promise((resolve) => setTimeout(resolve, TOTP_STEP_MS - (Date.now() % TOTP_STEP_MS) + 1_000))
  }
  await expect(page).not.toHaveURL(/\/mfa/)
}

/** A visitor picks a plan on /pricing, signs in, and comes back to the pricing page to subscribe. */
export async function visitAndSignIn(page: Page, planName: string, prefix: string): Promise<string> {
  await page.goto("/pricing")
  const getStarted = page.getByRole("link", { name: `Get started with ${planName}` })
  await getStarted.click()
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fpricing%3Fplan%3D/)
  const callbackUrl = new URL(page.url()).searchParams.get("callbackUrl")!
  const email = uniqueEmail(prefix)
  await signInWithMagicLink(page, email, callbackUrl)
  await expect(page).toHaveURL(/\/pricing\?plan=/)
  return email
}

/** From the pricing page, "Subscribe to …" opens the app's own test checkout (no POLAR_ACCESS_TOKEN). */
export async function openTestCheckout(page: Page, planName: string): Promise<void> {
  await page.getByRole("button", { name: `Subscribe to ${planName}` }).click()
  await expect(page).toHaveURL(/\/checkout\/test\?token=/)
  await expect(page.getByTestId("test-mode-banner")).toHaveText(/test mode — no real payment/i)
  await expect(page.getByTestId("test-checkout-plan")).toHaveText(planName)
}

/** Pays the open test checkout. It sends the webhooks over HTTP before redirecting, which takes a few seconds on a cold, busy server. */
export async function payTestCheckout(page: Page): Promise<void> {
  await page.getByTestId("test-pay").click()
  await expect(page).toHaveURL(/\/account\?checkout=success$/, { timeout: 30_000 })
}
