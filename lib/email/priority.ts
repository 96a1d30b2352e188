import type { TemplateName } from "./template-names"

// Which mail goes first when Resend's rate limit makes mail wait (pacer.ts), and in what order
// the outbox is drained. The stored number (email_messages.priority) is the index here.

export const EMAIL_PRIORITIES = ["interactive", "transactional", "bulk"] as const

/** interactive: someone is waiting for it (sign-in); transactional: caused by one change; bulk: one change, many recipients. */
export type EmailPriority = (typeof EMAIL_PRIORITIES)[number]

/** Every template has one: a new template does not compile until it is given its place. */
export const TEMPLATE_PRIORITY: Record<TemplateName, EmailPriority> = {
  "magic-link": "interactive",
  welcome: "transactional",
  "order-received": "transactional",
  "seat-ready": "transactional",
  "payment-failed": "transactional",
  "subscription-canceled": "transactional",
  "refund-issued": "transactional",
  // Sent to every voter of a feature request at once.
  "feature-request-status": "bulk",
}

/** Lower goes first. */
export function priorityRank(priority: EmailPriority): number {
  return EMAIL_PRIORITIES.indexOf(priority)
}

export function priorityOfRank(rank: number): EmailPriority {
  return EMAIL_PRIORITIES[rank] ?? "transactional"
}
