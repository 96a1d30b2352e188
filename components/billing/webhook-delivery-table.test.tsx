import { renderToStaticMarkup } from "react-dom/server"
import { expect, test } from "vitest"
import { WebhookDeliveryTable } from "./webhook-delivery-table"

const delivery = {
  id: "d1",
  provider: "polar",
  eventType: "order.paid",
  status: "FAILED" as const,
  error: "The subscription has not arrived yet",
  receivedAt: new Date("2026-03-05T14:05:09Z"),
}
const headers = (html: string) => [...html.matchAll(/<th(?:\s[^>]*)?>(.*?)<\/th>/g)].map(([, text]) => text)

test("the log: Polar's event id, attempts, the subject's link and a column of actions", () => {
  const row = {
    ...delivery,
    eventId: "evt_1",
    attempts: 1,
    subjectId: "sub_1",
    subjectAt: new Date("2026-03-05T14:00:00Z"),
  }
  const html = renderToStaticMarkup(
    <WebhookDeliveryTable
      deliveries={[row]}
      testId="delivery-table"
      log
      action={(item) => <button>Replay {item.eventType}</button>}
    />,
  )
  expect(headers(html)).toEqual(["Received", "Event", "Status", "Error", '<span class="sr-only">Actions</span>'])
  expect(html).toContain(">5 Mar 2026, 14:05:09</time>")
  expect(html).toContain("polar · evt_1")
  expect(html).toContain(">failed<")
  expect(html).toContain(">1 attempt<")
  expect(html).toContain('href="/admin/webhooks?subscription=sub_1"')
  expect(html).toContain("<button>Replay order.paid</button>")
})

test("a customer's page: our id instead of Polar's, times to the minute, no actions", () => {
  const html = renderToStaticMarkup(<WebhookDeliveryTable deliveries={[delivery]} testId="webhooks-table" />)
  expect(headers(html)).toEqual(["Received", "Event", "Status", "Error"])
  expect(html).toContain(">5 Mar 2026, 14:05</time>")
  expect(html).toContain("polar · d1")
  expect(html).not.toContain("attempt")
})
