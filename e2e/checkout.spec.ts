import { expect, test } from "@playwright/test"
import { openTestCheckout, payTestCheckout, visitAndSignIn } from "./helpers"

// Test mode (no POLAR_ACCESS_TOKEN): the test checkout sends Polar-shaped, signed webhooks to the
// app's own endpoint, so these journeys cross the same handler live payments do.

test("visitor → pricing → sign in → test checkout → Pay: the account shows the plan and an order pending", async ({
  page,
}) => {
  await visitAndSignIn(page, "Copilot Monthly", "buyer")
  await openTestCheckout(page, "Copilot Monthly")
  await payTestCheckout(page)
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
  await payTestCheckout(page)
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

test("a declined renewal: the account says so, the email explains it, a new card pays it", async ({ page }) => {
  const email = await visitAndSignIn(page, "Copilot Monthly", "renewal")
  await openTestCheckout(page, "Copilot Monthly")
  await payTestCheckout(page)

  await page.goto("/account/billing")
  await expect(page.getByTestId("test-card")).toBeVisible()
  await page.getByTestId("simulate-failed-renewal").click()
  await expect(page.getByTestId("card-declined")).toBeVisible({ timeout: 15_000 })
  await page.goto("/account")
  await expect(page.getByTestId("payment-failed")).toContainText("update your card")

  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`)
  await expect(page.getByTestId("mailbox-row").filter({ hasText: /payment/i })).toHaveCount(1)

  await page.goto("/account/billing")
  await page.getByTestId("update-card-and-pay").click()
  await expect(page.getByTestId("card-declined")).toHaveCount(0, { timeout: 15_000 })
  await expect(page.getByTestId("receipts-table")).toContainText("Renewal")
  await page.goto("/account")
  await expect(page.getByTestId("subscription-status")).toHaveText("Active")
  await expect(page.getByTestId("orders-PENDING")).toHaveText("1") // a renewal opens no new order
})

test("on a slow connection the buttons wait for the page's script, so an early click is not lost", async ({ page }) => {
  await visitAndSignIn(page, "Copilot Monthly", "slow")
  // Every script arrives two seconds late: the server-rendered buttons are on screen long before they work.
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    await route.continue()
  })
  await page.reload()
  await openTestCheckout(page, "Copilot Monthly")
  await expect(page.getByTestId("test-pay")).toBeDisabled()
  await payTestCheckout(page)
  await expect(page.getByTestId("plan-name")).toHaveText("Copilot Monthly")
})
