import type { Resend } from "resend"
import type { EmailStatus } from "@/generated/prisma/enums"
import type { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { priorityOfRank } from "./priority"
import { resendClient } from "./resend-client"
import { sendThroughResend } from "./resend-send"
import { nextAttemptAt } from "./retry"

// Sends QUEUED messages: through Resend when RESEND_API_KEY is set, else into the outbox (OUTBOX,
// shown at /dev/mailbox). Safe with any number of instances calling it at once: a message is
// claimed by one conditional UPDATE before it is sent, so only one caller sends it. The claim
// pushes nextAttemptAt a lease ahead; if the process dies mid-send the message is due again when
// the lease ends, and Resend drops the repeat by its Idempotency-Key. Requests to Resend are paced
// under its rate limit, most urgent mail first (pacer.ts); a 429 does not count as a try.

const CLAIM_LEASE_MS = 5 * 60 * 1000
const SEND_TIMEOUT_MS = 30 * 1000

export type DeliveryOutcome = "sent" | "outbox" | "retrying" | "failed" | "skipped"
export type DeliverySummary = Record<DeliveryOutcome, number>
export type DeliveryOptions = { limit?: number; now?: Date }

function due(now: Date): Prisma.EmailMessageWhereInput {
  return { status: "QUEUED", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] }
}

/**
 * Delivers up to `limit` due messages, most urgent first (priority.ts), then oldest: one batch of
 * deliverDueEmails, which runs after a request that queued mail (deliver-soon.ts) and every 10
 * seconds in the background, which is what retries failed sends on their backoff schedule.
 */
export async function deliverQueuedEmails({
  limit = 20,
  now = new Date(),
}: DeliveryOptions = {}): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, outbox: 0, retrying: 0, failed: 0, skipped: 0 }
  const client = resendClient()
  if (!client) {
    summary.outbox = await moveDueToOutbox(limit, now)
    return summary
  }
  const rows = await db.emailMessage.findMany({
    where: due(now),
    orderBy: [{ priority: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  })
  for (const { id } of rows) summary[await deliverOne(id, client, now)] += 1
  return summary
}

/**
 * Batches of deliverQueuedEmails until one comes back short, so everything due goes out in one
 * call (at most `maxBatches` batches): one batch a call let a burst of purchases queue mail faster
 * than the outbox emptied.
 */
export async function deliverDueEmails({
  maxBatches = 50,
  ...options
}: DeliveryOptions & { maxBatches?: number } = {}): Promise<DeliverySummary> {
  const limit = options.limit ?? 20
  const total: DeliverySummary = { sent: 0, outbox: 0, retrying: 0, failed: 0, skipped: 0 }
  for (let batch = 0; batch < maxBatches; batch++) {
    const summary = await deliverQueuedEmails({ ...options, limit })
    for (const outcome of Object.keys(total) as DeliveryOutcome[]) total[outcome] += summary[outcome]
    if (Object.values(summary).reduce((sum, count) => sum + count, 0) < limit) break
  }
  return total
}

/** Local mode: the most urgent, then oldest, due messages go to the outbox in one statement; rows another caller holds are skipped. */
async function moveDueToOutbox(limit: number, now: Date): Promise<number> {
  return db.$executeRaw`
    UPDATE email_messages SET status = 'OUTBOX', next_attempt_at = NULL, error = NULL
    WHERE id IN (
      SELECT id FROM email_messages
      WHERE status = 'QUEUED' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now})
      ORDER BY priority, created_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )`
}

/** Delivers one message now if it is due; returns its status afterwards. */
export async function deliverEmail(
  id: string,
  now = new Date(),
): Promise<{ id: string; status: EmailStatus; error: string | null }> {
  await deliverOne(id, resendClient(), now)
  return db.emailMessage.findUniqueOrThrow({ where: { id }, select: { id: true, status: true, error: true } })
}

async function deliverOne(id: string, client: Resend | undefined, now: Date): Promise<DeliveryOutcome> {
  if (!client) {
    const { count } = await db.emailMessage.updateMany({
      where: { id, ...due(now) },
      data: { status: "OUTBOX", nextAttemptAt: null, error: null },
    })
    return count === 1 ? "outbox" : "skipped"
  }
  const [message] = await db.emailMessage.updateManyAndReturn({
    where: { id, ...due(now) },
    data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) },
    select: {
      to: true,
      subject: true,
      html: true,
      text: true,
      template: true,
      idempotencyKey: true,
      attempts: true,
      priority: true,
    },
  })
  if (!message) return "skipped"
  // No stored text, no text field: Resend then generates the plain-text version from the HTML.
  const text = message.text === null ? {} : { text: message.text }
  const { data, error, rateLimitedForMs } = await sendThroughResend(
    client,
    {
      from: env().EMAIL_FROM,
      to: message.to,
      subject: message.subject,
      html: message.html,
      ...text,
      tags: [{ name: "template", value: message.template }],
    },
    { priority: priorityOfRank(message.priority), idempotencyKey: message.idempotencyKey, timeoutMs: SEND_TIMEOUT_MS },
  )
  if (!error && data) {
    await db.emailMessage.update({
      where: { id },
      data: { status: "SENT", providerId: data.id, sentAt: now, nextAttemptAt: null, error: null },
    })
    return "sent"
  }
  const name = error?.name ?? "application_error"
  const detail = `${name}: ${error?.message ?? "no response"}`.slice(0, 1000)
  if (rateLimitedForMs !== null) {
    // Still rate-limited after waiting in place: the try is given back, due again after Retry-After.
    await db.emailMessage.update({
      where: { id },
      data: { attempts: { decrement: 1 }, nextAttemptAt: new Date(now.getTime() + rateLimitedForMs), error: detail },
    })
    return "retrying"
  }
  const retryAt = nextAttemptAt(message.attempts, now, name)
  await db.emailMessage.update({
    where: { id },
    data: retryAt
      ? { nextAttemptAt: retryAt, error: detail }
      : { status: "FAILED", nextAttemptAt: null, error: detail },
  })
  return retryAt ? "retrying" : "failed"
}
