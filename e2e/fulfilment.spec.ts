import { expect, test } from "@playwright/test"
import { consentDeclined } from "./consent"
import { passSecondFactor, signInWithMagicLink } from "./helpers"

// The seat's journey: support picks up the demo subscriber's waiting order, delivers it, and the
// subscriber reveals the login in the portal. support@demo.test, not the owner: a TOTP code is
// accepted once per 30 s per user, and other journeys sign in as the owner.
test("support assigns and fulfils the demo subscriber's order; the subscriber reveals the seat", async ({
  page,
  browser,
  baseURL,
}) => {
  const seat = {
    login: `seat-${Date.now()}@copilot.example`,
    password: `pw-${Math.random().toString(36).slice(2, 12)}`,
    notes: "Sign in at copilot.example",
  }

  await signInWithMagicLink(page, "support@demo.test", "/admin/orders")
  await passSecondFactor(page, "support@demo.test")
  // The admin layout sends the second factor back to /admin; the nav leads on to the queue.
  await expect(page).toHaveURL(/\/admin$/)
  await page.getByRole("navigation", { name: "Admin" }).first().getByRole("link", { name: "Orders" }).click()
  await expect(page).toHaveURL(/\/admin\/orders$/)
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible()

  // The open queue, narrowed to the demo subscriber: their renewal order, paid two hours ago.
  await page.getByTestId("orders-search").fill("subscriber@demo.test")
  await page.getByRole("button", { name: "Search" }).click()
  await expect(page).toHaveURL(/q=subscriber%40demo\.test/)
  const row = page.getByTestId("order-row").filter({ hasText: "subscriber@demo.test" }).first()
  await expect(row.getByTestId("deadline")).toHaveText(/^due in \d+h \d+m$/)
  const orderId = await row.getAttribute("data-order-id")
  expect(orderId).toBeTruthy()

  await row.getByTestId("assign-to-me").click()
  const assigned = page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`)
  await expect(assigned.getByTestId("order-assignee")).toHaveText("support@demo.test")
  await expect(assigned.getByTestId("order-status")).toHaveText("In progress")

  await assigned.getByTestId("order-link").click()
  await expect(page).toHaveURL(new RegExp(`/admin/orders/${orderId}$`))
  const timeline = page.getByTestId("timeline-event")
  await expect(timeline).toHaveText([/^Paid/, /^Assigned.*by support@demo\.test/])

  // Refused while empty, with the errors next to the fields.
  await page.getByTestId("fulfil-submit").click()
  await expect(page.locator("#fulfil-login-error")).toBeVisible()
  await expect(page.getByTestId("fulfil-login")).toHaveAttribute("aria-invalid", "true")

  await page.getByTestId("fulfil-login").fill(seat.login)
  await page.getByTestId("fulfil-password").fill(seat.password)
  await expect(page.getByTestId("fulfil-password")).toHaveAttribute("type", "password")
  await page.getByTestId("fulfil-password-toggle").click()
  await expect(page.getByTestId("fulfil-password")).toHaveAttribute("type", "text")
  await page.getByTestId("fulfil-notes").fill(seat.notes)
  await page.getByTestId("fulfil-submit").click()
  await expect(page.getByTestId("order-status")).toHaveText("Fulfilled")
  await expect(page.getByTestId("fulfil-form")).toHaveCount(0)
  await expect(timeline).toHaveText([/^Paid/, /^Assigned/, /^Fulfilled.*by support@demo\.test/])
  // Staff never see the credentials again, not even in the page.
  await expect(page.locator("body")).not.toContainText(seat.password)

  // The subscriber, in their own browser.
  const context = await browser.newContext({ baseURL, storageState: consentDeclined(baseURL!) })
  const portal = await context.newPage()
  await signInWithMagicLink(portal, "subscriber@demo.test", "/account/orders")
  await expect(portal).toHaveURL(/\/account\/orders$/)
  const order = portal.locator(`[data-testid="account-order"][data-order-id="${orderId}"]`)
  await expect(order.getByTestId("account-order-status")).toHaveText("Delivered")
  await expect(order.getByTestId("timeline-event")).toHaveText([
    /^Payment received/,
    /^Our team started/,
    /^Seat delivered/,
  ])
  await expect(order).not.toContainText(seat.login)

  await order.getByTestId("reveal-credentials").click()
  await expect(order.getByTestId("revealed-login")).toHaveText(seat.login)
  await expect(order.getByTestId("revealed-password")).toHaveText(seat.password)
  await expect(order.getByTestId("revealed-notes")).toHaveText(seat.notes)
  await order.getByTestId("hide-credentials").click()
  await expect(order.getByTestId("revealed-credentials")).toHaveCount(0)
  await expect(order).not.toContainText(seat.password)

  // The reveal is on the staff timeline.
  await page.reload()
  await expect(timeline.last()).toHaveText(/^Credentials revealed.*by subscriber@demo\.test/)
  await context.close()
})
