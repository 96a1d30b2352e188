import { expect, test } from "@playwright/test"
import { consentDeclined } from "./consent"
import { openTestCheckout, passSecondFactor, payTestCheckout, signInWithMagicLink, visitAndSignIn } from "./helpers"

// The whole product in one run: a visitor buys a seat, support delivers it from the queue, the
// subscriber is told by email and reveals exactly what support entered. Two browser contexts, as
// two people on two machines.
test("visitor buys a seat, support fulfils that order, the subscriber gets the email and reveals the seat", async ({
  page,
  browser,
  baseURL,
}) => {
  // Room for a wait of up to one TOTP step (30 s) when another journey just signed in as support.
  test.setTimeout(150_000)
  const seat = {
    login: `journey-${Date.now()}@copilot.example`,
    password: `pw-${Math.random().toString(36).slice(2, 12)}`,
    notes: "Journey seat: sign in at copilot.example",
  }

  // The subscriber.
  const email = await visitAndSignIn(page, "Copilot Monthly", "journey")
  await openTestCheckout(page, "Copilot Monthly")
  await payTestCheckout(page)
  await expect(page.getByTestId("orders-PENDING")).toHaveText("1")

  // Support, in their own browser.
  const staffContext = await browser.newContext({ baseURL, storageState: consentDeclined(baseURL!) })
  const staff = await staffContext.newPage()
  await signInWithMagicLink(staff, "support@demo.test", "/admin/orders")
  await passSecondFactor(staff, "support@demo.test")
  await staff.goto("/admin/orders")
  await staff.getByTestId("orders-search").fill(email)
  await staff.getByRole("button", { name: "Search" }).click()
  await expect(staff.getByTestId("orders-total")).toHaveText(`1 order in Open for customers matching “${email}”`)
  const row = staff.getByTestId("order-row").filter({ hasText: email })
  await expect(row).toHaveCount(1)
  await expect(row.getByTestId("order-status")).toHaveText("Pending")
  const orderId = await row.getAttribute("data-order-id")
  expect(orderId).toBeTruthy()

  await row.getByTestId("assign-to-me").click()
  await expect(row.getByTestId("order-assignee")).toHaveText("support@demo.test")
  await expect(row.getByTestId("order-status")).toHaveText("In progress")
  await row.getByTestId("order-link").click()
  await expect(staff).toHaveURL(new RegExp(`/admin/orders/${orderId}$`))
  await staff.getByTestId("fulfil-login").fill(seat.login)
  await staff.getByTestId("fulfil-password").fill(seat.password)
  await staff.getByTestId("fulfil-notes").fill(seat.notes)
  await staff.getByTestId("fulfil-submit").click()
  await expect(staff.getByTestId("order-status")).toHaveText("Fulfilled")
  await expect(staff.getByTestId("fulfil-form")).toHaveCount(0)
  await staffContext.close()

  // Back with the subscriber: the email is queued with the fulfilment and delivered after the
  // response (or by the background loop), so reload until it has left the queue.
  const seatReady = page.getByTestId("mailbox-row").filter({ hasText: "Your Copilot Monthly seat is ready" })
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`)
    await expect(seatReady).toHaveCount(1, { timeout: 1_000 })
    await expect(seatReady).not.toContainText("Queued", { timeout: 1_000 })
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] })
  await seatReady.click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your Copilot Monthly seat is ready")
  await expect(page.locator("body")).not.toContainText(seat.password)

  await page.goto("/account/orders")
  const order = page.locator(`[data-testid="account-order"][data-order-id="${orderId}"]`)
  await expect(order.getByTestId("account-order-status")).toHaveText("Delivered")
  await order.getByTestId("reveal-credentials").click()
  await expect(order.getByTestId("revealed-login")).toHaveText(seat.login)
  await expect(order.getByTestId("revealed-password")).toHaveText(seat.password)
  await expect(order.getByTestId("revealed-notes")).toHaveText(seat.notes)
})
