import { expect, type Page } from "@playwright/test"
import { generate } from "otplib"
import { demoStaffCredentials } from "@/lib/seed/accounts"

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.example`
}

/** Signs in through the real magic link: request it, read it from the local mailbox, follow it. */
export async function signInWithMagicLink(page: Page, email: string, callbackUrl = "/account"): Promise<void> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`)
  await page.getByTestId("signin-email").fill(email)
  await page.getByTestId("signin-submit").click()
  await expect(page).toHaveURL(/\/signin\/check-email/)
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`)
  await page.getByTestId("mailbox-row").first().click()
  const link = page.getByTestId("mailbox-link").filter({ hasText: "/api/auth/callback/email" }).first()
  const href = await link.getAttribute("href")
  expect(href).toBeTruthy()
  await page.goto(href!)
}

export async function totpCodeFor(email: string): Promise<string> {
  const staff = demoStaffCredentials().find((s) => s.email === email)
  if (!staff?.totpSecret) throw new Error(`no demo TOTP secret for ${email}`)
  return generate({ secret: staff.totpSecret })
}
