import { expect, test } from "@playwright/test"
import { signInWithMagicLink, uniqueEmail } from "./helpers"

test("a visitor sees the plans, signs in with the magic link from the mailbox and lands on /account", async ({
  page,
}) => {
  await page.goto("/")
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
  await expect(page.getByText("$19.99").first()).toBeVisible()

  const email = uniqueEmail("visitor")
  await signInWithMagicLink(page, email)
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByTestId("account-page")).toContainText(email)
  await expect(page.getByTestId("account-page")).toContainText(/don.t have a subscription/i)
})
