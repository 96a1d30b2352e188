import { expect, test } from "@playwright/test"
import { passSecondFactor, signInWithMagicLink } from "./helpers"

const ENGINEER = "engineer@demo.test"

test("an engineer signs in with TOTP and sees a request they just made and an error they just caused", async ({
  page,
}) => {
  test.setTimeout(150_000)
  await signInWithMagicLink(page, ENGINEER, "/admin/operations")
  await passSecondFactor(page, ENGINEER)
  // The second factor returns to where the admin layout sent it from (/admin): open the dashboard.
  await page.goto("/admin/operations")
  await expect(page.getByRole("heading", { level: 1, name: "Operations" })).toBeVisible()
  await expect(page.getByTestId("ops-updated")).toContainText(/Updated \d\d:\d\d:\d\d UTC/)
  await expect(page.getByRole("link", { name: "Operations" }).first()).toHaveAttribute("aria-current", "page")

  // A request through the staff API with this session: timed by the route wrapper under its route.
  expect((await page.request.get("/api/admin/jobs?range=1h")).status()).toBe(200)

  // An uncaught error in the page: the browser reporter posts it to /api/errors.
  const message = `operations journey ${Date.now()}`
  const reported = page.waitForResponse(
    (r) => new URL(r.url()).pathname === "/api/errors" && r.request().method() === "POST",
  )
  await page.evaluate((text) => {
    setTimeout(() => {
      throw new Error(text)
    }, 0)
  }, message)
  expect((await reported).status()).toBe(202)

  // Request metrics are flushed every 10 seconds; the error group is written at once.
  await page.goto("/admin/operations?range=1h&sort=busiest")
  await expect(async () => {
    await page.reload()
    await expect(page.getByTestId("ops-route-table")).toContainText("/api/admin/jobs", { timeout: 1_000 })
    await expect(page.getByTestId("ops-error-table")).toContainText(message, { timeout: 1_000 })
  }).toPass({ timeout: 45_000 })

  // The error links to its group; the route row carries its method.
  await expect(page.getByTestId("ops-route-row").filter({ hasText: "/api/admin/jobs" })).toContainText("GET")
  await expect(page.getByTestId("ops-error-row").filter({ hasText: message }).getByRole("link")).toHaveAttribute(
    "href",
    /^\/admin\/errors\/.+/,
  )

  // Every chart has a table view of the same data.
  const rate = page.getByTestId("chart-request-rate")
  await rate.getByRole("button", { name: /Table view/ }).click()
  await expect(rate.getByRole("button", { name: /Table view/ })).toHaveAttribute("aria-pressed", "true")
  await expect(rate.getByTestId("chart-table").getByRole("columnheader", { name: "Requests/s" })).toBeVisible()

  // The range picker keeps the route order.
  await page.getByTestId("range-24h").click()
  await expect(page).toHaveURL(/range=24h&sort=busiest/)
  await expect(page.getByTestId("range-24h")).toHaveAttribute("aria-current", "page")
  // Browser vitals beside the server's timings of the same pages (this engineer's own visits count).
  const vitals = page.getByTestId("ops-web-vitals")
  await expect(vitals.getByRole("heading", { name: "In the browser" })).toBeVisible()
  await expect(vitals.getByRole("heading", { name: "On the server" })).toBeVisible()
})

test("support staff are refused the operations dashboard", async ({ page }) => {
  await signInWithMagicLink(page, "support@demo.test", "/admin")
  await passSecondFactor(page, "support@demo.test")
  // The role check runs in the page, inside /admin's loading boundary: the response has already
  // started streaming (200) when it refuses, so the refusal shows as the 403 page's content.
  await page.goto("/admin/operations")
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/don.t have access/)
  await expect(page.getByTestId("operations-page")).toHaveCount(0)
})
