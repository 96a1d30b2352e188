import { expect, type Page, test } from "@playwright/test"
import { consentDeclined } from "./consent"
import { openTestCheckout, passSecondFactor, payTestCheckout, signInWithMagicLink, visitAndSignIn } from "./helpers"

// A new visitor, with no stored choice: the banner asks. The admin gets their own context.
test.use({ storageState: { cookies: [], origins: [] } })

const ADMIN = "admin@demo.test"

/**
 * Waits until the tracker has sent (and the server taken) this page's view. The tracker sends every
 * 5 s and by beacon when a page hides, but a beacon sent while Playwright navigates away does not
 * arrive here: each page stays until its view is stored.
 */
function viewStored(page: Page, path: string) {
  return page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === "/api/events" &&
      response.status() === 202 &&
      (response.request().postData() ?? "").includes(`"path":"${path}"`),
    { timeout: 20_000 },
  )
}

// The demo business has thousands of visitors, so the journey tags its landing with a UTM source
// no one else has: broken down by UTM source, the funnel's row for it holds this visitor alone
// (their first landing, before they accepted cookies, may count as one more entrant at most).
test("a visitor accepts analytics, browses, pays at checkout, and appears in the product funnel", async ({
  page,
  browser,
  baseURL,
}) => {
  // A TOTP step (30 s) may be spent waiting, the tracker sends every 5 s or when a page hides, and
  // on the one-connection embedded database the dashboard's sections load one after another.
  test.setTimeout(300_000)
  const source = `e2e-${Date.now().toString(36)}`

  await page.goto(`/?utm_source=${source}`)
  const banner = page.getByRole("region", { name: "Analytics cookies" })
  await expect(banner).toBeVisible()
  const consent = page.waitForResponse(
    (r) => new URL(r.url()).pathname === "/api/consent" && r.request().method() === "POST",
  )
  await banner.getByRole("button", { name: "Accept" }).click()
  expect((await consent).ok()).toBe(true)
  await expect(banner).toBeHidden()
  expect((await page.context().cookies()).map((cookie) => cookie.name)).toEqual(
    expect.arrayContaining(["acv_consent", "acv_vid"]),
  )
  // Land again with the visitor cookie set: this landing is surely the consented visitor's.
  const landing = viewStored(page, "/")
  await page.goto(`/?utm_source=${source}`)
  await expect(banner).toBeHidden()
  await landing
  const pricing = viewStored(page, "/pricing")
  await page.goto("/pricing")
  await pricing

  // Sign-in (the same browser: the visitor becomes the user), checkout and payment.
  await visitAndSignIn(page, "Copilot Monthly", "funnel")
  await openTestCheckout(page, "Copilot Monthly")
  await payTestCheckout(page)

  // An admin, in their own browser.
  const adminContext = await browser.newContext({ baseURL, storageState: consentDeclined(baseURL!) })
  const admin = await adminContext.newPage()
  await signInWithMagicLink(admin, ADMIN, "/admin/product")
  await passSecondFactor(admin, ADMIN)
  await admin.goto("/admin/product?range=7d")
  await expect(admin.getByRole("heading", { level: 1, name: "Product" })).toBeVisible()
  await expect(admin.getByRole("link", { name: "Product" }).first()).toHaveAttribute("aria-current", "page")

  // The custom range's dates always show the range on screen, also after a preset link.
  const customRange = admin.getByTestId("custom-range")
  for (const preset of ["30d", "7d"]) {
    await admin.getByTestId(`range-${preset}`).click()
    await expect(admin.getByTestId("range-summary")).toContainText(`(${preset.replace("d", "")} days,`)
    const [, first, last] = (await admin.getByTestId("range-summary").textContent())!.match(/^(\S+) to (\S+) /)!
    await expect(customRange.getByLabel("From")).toHaveValue(first!)
    await expect(customRange.getByLabel("To")).toHaveValue(last!)
  }
  const funnels = admin.getByTestId("product-funnels")
  await expect(funnels.getByTestId("funnel-name-shown")).toHaveText("Landing to seat delivered", { timeout: 30_000 })
  await expect(funnels.getByTestId("stat-funnel-entered")).toContainText(/from|compare/)

  // Break the default funnel down by UTM source with the builder.
  const builder = funnels.getByTestId("funnel-builder")
  await builder.getByTestId("funnel-breakdown").selectOption("utm_source")
  await builder.getByTestId("funnel-show").click()
  await expect(admin).toHaveURL(/breakdown=utm_source/, { timeout: 30_000 })

  // Events arrive by the tracker's beacon and the webhook: reload until this visitor's row is there.
  const row = funnels.locator(`[data-testid="funnel-segment-row"][data-segment="${source}"]`)
  await expect(async () => {
    await admin.reload()
    await expect(funnels.getByTestId("funnel-segments-table")).toBeVisible({ timeout: 30_000 })
    // Landing (1, or 2 with the landing before consent) → pricing → checkout started → paid; no seat delivered yet.
    await expect(row.getByTestId("funnel-segment-people")).toHaveText([/^[12]$/, "1", "1", "1", "0"], {
      timeout: 1_000,
    })
  }).toPass({ timeout: 120_000 })

  // Keep the funnel: saved, it opens by its id with the breakdown kept.
  const name = `Journey ${source}`
  await builder.getByTestId("funnel-name").fill(name)
  await builder.getByTestId("funnel-save").click()
  await expect(admin).toHaveURL(/funnelId=[^&]+/, { timeout: 30_000 })
  await expect(funnels.getByTestId("funnel-name-shown")).toHaveText(name, { timeout: 30_000 })
  await expect(row.getByTestId("funnel-segment-people")).toHaveText([/^[12]$/, "1", "1", "1", "0"])
  await expect(funnels.getByTestId("saved-funnel-select")).toHaveValue(/.+/)

  // Retention renders as a table (or says why it cannot), and a saved funnel can be deleted again.
  await expect(
    admin
      .getByTestId("product-retention")
      .getByRole("table")
      .or(admin.getByTestId("product-retention").getByRole("heading", { name: /No cohorts/ })),
  ).toBeVisible()
  await builder.getByTestId("funnel-delete").click()
  await builder.getByTestId("funnel-delete-confirm").click()
  await expect(funnels.getByTestId("funnel-name-shown")).toHaveText("Landing to seat delivered", { timeout: 30_000 })
  await adminContext.close()
})
