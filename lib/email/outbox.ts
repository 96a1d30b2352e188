import { randomUUID } from "node:crypto"
import type { EmailStatus } from "@/generated/prisma/enums"
import type { RawSql } from "@/lib/database/raw-transaction"
import { priorityRank, TEMPLATE_PRIORITY } from "./priority"
import { renderHtmlEmail } from "./render"
import { isRedactedTemplate, type TemplateName, type TemplateProps } from "./templates"

// The transactional outbox: an email is written in the same transaction as the change that causes
// it, so it exists exactly when that change committed. deliverDueEmails sends it afterwards.

export type QueueEmailInput<T extends TemplateName> = {
  to: string
  template: T
  props: TemplateProps<T>
  /**
   * One message per key, for ever: a repeat is a no-op. Also sent to Resend as Idempotency-Key
   * (1–256 characters), e.g. `order-received/<orderId>`.
   */
  idempotencyKey: string
}

export type QueuedEmail = { id: string; status: EmailStatus; created: boolean }

type EmailWriter = Pick<RawSql, "$queryRaw">

/**
 * Renders the template and stores the message as QUEUED inside the caller's transaction. Its plain
 * text is left NULL, derived from the HTML when needed (lib/email/plain-text.ts): converting it
 * here cost more than rendering the HTML, inside every billing transaction.
 */
export async function queueEmail<T extends TemplateName>(
  tx: EmailWriter,
  input: QueueEmailInput<T>,
): Promise<QueuedEmail> {
  const key = input.idempotencyKey
  if (key.length < 1 || key.length > 256) throw new Error("idempotencyKey must be 1 to 256 characters")
  // Stored as queued, the secret would sit in the table until sent: such mail goes out from memory.
  if (isRedactedTemplate(input.template))
    throw new Error(`${input.template} carries a secret: send it with sendRedactedEmail, never through the outbox`)
  // Rendered before we know whether the key is new: a repeat is rare (callers queue once per
  // change), and one statement instead of a look-up first keeps billing transactions short.
  const { subject, html } = await renderHtmlEmail(input.template, input.props)
  // ON CONFLICT DO NOTHING: a concurrent transaction queueing the same key wins without an error
  // that would abort the caller's transaction; we then read the winner's row.
  const [created] = await tx.$queryRaw<{ id: string; status: EmailStatus }[]>`
    INSERT INTO email_messages (id, "to", subject, template, html, status, priority, idempotency_key, attempts, created_at)
    VALUES (${randomUUID()}, ${input.to}, ${subject}, ${input.template}, ${html}, 'QUEUED', ${priorityRank(TEMPLATE_PRIORITY[input.template])}, ${key}, 0, now())
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id, status::text AS status`
  if (created) return { ...created, created: true }
  const [existing] = await tx.$queryRaw<
    { id: string; status: EmailStatus }[]
  >`SELECT id, status::text AS status FROM email_messages WHERE idempotency_key = ${key}`
  return { ...existing!, created: false }
}
