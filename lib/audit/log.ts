import type { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"
import type { AuditAction } from "./actions"

export type AuditActor = { id: string; email: string } | null

export type AuditEntry = {
  actor: AuditActor
  action: AuditAction
  targetType?: string
  targetId?: string
  metadata?: Prisma.InputJsonValue
}

type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">

/** Writes one audit entry; pass the transaction client when the entry belongs to a write. */
export async function recordAudit(entry: AuditEntry, client: AuditWriter = db): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actor?.id,
      actorEmail: entry.actor?.email,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      metadata: entry.metadata,
    },
  })
}
