import { expect, type Page, test } from "@playwright/test"
import { signInWithMagicLink, uniqueEmail } from "./helpers"

// Test mode (no POLAR_ACCESS_TOKEN): the test checkout sends Polar-shaped, signed webhooks to the
// app's own endpoint, so these journeys cross the same handler live payments do.

/** A visitor picks a plan on /pricing, signs in, and comes back to the pricing page to subscribe. */
async function visitAndSignIn(page: Page, planName: string, prefix: string): Promise<string> {
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

async function openTestCheckout(page: Page, planName: string): Promise<void> {
  await page.getByRole("button", { name: `Subscribe to ${planName}` }).click()
  await expect(page).toHaveURL(/\/checkout\/test\?token=/)
  await expect(page.getByTestId("test-mode-banner")).toHaveText(/test mode — no real payment/i)
  await expect(page.getByTestId("test-checkout-plan")).toHaveText(planName)
}

test("visitor → pricing → sign in → test checkout → Pay: the account shows the plan and an order pending", async ({ page }) => {
  await visitAndSignIn(page, "Copilot Monthly", "buyer")
  await openTestCheckout(page, "Copilot Monthly")
  await page.getByTestId("test-pay").click()
  await expect(page).toHaveURL(/\/account\?checkout=success$/)
  await expect(page.getByTestId("plan-name")).toHaveText("Copilot Monthly")
  await expect(page.getByTestId("subscription-status")).toHaveText("Active")
  await expect(page.getByTestId("orders-PENDING")).toHaveText("1")
})

test("a declined card charges nothing and creates no subscription", async ({ page }) => {
  await visitAndSignIn(page, "Copilot Team", "declined")
  await openTestCheckout(page, "Copilot Team")
  await page.getByTestId("test-decline").click()
  await expect(page.getByTestId("card-declined")).toContainText("Your card was declined. Nothing was charged.")
  await page.goto("/account")
  await expect(page.getByTestId("account-page")).toContainText(/don.t have a subscription/i)
})

test("a cancellation stops at the end of the paid period, not before", async ({ page }) => {
  await visitAndSignIn(page, "Copilot Annual", "canceler")
  await openTestCheckout(page, "Copilot Annual")
  await page.getByTestId("test-pay").click()
  await expect(page).toHaveURL(/\/account\?checkout=success$/)
  await expect(page.getByTestId("subscription-status")).toHaveText("Active")

  // The portal's own buttons: cancel asks for confirmation first.
  await page.getByTestId("cancel-subscription").click()
  await page.getByTestId("confirm-cancel").click()
  await expect(page.getByTestId("subscription-actions")).toContainText("Canceled: your seat stays active")
  await page.reload()
  await expect(page.getByTestId("subscription-status")).toHaveText(/^Canceled, active until /)
  await expect(page.getByText("Access until")).toBeVisible()
  await expect(page.getByTestId("orders-PENDING")).toHaveText("1") // the seat is still owed
})
