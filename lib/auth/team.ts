import type { Role } from "@/generated/prisma/enums"
import { recordAudit } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { STAFF_ROLES, type SessionUser } from "./roles"

export type TeamMember = {
  id: string
  email: string
  name: string | null
  role: Role
  mfaEnrolled: boolean
  createdAt: Date
}

const memberSelect = { id: true, email: true, name: true, role: true, totpEnabledAt: true, createdAt: true } as const

function toMember({
  totpEnabledAt,
  ...member
}: Omit<TeamMember, "mfaEnrolled"> & { totpEnabledAt: Date | null }): TeamMember {
  return { ...member, mfaEnrolled: totpEnabledAt !== null }
}

export async function listTeam(): Promise<TeamMember[]> {
  const rows = await db.user.findMany({
    where: { role: { in: [...STAFF_ROLES] } },
    orderBy: [{ role: "desc" }, { email: "asc" }],
    select: memberSelect,
  })
  return rows.map(toMember)
}

/** Owners may set any role; admins any role below admin. Nobody changes their own role or removes the last owner. */
export async function changeUserRole(input: { email: string; role: Role; actor: SessionUser }): Promise<TeamMember> {
  const { actor, role } = input
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({
      where: { email: input.email.toLowerCase() },
      select: { id: true, role: true },
    })
    if (!target) throw new AppError("not_found", `no user with email ${input.email}`)
    if (target.id === actor.id) throw new AppError("forbidden", "you cannot change your own role")
    const privileged: Role[] = ["ADMIN", "OWNER"]
    if (actor.role !== "OWNER" && (privileged.includes(role) || privileged.includes(target.role))) {
      throw new AppError("forbidden", "only an owner can grant or take away admin and owner roles")
    }
    if (target.role === "OWNER" && role !== "OWNER" && (await tx.user.count({ where: { role: "OWNER" } })) <= 1) {
      throw new AppError("conflict", "the last owner cannot be demoted")
    }
    const updated = await tx.user.update({ where: { id: target.id }, data: { role }, select: memberSelect })
    // A new role starts with fresh sessions, so a demoted user keeps no elevated session.
    await tx.session.deleteMany({ where: { userId: target.id } })
    await recordAudit(
      {
        actor,
        action: "user.role_changed",
        targetType: "user",
        targetId: target.id,
        metadata: { from: target.role, to: role },
      },
      tx,
    )
    return toMember(updated)
  })
}

/** The operator's path (CLI on the server): any role, still never removing the last owner. */
export async function setRoleAsOperator(input: { email: string; role: Role }): Promise<TeamMember> {
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({
      where: { email: input.email.toLowerCase() },
      select: { id: true, role: true },
    })
    if (!target) throw new AppError("not_found", `no user with email ${input.email}`)
    if (target.role === "OWNER" && input.role !== "OWNER" && (await tx.user.count({ where: { role: "OWNER" } })) <= 1) {
      throw new AppError("conflict", "the last owner cannot be demoted")
    }
    const updated = await tx.user.update({ where: { id: target.id }, data: { role: input.role }, select: memberSelect })
    await tx.session.deleteMany({ where: { userId: target.id } })
    await recordAudit(
      {
        actor: null,
        action: "user.role_changed",
        targetType: "user",
        targetId: target.id,
        metadata: { from: target.role, to: input.role, via: "cli" },
      },
      tx,
    )
    return toMember(updated)
  })
}
