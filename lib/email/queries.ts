import { db } from "@/lib/db"

export type MailboxItem = { id: string; to: string; subject: string; template: string; status: string; createdAt: Date }

export async function listMailbox({ to, take = 50 }: { to?: string; take?: number } = {}): Promise<MailboxItem[]> {
  return db.emailMessage.findMany({
    where: to ? { to: { equals: to, mode: "insensitive" } } : undefined,
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, template: true, status: true, createdAt: true },
  })
}

export async function getMailboxMessage(id: string) {
  return db.emailMessage.findUnique({
    where: { id },
    select: { id: true, to: true, subject: true, text: true, html: true, status: true, createdAt: true },
  })
}
