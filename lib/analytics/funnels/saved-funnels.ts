import "server-only"
import { recordAudit, type AuditActor } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { type Paged, paged } from "@/lib/utils/pagination"
import type { FunnelStep } from "./rules"
import { funnelStepsSchema, type SavedFunnelInput, type SavedFunnelPatch } from "./schemas"

// Funnels staff keep on /admin/product. Every write is audited in its own transaction.

export type SavedFunnel = {
  id: string
  name: string
  steps: FunnelStep[]
  windowDays: number
  createdAt: string
  updatedAt: string
}

const select = { id: true, name: true, steps: true, windowDays: true, createdAt: true, updatedAt: true } as const

type Row = { id: string; name: string; steps: unknown; windowDays: number; createdAt: Date; updatedAt: Date }

function toSavedFunnel(row: Row): SavedFunnel {
  // Rows are written only through the schema; a row that no longer parses says so rather than render nonsense.
  const steps = funnelStepsSchema.safeParse(row.steps)
  if (!steps.success) throw new AppError("internal_error", `saved funnel ${row.id} has steps that no longer validate`)
  return {
    id: row.id,
    name: row.name,
    steps: steps.data,
    windowDays: row.windowDays,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** Alphabetical, a page at a time. */
export async function listSavedFunnels(input: { page: number; pageSize: number }): Promise<Paged<SavedFunnel>> {
  const [rows, total] = await Promise.all([
    db.savedFunnel.findMany({
      select,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
    db.savedFunnel.count(),
  ])
  return paged(rows.map(toSavedFunnel), total, input)
}

export async function getSavedFunnelOrThrow(id: string): Promise<SavedFunnel> {
  const row = await db.savedFunnel.findUnique({ where: { id }, select })
  if (!row) throw new AppError("not_found", "no saved funnel with this id")
  return toSavedFunnel(row)
}

export async function createSavedFunnel(
  input: SavedFunnelInput & { actor: NonNullable<AuditActor> },
): Promise<SavedFunnel> {
  return db.$transaction(async (tx) => {
    const row = await tx.savedFunnel.create({
      data: { name: input.name, steps: input.steps, windowDays: input.windowDays, createdById: input.actor.id },
      select,
    })
    await recordAudit(
      {
        actor: input.actor,
        action: "saved_funnel.created",
        targetType: "saved_funnel",
        targetId: row.id,
        metadata: { name: row.name, steps: input.steps, windowDays: row.windowDays },
      },
      tx,
    )
    return toSavedFunnel(row)
  })
}

export async function updateSavedFunnel(input: {
  id: string
  patch: SavedFunnelPatch
  actor: NonNullable<AuditActor>
}): Promise<SavedFunnel> {
  return db.$transaction(async (tx) => {
    const exists = await tx.savedFunnel.findUnique({ where: { id: input.id }, select: { id: true } })
    if (!exists) throw new AppError("not_found", "no saved funnel with this id")
    const { name, steps, windowDays } = input.patch
    const row = await tx.savedFunnel.update({ where: { id: input.id }, data: { name, steps, windowDays }, select })
    await recordAudit(
      {
        actor: input.actor,
        action: "saved_funnel.updated",
        targetType: "saved_funnel",
        targetId: row.id,
        metadata: {
          changed: Object.keys(input.patch).filter((key) => input.patch[key as keyof SavedFunnelPatch] !== undefined),
        },
      },
      tx,
    )
    return toSavedFunnel(row)
  })
}

export async function deleteSavedFunnel(input: { id: string; actor: NonNullable<AuditActor> }): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.savedFunnel.findUnique({ where: { id: input.id }, select: { id: true, name: true } })
    if (!row) throw new AppError("not_found", "no saved funnel with this id")
    await tx.savedFunnel.delete({ where: { id: input.id } })
    await recordAudit(
      {
        actor: input.actor,
        action: "saved_funnel.deleted",
        targetType: "saved_funnel",
        targetId: row.id,
        metadata: { name: row.name },
      },
      tx,
    )
  })
}
