import { expect, test } from "@playwright/test"
import { consentDeclined } from "./consent"
import { requestMagicLink, signInWithMagicLink, uniqueEmail } from "./helpers"

test("opening a sign-in link signs nobody in: its button does, once", async ({ page }) => {
  const email = uniqueEmail("confirm")
  const link = await requestMagicLink(page, email)
  expect(new URL(link).pathname).toBe("/signin/confirm")

  // Opened twice (a mail scanner, then the person): still good, and nobody is signed in yet.
  await page.goto(link)
  await page.goto(link)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm sign-in")
  await expect(page.getByText(email)).toBeVisible()
  await page.goto("/account")
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/)

  await page.goto(link)
  await page.getByTestId("confirm-signin").click()
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByTestId("account-page")).toContainText(email)

  // Used: the link now only says so.
  await page.goto(link)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works")
  await expect(page.getByTestId("confirm-signin")).toHaveCount(0)
})

test("a subscriber sees where they are signed in and signs out everywhere else", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("sessions")
  const other = await browser.newContext({ baseURL, storageState: consentDeclined(baseURL!) })
  const phone = await other.newPage()
  await signInWithMagicLink(phone, email)
  await signInWithMagicLink(page, email, "/account/profile")
  await expect(page).toHaveURL(/\/account\/profile$/)

  const rows = page.getByTestId("session-row")
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: "This browser" })).toHaveCount(1)

  await page.getByTestId("sign-out-everywhere").click()
  await page.getByTestId("sign-out-everywhere-confirm").click()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText("This browser")

  // The other browser is signed out; this one is not.
  await phone.goto("/account")
  await expect(phone).toHaveURL(/\/signin/)
  await page.goto("/account")
  await expect(page.getByTestId("account-page")).toContainText(email)
  await other.close()
})
