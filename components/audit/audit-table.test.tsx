import { renderToStaticMarkup } from "react-dom/server"
import { expect, test } from "vitest"
import { AuditTable } from "./audit-table"

const entry = {
  id: "a1",
  action: "auth.role_changed",
  actorEmail: "owner@example.com",
  targetType: "user",
  targetId: "u1",
  metadata: { role: "ADMIN" },
  createdAt: new Date("2026-03-05T14:05:09Z"),
}
const headers = (html: string) => [...html.matchAll(/<th(?:\s[^>]*)?>(.*?)<\/th>/g)].map(([, text]) => text)

test("the log: a Details column, times to the second, actors as text", () => {
  const html = renderToStaticMarkup(<AuditTable entries={[entry]} label="Audit log entries" testId="audit-table" log />)
  expect(headers(html)).toEqual(["Time", "Actor", "Action", "Target", "Details"])
  expect(html).toContain('aria-label="Audit log entries"')
  expect(html).toContain('data-testid="audit-table"')
  expect(html).toContain(">5 Mar 2026, 14:05:09</time>")
  expect(html).toContain("{&quot;role&quot;:&quot;ADMIN&quot;}")
  expect(html).not.toContain("<a ")
})

test("a customer's page: no Details, times to the minute, each actor a link to their entries", () => {
  const html = renderToStaticMarkup(
    <AuditTable
      entries={[entry, { ...entry, id: "a2", actorEmail: null }]}
      label="Audit entries"
      testId="customer-audit-table"
      linkActors
    />,
  )
  expect(headers(html)).toEqual(["Time", "Actor", "Action", "Target"])
  expect(html).toContain(">5 Mar 2026, 14:05</time>")
  expect(html).toContain('href="/admin/audit?actor=owner%40example.com"')
  expect(html).toContain(">system<")
})
