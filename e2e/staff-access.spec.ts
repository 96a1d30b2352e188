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

  // API tokens: the owner mints a read-only token for themselves, uses it, then revokes it from the page.
  await page.goto("/admin/tokens")
  const label = `e2e-${Date.now()}`
  await page.getByTestId("token-name").fill(label)
  await expect(page.getByTestId("token-scope-read")).toBeChecked()
  await page.getByTestId("token-expiry").selectOption("30")
  await page.getByTestId("token-submit").click()
  const token = await page.getByTestId("token-value").inputValue()
  expect(token).toMatch(/^acv_/)
  const withToken = (t: string) => page.request.get("/api/admin/summary", { headers: { authorization: `Bearer ${t}` } })
  expect((await withToken(token)).status()).toBe(200)
  // Read-only, and a token never mints another.
  const mint = await page.request.post("/api/admin/tokens", {
    headers: { authorization: `Bearer ${token}` },
    data: { name: "x", scopes: ["read"] },
  })
  expect(mint.status()).toBe(403)
  const row = page.getByTestId("token-row").filter({ hasText: label })
  await expect(row).toContainText("owner@demo.test")
  await expect(row).toContainText("Read")
  await row.getByTestId("revoke-token").click()
  await row.getByTestId("revoke-token-confirm").click()
  await expect(row).toContainText(/revoked/i)
  expect((await withToken(token)).status()).toBe(401)
})

test("a subscriber is refused /admin and /api/admin", async ({ page }) => {
  await signInWithMagicLink(page, "subscriber@demo.test")
  await expect(page.getByTestId("account-page")).toBeVisible()
  const refused = await page.goto("/admin")
  expect(refused?.status()).toBe(403)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/don.t have access/)
  const api = await page.request.get("/api/admin/audit")
  expect(api.status()).toBe(403)
  expect(await api.json()).toMatchObject({ error: { code: "forbidden" } })
})
