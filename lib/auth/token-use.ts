import { recordAudit } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { sha256 } from "@/lib/security/crypto"
import { isStaff, type SessionUser } from "./roles"
import type { ApiTokenScope } from "./token-scopes"
import { TOKEN_PREFIX } from "./tokens"

/** A token's use is audited at most once an hour per token (see noteUse). */
const USE_AUDIT_EVERY_MS = 3_600_000
/** lastUsedAt is touched at most once a minute. */
const TOUCH_EVERY_MS = 60_000

export type TokenCaller = { tokenId: string; scopes: ApiTokenScope[]; user: SessionUser }

/**
 * The holder a bearer token stands for, with the holder's CURRENT role (read here on every request,
 * so a demotion takes effect at once), or null for an unknown, revoked, expired or non-staff token.
 */
export async function authenticateApiToken(token: string): Promise<TokenCaller | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null
  const row = await db.apiToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      name: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      useAuditedAt: true,
      user: { select: { id: true, email: true, name: true, role: true } },
    },
  })
  const now = new Date()
  if (!row || row.revokedAt || row.expiresAt <= now || !isStaff(row.user.role)) return null
  await noteUse(row, now)
  return { tokenId: row.id, scopes: row.scopes, user: row.user }
}

type UsedToken = { id: string; name: string; lastUsedAt: Date | null; useAuditedAt: Date | null; user: SessionUser }

/**
 * Why hourly: a scraper polling every 15 seconds would write 5,760 audit rows a day per token and
 * bury everything else; one row per token per hour (24 a day at most) still answers "was this token
 * in use then, and by whom", and lastUsedAt gives the latest use to the minute. Daily would hide
 * a stolen token's use among its owner's for up to a day.
 */
async function noteUse(row: UsedToken, now: Date): Promise<void> {
  if (!row.useAuditedAt || now.getTime() - row.useAuditedAt.getTime() >= USE_AUDIT_EVERY_MS) {
    const audited = await db.$transaction(async (tx) => {
      // Conditional, so that of several concurrent first requests in an hour only one writes the entry.
      const claimed = await tx.apiToken.updateMany({
        where: {
          id: row.id,
          OR: [{ useAuditedAt: null }, { useAuditedAt: { lte: new Date(now.getTime() - USE_AUDIT_EVERY_MS) } }],
        },
        data: { useAuditedAt: now, lastUsedAt: now },
      })
      if (claimed.count === 0) return false
      await recordAudit(
        {
          actor: row.user,
          action: "token.used",
          targetType: "api_token",
          targetId: row.id,
          metadata: { via: "token", tokenId: row.id, name: row.name },
        },
        tx,
      )
      return true
    })
    if (audited) return
  }
  // Touch at most once a minute: a scraper polling every few seconds should not write every time.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } })
  }
}
