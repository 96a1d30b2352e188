import { randomUUID } from "node:crypto"
import type { Resend } from "resend"
import type { EmailStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { holdForDemoMailbox } from "./demo-mailbox"
import { renderHtmlEmail, type RenderedHtmlEmail } from "./render"
import { TEMPLATE_PRIORITY } from "./priority"
import { resendClient } from "./resend-client"
import { sendThroughResend } from "./resend-send"
import { isRetryable } from "./retry"
import { EmailNotSentError, type SentEmail } from "./send"
import { redactProps, type RedactedTemplateName, type TemplateProps } from "./templates"

// Mail that carries a secret (a sign-in link) never goes through the outbox: it is rendered in
// memory and sent at once by the request that asked for it, ahead of any queued mail, and tried a
// few times here if Resend fails. email_messages keeps only the copy with the secret taken out,
// written once with how the send ended, so the background delivery never sees such a row (it
// would send the redacted copy). Without Resend, a demo holds the full message for /dev/mailbox.

export type SendRedactedInput<T extends RedactedTemplateName> = {
  to: string
  template: T
  props: TemplateProps<T>
  /** When the secret stops working: the demo mailbox forgets the message then. */
  secretExpiresAt: Date
  /** One message per key: a repeat sends nothing. Must not contain the secret (it is stored). */
  idempotencyKey: string
  /** Waits between tries; the default makes three tries within a few seconds. */
  retryDelaysMs?: readonly number[]
}

const RETRY_DELAYS_MS = [1_000, 3_000] as const
const SEND_TIMEOUT_MS = 10_000

type SendOutcome = { ok: true; providerId: string; attempts: number } | { ok: false; error: string; attempts: number }

/** Sends now; stores the redacted copy with its status. Throws EmailNotSentError when every try failed. */
export async function sendRedactedEmail<T extends RedactedTemplateName>(
  input: SendRedactedInput<T>,
): Promise<SentEmail> {
  const key = input.idempotencyKey
  if (key.length < 1 || key.length > 256) throw new Error("idempotencyKey must be 1 to 256 characters")
  const existing = await db.emailMessage.findUnique({
    where: { idempotencyKey: key },
    select: { id: true, status: true },
  })
  if (existing?.status === "FAILED") throw new EmailNotSentError(existing.id, "this message already failed")
  if (existing) return { id: existing.id, status: existing.status }

  const [full, kept] = await Promise.all([
    renderHtmlEmail(input.template, input.props),
    renderHtmlEmail(input.template, redactProps(input.template, input.props)),
  ])
  const id = randomUUID()
  const client = resendClient()
  if (!client) {
    // Local mode: the outbox is where mail "arrives"; only a demo's mailbox gets the secret.
    holdForDemoMailbox(id, { to: input.to, ...full, expiresAt: input.secretExpiresAt })
    await store(id, input, kept, { status: "OUTBOX" })
    return { id, status: "OUTBOX" }
  }
  const outcome = await sendWithRetries(client, input, full, input.retryDelaysMs ?? RETRY_DELAYS_MS)
  const now = new Date()
  await store(
    id,
    input,
    kept,
    outcome.ok
      ? { status: "SENT", providerId: outcome.providerId, sentAt: now, attempts: outcome.attempts }
      : { status: "FAILED", error: outcome.error, attempts: outcome.attempts },
  )
  if (!outcome.ok) throw new EmailNotSentError(id, outcome.error)
  return { id, status: "SENT" }
}

async function sendWithRetries(
  client: Resend,
  input: SendRedactedInput<RedactedTemplateName>,
  message: RenderedHtmlEmail,
  delays: readonly number[],
): Promise<SendOutcome> {
  let error = "no response"
  for (let attempt = 1; attempt <= delays.length + 1; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, delays[attempt - 2]))
    let name = "application_error"
    try {
      // In its turn under Resend's rate limit, ahead of transactional and bulk mail (pacer.ts).
      const { data, error: failure } = await sendThroughResend(
        client,
        {
          from: env().EMAIL_FROM,
          to: input.to,
          subject: message.subject,
          html: message.html,
          tags: [{ name: "template", value: input.template }],
        },
        {
          priority: TEMPLATE_PRIORITY[input.template],
          idempotencyKey: input.idempotencyKey,
          timeoutMs: SEND_TIMEOUT_MS,
        },
      )
      if (!failure && data) return { ok: true, providerId: data.id, attempts: attempt }
      name = failure?.name ?? name
      error = `${name}: ${failure?.message ?? "no response"}`.slice(0, 1000)
    } catch (thrown) {
      error = `network_error: ${thrown instanceof Error ? thrown.message : String(thrown)}`.slice(0, 1000)
    }
    if (!isRetryable(name)) return { ok: false, error, attempts: attempt }
  }
  return { ok: false, error, attempts: delays.length + 1 }
}

type Ending = { status: EmailStatus; providerId?: string; sentAt?: Date; error?: string; attempts?: number }

async function store(
  id: string,
  input: SendRedactedInput<RedactedTemplateName>,
  kept: RenderedHtmlEmail,
  ending: Ending,
): Promise<void> {
  // skipDuplicates: a request racing with the same key stored its copy first; one row is enough.
  await db.emailMessage.createMany({
    data: [
      {
        id,
        to: input.to,
        template: input.template,
        subject: kept.subject,
        html: kept.html,
        idempotencyKey: input.idempotencyKey,
        attempts: 0,
        ...ending,
      },
    ],
    skipDuplicates: true,
  })
}
