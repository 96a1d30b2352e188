import { expect, type Locator, type Page, test } from "@playwright/test"
import { consentDeclined } from "./consent"
import { passSecondFactor, signInWithMagicLink } from "./helpers"

// Feedback in the portal and on the staff side. The seed leaves the demo subscriber without NPS
// answers or votes, so on a fresh database (what the web server of playwright.config.ts starts)
// they are asked the NPS question and have seeded requests to vote for.

const SUBSCRIBER = "subscriber@demo.test"
const DAY_MS = 86_400_000

/**
 * The demo subscriber's first subscription started one calendar month before their renewal two
 * hours before the seed: 28 to 31 days. The survey opens at 30 days, so in a short month it is
 * legitimately not shown yet.
 */
function demoSubscriberOldEnough(now = new Date()): boolean {
  const renewed = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 2 * 3_600_000)
  const started = new Date(Date.UTC(renewed.getUTCFullYear(), renewed.getUTCMonth() - 1, 1))
  const lastDay = new Date(Date.UTC(started.getUTCFullYear(), started.getUTCMonth() + 1, 0)).getUTCDate()
  started.setUTCDate(Math.min(renewed.getUTCDate(), lastDay))
  started.setUTCHours(renewed.getUTCHours())
  return renewed.getTime() - started.getTime() >= 30 * DAY_MS
}

/** The score inputs are visually hidden inside their labels, as a user sees them: click the label. */
async function pick(radio: Locator): Promise<void> {
  await radio.locator("..").click()
  await expect(radio).toBeChecked()
}

async function surveyState(page: Page): Promise<{ eligible: boolean; reason?: string }> {
  return (await page.request.get("/api/account/nps")).json()
}

test("the subscriber answers the NPS survey once; it is gone afterwards", async ({ page }) => {
  test.skip(!demoSubscriberOldEnough(), "the demo subscriber is younger than 30 days this month")
  await signInWithMagicLink(page, SUBSCRIBER, "/account")
  await expect(page).toHaveURL(/\/account$/)
  const state = await surveyState(page)
  test.skip(
    state.reason === "asked_recently",
    "this database already has the demo subscriber's answer; run on a fresh one",
  )

  const survey = page.getByTestId("nps-survey")
  await expect(survey).toBeVisible()
  await expect(survey.getByRole("group", { name: /How likely are you to recommend/ })).toBeVisible()
  // Sending without a score is refused in the form.
  await survey.getByTestId("nps-submit").click()
  await expect(survey.getByRole("status")).toHaveText("Pick a score from 0 to 10 first.")
  await pick(survey.getByRole("radio", { name: "9", exact: true }))
  await expect(survey.getByRole("radio", { name: "9", exact: true })).toBeChecked()
  await survey.getByTestId("nps-comment").fill("Seats arrive quickly.")
  await survey.getByTestId("nps-submit").click()
  await expect(page.getByTestId("nps-survey-done")).toHaveText(/Thank you/)

  await page.reload()
  await expect(page.getByTestId("account-page")).toBeVisible()
  await expect(page.getByTestId("nps-survey")).toHaveCount(0)
  expect(await surveyState(page)).toMatchObject({ eligible: false, reason: "asked_recently" })
})

test("the subscriber posts a request and votes; support plans it; the voter gets the email", async ({
  page,
  browser,
  baseURL,
}) => {
  // Room for a wait of up to one TOTP step (30 s) when another journey just signed in as support.
  test.setTimeout(150_000)
  const title = `E2E request ${Date.now()}`

  await signInWithMagicLink(page, SUBSCRIBER, "/account/feedback")
  await expect(page).toHaveURL(/\/account\/feedback$/)
  await expect(page.getByRole("heading", { level: 1, name: "Feedback" })).toBeVisible()

  // The feedback form, with a CSAT rating.
  await pick(page.getByRole("radio", { name: "5, Very satisfied" }))
  await page.getByTestId("feedback-message").fill("Delivery was quick, thank you.")
  await page.getByTestId("feedback-submit").click()
  await expect(page.getByTestId("feedback-form").getByRole("status")).toHaveText("Thank you, we read every message.")

  // Post a request: it carries the author's vote.
  await page.getByTestId("suggest-feature").locator("summary").click()
  await page.getByTestId("request-title").fill(title)
  await page.getByTestId("request-body").fill("Posted by the feedback journey.")
  await page.getByTestId("request-submit").click()
  await expect(page.getByTestId("feature-request-form").getByRole("status")).toHaveText("Posted, with your vote on it.")
  await page.goto("/account/feedback?sort=new")
  const mine = page.getByTestId("feature-request").filter({ hasText: title })
  await expect(mine).toContainText("by you")
  await expect(mine.getByTestId("vote-count")).toHaveText("1")
  await expect(mine.getByTestId("vote-button")).toHaveAttribute("aria-pressed", "true")

  // Vote for the most popular open request someone else posted.
  await page.goto("/account/feedback?sort=top&status=OPEN")
  const candidate = page
    .getByTestId("feature-request")
    .filter({ hasNot: page.getByText("by you") })
    .filter({ has: page.locator('[aria-pressed="false"]') })
    .first()
  const requestId = await candidate.getAttribute("data-request-id")
  expect(requestId).toBeTruthy()
  const requestTitle = (await candidate.getByTestId("request-title-text").textContent())!.trim()
  const target = page.locator(`[data-testid="feature-request"][data-request-id="${requestId}"]`)
  const before = Number(await target.getByTestId("vote-count").textContent())
  await target.getByTestId("vote-button").click()
  await expect(target.getByTestId("vote-button")).toHaveAttribute("aria-pressed", "true")
  await expect(target.getByTestId("vote-count")).toHaveText(String(before + 1))
  // Still counted once after a reload.
  await page.reload()
  await expect(target.getByTestId("vote-count")).toHaveText(String(before + 1))

  // Support, in their own browser, plans that request.
  const staffContext = await browser.newContext({ baseURL, storageState: consentDeclined(baseURL!) })
  const staff = await staffContext.newPage()
  await signInWithMagicLink(staff, "support@demo.test", "/admin/feedback")
  await passSecondFactor(staff, "support@demo.test")
  await staff.goto("/admin/feedback?sort=top&status=all")
  await expect(staff.getByRole("heading", { level: 1, name: "Feedback" })).toBeVisible()
  const row = staff.locator(`[data-testid="staff-request"][data-request-id="${requestId}"]`)
  await expect(row.getByTestId("request-status")).toHaveText("Open")
  await row.getByTestId("status-select").selectOption("PLANNED")
  await row.getByTestId("status-save").click()
  await expect(row.getByTestId("status-message")).toHaveText(/^Set to planned; \d+ (person|people) emailed\.$/)
  await expect(row.getByTestId("request-status")).toHaveText("Planned")
  // Again: nothing changes, nobody is emailed twice.
  await row.getByTestId("status-save").click()
  await expect(row.getByTestId("status-message")).toHaveText("Already this status; nobody emailed.")
  await staffContext.close()

  // The voter's mailbox.
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(SUBSCRIBER)}`)
  const mail = page.getByTestId("mailbox-row").filter({ hasText: `"${requestTitle}" is planned` })
  await expect(mail).toHaveCount(1)
  await mail.click()
  await expect(page.locator("main")).toContainText("you voted for")
  await expect(page.locator("main")).toContainText("is now planned")
})
