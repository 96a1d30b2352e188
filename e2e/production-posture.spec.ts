import { expect, test } from "@playwright/test"

// Production fails closed (lib/config/posture.ts), seen from a browser. Runs only against a second
// server started in production mode with every required variable and simulated payments, e.g.
//   APP_MODE=production BILLING_TEST_MODE=1 NEXTAUTH_URL=https://copilot.example.test
//   NEXTAUTH_SECRET=… ENCRYPTION_KEY=… CREDENTIALS_KEY=… DATABASE_URL= RESEND_API_KEY=
//   DATA_DIR=.data/e2e-production PORT=3200 PROBE_BASE_URL=http://127.0.0.1:3200 npm start
// then: E2E_PRODUCTION_URL=http://localhost:3200 npx playwright test production-posture
// (the journeys' own server is a demo: there the mailbox is open and no banner shows).
const base = process.env.E2E_PRODUCTION_URL
test.skip(!base, "needs E2E_PRODUCTION_URL: a server in production mode with BILLING_TEST_MODE=1")

test("a production server with everything set serves, and is ready", async ({ request }) => {
  expect((await request.get(`${base}/api/health/ready`)).status()).toBe(200)
})

test("the mailbox does not exist for an anonymous visitor: 404, no redirect to sign in", async ({ page }) => {
  for (const path of ["/dev/mailbox", "/dev/mailbox?to=someone%40example.com", "/dev/mailbox/any-message-id"]) {
    const response = await page.goto(`${base}${path}`)
    expect(response?.status(), path).toBe(404)
    expect(new URL(page.url()).pathname, path).toBe(path.split("?")[0])
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found")
    await expect(page).not.toHaveTitle(/mailbox|email/i)
  }
  // Nor does the page after asking for a sign-in link point at it.
  await page.goto(`${base}/signin/check-email`)
  await expect(page.locator('a[href^="/dev/mailbox"]')).toHaveCount(0)
})

// Pages rendered per request; a static page (the 404) shows what its build's environment said.
test("with BILLING_TEST_MODE=1 every page says payments are simulated", async ({ page }) => {
  for (const path of ["/", "/pricing", "/signin", "/account", "/admin"]) {
    await page.goto(`${base}${path}`)
    await expect(page.getByTestId("site-test-mode-banner"), path).toHaveText(
      /test mode: payments on this site are simulated/i,
    )
  }
})
