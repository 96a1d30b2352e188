import { render, toPlainText } from "@react-email/components"
import { Resend } from "resend"
import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { EMAIL_TEMPLATES, type TemplateName, type TemplateProps } from "./templates"

// One send path. With RESEND_API_KEY the message goes through Resend; without it, it lands in the
// outbox (the mailbox page). Either way it is stored first, so a retry with the same key is a no-op.

let resend: Resend | undefined
function resendClient(): Resend | undefined {
  const key = env().RESEND_API_KEY
  if (!key) return undefined
  resend ??= new Resend(key)
  return resend
}

export type SendEmailInput<T extends TemplateName> = { to: string; template: T; props: TemplateProps<T>; idempotencyKey: string }
export type SentEmail = { id: string; status: "SENT" | "OUTBOX" | "FAILED" | "QUEUED" }

export async function sendEmail<T extends TemplateName>(input: SendEmailInput<T>): Promise<SentEmail> {
  const existing = await db.emailMessage.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, status: true } })
  if (existing && existing.status !== "FAILED") return existing
  const template = EMAIL_TEMPLATES[input.template]
  const element = template.render(input.props as never)
  const html = await render(element)
  const text = toPlainText(html)
  const subject = template.subject()
  const client = resendClient()
  const message = await db.emailMessage.upsert({
    where: { idempotencyKey: input.idempotencyKey },
    create: { to: input.to, subject, template: input.template, html, text, status: client ? "QUEUED" : "OUTBOX", idempotencyKey: input.idempotencyKey },
    update: { status: client ? "QUEUED" : "OUTBOX", error: null },
    select: { id: true },
  })
  if (!client) return { id: message.id, status: "OUTBOX" }
  const { data, error } = await client.emails.send(
    { from: env().EMAIL_FROM, to: input.to, subject, html, text, tags: [{ name: "template", value: input.template }] },
    { idempotencyKey: input.idempotencyKey },
  )
  const status = error ? "FAILED" : "SENT"
  await db.emailMessage.update({
    where: { id: message.id },
    data: { status, providerId: data?.id, error: error?.message, sentAt: error ? undefined : new Date() },
  })
  if (error) throw new Error(`email not sent: ${error.message}`)
  return { id: message.id, status }
}
