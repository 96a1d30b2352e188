import type { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"
import { type Paged, paged } from "@/lib/utils/pagination"
import type { AuditFilter } from "./schemas"

export type AuditListItem = {
  id: string
  action: string
  actorEmail: string | null
  targetType: string | null
  targetId: string | null
  metadata: Prisma.JsonValue
  createdAt: Date
}

export type AuditPage = Paged<AuditListItem>

export async function listAuditEntries(filter: AuditFilter): Promise<AuditPage> {
  const where: Prisma.AuditLogWhereInput = {
    action: filter.action,
    actorEmail: filter.actor ? { contains: filter.actor, mode: "insensitive" } : undefined,
    createdAt: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
  }
  const [total, items] = await db.$transaction([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: {
        id: true,
        action: true,
        actorEmail: true,
        targetType: true,
        targetId: true,
        metadata: true,
        createdAt: true,
      },
    }),
  ])
  return paged(items, total, filter)
}

/** Entries about any of these targets or by this actor, newest first (one customer's story for staff). */
export async function auditEntriesConcerning(
  about: { targetIds: readonly string[]; actorId: string },
  take: number,
): Promise<AuditListItem[]> {
  return db.auditLog.findMany({
    where: { OR: [{ targetId: { in: [...about.targetIds] } }, { actorId: about.actorId }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      action: true,
      actorEmail: true,
      targetType: true,
      targetId: true,
      metadata: true,
      createdAt: true,
    },
  })
}
