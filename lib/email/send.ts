import { db } from "@/lib/db"
import { deliverEmail } from "./deliver"
import { queueEmail, type QueueEmailInput } from "./outbox"
import type { TemplateName } from "./templates"

// The email API for the rest of the app:
// - Inside a business transaction: `await queueEmail(tx, { to, template, props, idempotencyKey })`,
//   then after commit `deliverSoon()` (deliver-soon.ts), which runs deliverDueEmails after the response.
// - When someone is waiting for the mail: `await sendEmail({ ... })`.
// - Mail that carries a secret (the sign-in link): `sendRedactedEmail` (send-redacted.ts), never the outbox.
export { queueEmail, type QueueEmailInput, type QueuedEmail } from "./outbox"
export { deliverDueEmails, deliverEmail, deliverQueuedEmails, type DeliverySummary } from "./deliver"

export type SendEmailInput<T extends TemplateName> = QueueEmailInput<T>
/** QUEUED here means the first try failed and a retry is scheduled. */
export type SentEmail = { id: string; status: "SENT" | "OUTBOX" | "QUEUED" }

export class EmailNotSentError extends Error {
  constructor(
    readonly emailId: string,
    reason: string | null,
  ) {
    super(`email not sent: ${reason ?? "unknown error"}`)
    this.name = "EmailNotSentError"
  }
}

/**
 * Queues the message in its own transaction and delivers it at once. A repeated idempotency key
 * sends nothing new and returns the stored message's status. Throws EmailNotSentError when the
 * message failed for good, so a sign-in form can say so instead of "check your email".
 */
export async function sendEmail<T extends TemplateName>(input: SendEmailInput<T>): Promise<SentEmail> {
  const queued = await db.$transaction((tx) => queueEmail(tx, input))
  const { id, status, error } = await deliverEmail(queued.id)
  if (status === "FAILED") throw new EmailNotSentError(id, error)
  return { id, status }
}
