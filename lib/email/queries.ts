import type { Prisma } from "@/generated/prisma/client"
import type { EmailStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { type Paged, paged } from "@/lib/utils/pagination"
import { heldMessage } from "./demo-mailbox"
import { messageText, toPlainText } from "./plain-text"
import type { EmailFilter } from "./schemas"

export type MailboxItem = {
  id: string
  to: string
  subject: string
  template: string
  status: EmailStatus
  createdAt: Date
}

export async function listMailbox({ to, take = 50 }: { to?: string; take?: number } = {}): Promise<MailboxItem[]> {
  return db.emailMessage.findMany({
    where: to ? { to: { equals: to, mode: "insensitive" } } : undefined,
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, template: true, status: true, createdAt: true },
  })
}

/**
 * One message as the mailbox shows it, with its plain text (derived from the HTML when none is
 * stored). A sign-in email is stored without its link; in a demo the full one is held in memory
 * (demo-mailbox.ts) while the link lives, and shown instead.
 */
export async function getMailboxMessage(id: string) {
  const message = await db.emailMessage.findUnique({
    where: { id },
    select: { id: true, to: true, subject: true, text: true, html: true, status: true, createdAt: true },
  })
  if (!message) return null
  const full = heldMessage(id)
  if (full) return { ...message, html: full.html, text: toPlainText(full.html) }
  return { ...message, text: messageText(message) }
}

/** A row of the staff email log: everything but the body. */
export type EmailListItem = {
  id: string
  to: string
  subject: string
  template: string
  status: EmailStatus
  attempts: number
  nextAttemptAt: Date | null
  error: string | null
  deliveryStatus: string | null
  deliveryAt: Date | null
  createdAt: Date
  sentAt: Date | null
}

export type EmailPage = Paged<EmailListItem>

/** Every message the app queued, newest first, filtered by status, template and recipient. */
export async function listEmails(filter: EmailFilter): Promise<EmailPage> {
  const where: Prisma.EmailMessageWhereInput = {
    status: filter.status,
    template: filter.template,
    to: filter.to ? { contains: filter.to, mode: "insensitive" } : undefined,
  }
  const [total, items] = await db.$transaction([
    db.emailMessage.count({ where }),
    db.emailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: {
        id: true,
        to: true,
        subject: true,
        template: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        error: true,
        deliveryStatus: true,
        deliveryAt: true,
        createdAt: true,
        sentAt: true,
      },
    }),
  ])
  return paged(items, total, filter)
}

export type DeliveryProblems = { bounced: number; complained: number; failed: number }

/** Messages Resend reported bounced or complained about in [from, to), and sends that failed for good or for now. */
export async function deliveryProblemCounts(range: { from: Date; to: Date }): Promise<DeliveryProblems> {
  const within = { gte: range.from, lt: range.to }
  const [bounced, complained, failed] = await Promise.all([
    db.emailMessage.count({ where: { deliveryStatus: "bounced", deliveryAt: within } }),
    db.emailMessage.count({ where: { deliveryStatus: "complained", deliveryAt: within } }),
    db.emailMessage.count({ where: { status: "FAILED", createdAt: within } }),
  ])
  return { bounced, complained, failed }
}

/** The messages sent to one address (any case), newest first, without their bodies: a customer's mail for staff. */
export async function emailsToAddress(address: string, take: number) {
  return db.emailMessage.findMany({
    where: { to: { equals: address, mode: "insensitive" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      to: true,
      subject: true,
      template: true,
      status: true,
      deliveryStatus: true,
      error: true,
      createdAt: true,
      sentAt: true,
    },
  })
}
