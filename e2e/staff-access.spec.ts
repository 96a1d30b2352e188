import { expect, test } from "@playwright/test"
import { signInWithMagicLink, totpCodeFor } from "./helpers"

test("an owner signs in, passes the TOTP second factor and sees the admin home with live counts", async ({ page }) => {
  await signInWithMagicLink(page, "owner@demo.test", "/admin")
  await expect(page).toHaveURL(/\/mfa/)
  await page.getByTestId("mfa-code").fill(await totpCodeFor("owner@demo.test"))
  await page.getByTestId("mfa-submit").click()
  await expect(page).toHaveURL(/\/admin$/)
  const home = page.getByTestId("admin-home")
  await expect(home).toContainText("Customers")
  await expect(home).toContainText("Active subscriptions")
  await expect(home).toContainText("Open orders")

  // The same session may call the staff API.
  expect((await page.request.get("/api/admin/audit")).status()).toBe(200)
  await page.goto("/admin/audit")
  await expect(page.getByTestId("audit-table")).toContainText("auth.mfa_verified")
})

test("a subscriber is refused /admin and /api/admin", async ({ page }) => {
  await signInWithMagicLink(page, "subscriber@demo.test")
  await expect(page.getByTestId("account-page")).toBeVisible()
  await page.goto("/admin")
  await expect(page).toHaveURL(/\/forbidden/)
  const api = await page.request.get("/api/admin/audit")
  expect(api.status()).toBe(403)
  expect(await api.json()).toMatchObject({ error: { code: "forbidden" } })
})
