import { expect, test } from "vitest"
import { renderEmail } from "./render"
import { EMAIL_TEMPLATES, redactProps, TEMPLATE_NAMES } from "./templates"

const context = { appUrl: "https://app.example" }

test.each(TEMPLATE_NAMES)("%s renders with its preview props", async (name) => {
  const { subject, html, text } = await renderEmail(name, EMAIL_TEMPLATES[name].previewProps as never, context)
  expect(subject.trim()).not.toBe("")
  expect(html).toMatch(/^<!DOCTYPE html/i)
  for (const output of [subject, html, text]) {
    expect(output).not.toMatch(/undefined|null|NaN|\[object Object\]/)
  }
  expect(text.length).toBeGreaterThan(50)
})

test("subjects and bodies carry the props: money, dates in UTC, links into the app", async () => {
  const failed = await renderEmail("payment-failed", EMAIL_TEMPLATES["payment-failed"].previewProps, context)
  expect(failed.subject).toBe("Action needed: your payment of $19.00 failed")
  expect(failed.html).toContain('href="https://app.example/account/billing"')
  expect(failed.text).toContain("March 8, 2026")

  const canceled = await renderEmail(
    "subscription-canceled",
    { name: null, planName: "Team yearly", activeUntil: "2026-04-01T00:00:00.000Z" },
    context,
  )
  expect(canceled.subject).toBe("Your Team yearly subscription is canceled")
  expect(canceled.text).toContain("active until April 1, 2026")
  expect(canceled.text).toMatch(/^Hi,/m)

  const refund = await renderEmail(
    "refund-issued",
    { name: "Grace", amountCents: 19000, currency: "eur", orderRef: null },
    context,
  )
  expect(refund.subject).toBe("Refund issued: €190.00")
  expect(refund.text).toContain("Hi Grace,")
  expect(refund.text).not.toContain("for order")

  const received = await renderEmail("order-received", EMAIL_TEMPLATES["order-received"].previewProps, context)
  expect(received.subject).toBe("We received your order for Pro monthly")
  expect(received.text).toContain("March 6, 2026 at 2:30 PM UTC")
})

test("payment failed with no retry date (what the webhook queues) still sends people to fix billing", async () => {
  const props = { name: "Ada", planName: "Copilot Monthly", amountCents: 1999, currency: "usd", nextRetryAt: null }
  const { subject, html, text } = await renderEmail("payment-failed", props, context)
  expect(subject).toBe("Action needed: your payment of $19.99 failed")
  expect(html).toContain('href="https://app.example/account/billing"')
  expect(text).toContain("We could not collect your payment of $19.99 for Copilot Monthly.")
  expect(text).toContain("Updating your card now fixes it right away.")
  expect(text).not.toContain("We will try again")
  expect(text).not.toMatch(/undefined|null|NaN/)
})

test("the seat-ready email sends people to the portal and carries no credentials", async () => {
  const { subject, html, text } = await renderEmail(
    "seat-ready",
    { name: "Ada", orderRef: "ord_1", planName: "Pro monthly" },
    context,
  )
  expect(subject).toBe("Your Pro monthly seat is ready")
  expect(html).toContain('href="https://app.example/account"')
  expect(text).toContain("never send them by email")
  expect(text).not.toMatch(/password:|login:/i)
})

test("the magic link keeps its subject and link; the copy we keep has the subject and no link", async () => {
  const url = "https://app.example/signin/confirm?token=t1&email=a%40b.test"
  const { subject, html, text } = await renderEmail("magic-link", { url, host: "app.example" }, context)
  expect(subject).toBe("Your sign-in link for AI Copilot Vibe")
  expect(html).toContain(`href="${url.replace("&", "&amp;")}"`)
  expect(text).toContain(url)
  expect(text).toContain("expires in 15 minutes")

  const kept = await renderEmail("magic-link", redactProps("magic-link", { url, host: "app.example" }), context)
  expect(kept.subject).toBe(subject)
  expect(kept.text).toContain("[sign-in link removed]")
  expect(`${kept.html}${kept.text}`).not.toMatch(/t1|signin\/confirm|href="http/)
})
