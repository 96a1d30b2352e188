import "server-only"
import type { ErrorGroupStatus } from "@/generated/prisma/enums"
import type { AuditAction } from "@/lib/audit/actions"
import { recordAudit, type AuditActor } from "@/lib/audit/log"
import { db } from "@/lib/db"

export type ErrorGroupStatusChange = {
  id: string
  status: ErrorGroupStatus
  resolvedAt: Date | null
  regressedAt: Date | null
}

const ACTION: Record<ErrorGroupStatus, AuditAction> = {
  RESOLVED: "error_group.resolved",
  IGNORED: "error_group.ignored",
  OPEN: "error_group.reopened",
}

/**
 * Staff triage. Resolving stamps the time (a sighting after it is a regression) and clears an old
 * regression; reopening forgets the resolution; ignoring keeps counting without reopening. Audited
 * in the same transaction; setting the status a group already has changes nothing.
 */
export async function setErrorGroupStatus({
  groupId,
  status,
  actor,
}: {
  groupId: string
  status: ErrorGroupStatus
  actor: AuditActor
}): Promise<ErrorGroupStatusChange> {
  return db.$transaction(async (tx) => {
    const select = { id: true, status: true, resolvedAt: true, regressedAt: true } as const
    const current = await tx.errorGroup.findUniqueOrThrow({ where: { id: groupId }, select })
    if (current.status === status) return current
    const data =
      status === "RESOLVED"
        ? { status, resolvedAt: new Date(), regressedAt: null }
        : status === "OPEN"
          ? { status, resolvedAt: null }
          : { status }
    const updated = await tx.errorGroup.update({ where: { id: groupId }, data, select })
    await recordAudit(
      {
        actor,
        action: ACTION[status],
        targetType: "error_group",
        targetId: groupId,
        metadata: { from: current.status, to: status },
      },
      tx,
    )
    return updated
  })
}
