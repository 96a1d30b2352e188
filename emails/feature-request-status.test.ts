import { expect, test } from "vitest"
import { renderEmail } from "@/lib/email/render"

const context = { appUrl: "https://app.example" }

test("voters and authors hear the new status, with a link to the board", async () => {
  const voter = await renderEmail(
    "feature-request-status",
    { name: "Ada", requestTitle: "Dark mode", status: "SHIPPED", isAuthor: false },
    context,
  )
  expect(voter.subject).toBe('Feature request update: "Dark mode" is shipped')
  expect(voter.html).toContain('href="https://app.example/account/feedback"')
  expect(voter.text).toContain("Hi Ada,")
  expect(voter.text).toContain("you voted for")
  expect(voter.text).toContain("has shipped!")

  const author = await renderEmail(
    "feature-request-status",
    { name: null, requestTitle: "Team billing", status: "IN_PROGRESS", isAuthor: true },
    context,
  )
  expect(author.subject).toBe('Feature request update: "Team billing" is in progress')
  expect(author.text).toMatch(/^Hi,/m)
  expect(author.text).toContain("you posted")
  expect(author.text).not.toMatch(/undefined|null|NaN/)
})
