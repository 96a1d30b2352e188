import { recordAudit } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { env } from "@/lib/env"

/**
 * Addresses in OWNER_EMAILS become owners when they sign in; returns whether this user was
 * promoted. Once an owner has been demoted (the audit log holds a change from OWNER), the setting
 * no longer promotes them: the team's decision outlives a variable nobody edited.
 */
export async function promoteConfiguredOwner(userId: string): Promise<boolean> {
  const owners = env().OWNER_EMAILS
  if (owners.length === 0) return false
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true } })
    if (!user || user.role === "OWNER" || !owners.includes(user.email.toLowerCase())) return false
    const demoted = await tx.auditLog.findFirst({
      where: {
        action: "user.role_changed",
        targetType: "user",
        targetId: userId,
        metadata: { path: ["from"], equals: "OWNER" },
      },
      select: { id: true },
    })
    if (demoted) return false
    await tx.user.update({ where: { id: userId }, data: { role: "OWNER" } })
    await recordAudit(
      {
        actor: null,
        action: "user.role_changed",
        targetType: "user",
        targetId: userId,
        metadata: { from: user.role, to: "OWNER", reason: "OWNER_EMAILS" },
      },
      tx,
    )
    return true
  })
}
