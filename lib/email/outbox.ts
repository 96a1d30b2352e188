import type { EmailStatus } from "@/generated/prisma/enums"
import type { Prisma } from "@/generated/prisma/client"
import { renderEmail } from "./render"
import type { TemplateName, TemplateProps } from "./templates"

// The transactional outbox: an email is written in the same transaction as the change that causes
// it, so it exists exactly when that change committed. deliverQueuedEmails sends it afterwards.

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

type EmailWriter = Pick<Prisma.TransactionClient, "emailMessage">

/** Renders the template and stores the message as QUEUED inside the caller's transaction. */
export async function queueEmail<T extends TemplateName>(tx: EmailWriter, input: QueueEmailInput<T>): Promise<QueuedEmail> {
  const key = input.idempotencyKey
  if (key.length < 1 || key.length > 256) throw new Error("idempotencyKey must be 1 to 256 characters")
  const existing = await tx.emailMessage.findUnique({ where: { idempotencyKey: key }, select: { id: true, status: true } })
  if (existing) return { ...existing, created: false }
  const { subject, html, text } = await renderEmail(input.template, input.props)
  // ON CONFLICT DO NOTHING: a concurrent transaction queueing the same key wins without an error
  // that would abort the caller's transaction.
  const { count } = await tx.emailMessage.createMany({
    data: [{ to: input.to, subject, template: input.template, html, text, status: "QUEUED", idempotencyKey: key }],
    skipDuplicates: true,
  })
  const row = await tx.emailMessage.findUniqueOrThrow({ where: { idempotencyKey: key }, select: { id: true, status: true } })
  return { ...row, created: count === 1 }
}
