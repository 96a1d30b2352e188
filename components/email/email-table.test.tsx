import { renderToStaticMarkup } from "react-dom/server"
import { expect, test } from "vitest"
import { EmailTable } from "./email-table"

const email = {
  id: "e1",
  to: "ada@example.com",
  subject: "Your receipt",
  template: "receipt",
  status: "QUEUED" as const,
  error: "Resend answered 503",
  deliveryStatus: "delivered",
  createdAt: new Date("2026-03-05T14:05:09Z"),
  sentAt: new Date("2026-03-05T14:06:00Z"),
}
const headers = (html: string) => [...html.matchAll(/<th(?:\s[^>]*)?>(.*?)<\/th>/g)].map(([, text]) => text)

test("the log: the recipient, when it was sent, retries and Resend's report with its time", () => {
  const html = renderToStaticMarkup(
    <EmailTable
      emails={[
        {
          ...email,
          attempts: 2,
          nextAttemptAt: new Date("2026-03-05T14:10:00Z"),
          deliveryAt: new Date("2026-03-05T14:07:00Z"),
        },
      ]}
      testId="email-table"
      log
    />,
  )
  expect(headers(html)).toEqual(["Created / sent", "To", "Subject", "Template", "Status", "Delivery"])
  expect(html).toContain(">5 Mar 2026, 14:05:09</time>")
  expect(html).toContain("sent <time")
  expect(html).toContain(">2 attempts<")
  expect(html).toContain(">5 Mar, 14:10</time>")
  expect(html).toContain(">Delivered<")
})

test("a customer's page: no recipient column, times to the minute, no sent line", () => {
  const html = renderToStaticMarkup(<EmailTable emails={[email]} testId="emails-table" />)
  expect(headers(html)).toEqual(["Created", "Subject", "Template", "Status", "Delivery"])
  expect(html).toContain('data-testid="emails-table"')
  expect(html).toContain(">5 Mar 2026, 14:05</time>")
  expect(html).not.toContain("sent <time")
  expect(html).not.toContain("attempt")
  expect(html).toContain('href="/dev/mailbox/e1"')
  expect(html).toContain("Resend answered 503")
})
