import { randomBytes } from "node:crypto"
import { recordAudit, type AuditActor } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { AppError } from "@/lib/http/errors"
import { sha256 } from "@/lib/security/crypto"
import { isStaff, type SessionUser } from "./roles"

// Staff API tokens: shown once, stored as sha256, recognised in lists by their prefix.
const TOKEN_PREFIX = "acv_"

export type ApiTokenListItem = {
  id: string
  name: string
  prefix: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
  user: { id: string; email: string; role: SessionUser["role"] }
}

export async function createApiToken(input: { email: string; name: string; actor: AuditActor }): Promise<{ token: string; id: string }> {
  const user = await db.user.findUnique({ where: { email: input.email.toLowerCase() }, select: { id: true, role: true } })
  if (!user) throw new AppError("not_found", `no user with email ${input.email}`)
  if (!isStaff(user.role)) throw new AppError("unprocessable_entity", "API tokens are for staff accounts only")
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url")
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: user.id, name: input.name, tokenHash: sha256(token), prefix: token.slice(0, 12) },
      select: { id: true },
    })
    await recordAudit({ actor: input.actor, action: "token.created", targetType: "api_token", targetId: row.id, metadata: { name: input.name, for: input.email } }, tx)
    return { token, id: row.id }
  })
}

export async function revokeApiToken(input: { tokenId: string; actor: AuditActor }): Promise<void> {
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: input.tokenId }, select: { revokedAt: true } })
    if (!token) throw new AppError("not_found", "no such token")
    if (token.revokedAt) return
    await tx.apiToken.update({ where: { id: input.tokenId }, data: { revokedAt: new Date() } })
    await recordAudit({ actor: input.actor, action: "token.revoked", targetType: "api_token", targetId: input.tokenId }, tx)
  })
}

export async function listApiTokens(): Promise<ApiTokenListItem[]> {
  return db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { id: true, email: true, role: true } } },
  })
}

/** The staff member a bearer token stands for, or null for an unknown, revoked or non-staff token. */
export async function authenticateApiToken(token: string): Promise<SessionUser | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null
  const row = await db.apiToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true } } },
  })
  if (!row || row.revokedAt || !isStaff(row.user.role)) return null
  // Touch at most once a minute: a scraper polling every few seconds should not write every time.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } })
  }
  return row.user
}
