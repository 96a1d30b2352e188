import { parseUserAgent } from "@/lib/analytics/ingest/user-agent"
import { recordAudit } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import type { SessionUser } from "./roles"
import { judgeSession } from "./session-policy"

// A user's own sessions: where they are signed in, and ending one or all of the others. Every
// function takes the owner and filters by them: nobody sees or ends anyone else's session.

export type SessionListItem = {
  id: string
  device: string
  userAgent: string | null
  createdAt: Date
  lastSeenAt: Date
  current: boolean
}

/** "Firefox on macOS", "Safari on iOS (mobile)"; "Unknown device" without a user agent. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device"
  const { browser, os, device } = parseUserAgent(userAgent)
  const name = [browser, os].filter(Boolean).join(" on ") || "Unknown browser"
  return device === "desktop" ? name : `${name} (${device})`
}

/** The user's live sessions, most recently used first; `currentSessionId` is marked. */
export async function listSessions(
  user: Pick<SessionUser, "id" | "role">,
  currentSessionId: string | undefined,
  now = new Date(),
): Promise<SessionListItem[]> {
  const rows = await db.session.findMany({
    where: { userId: user.id, expires: { gt: now } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true, expires: true, mfaVerifiedAt: true },
  })
  return rows
    .filter((row) => judgeSession({ role: user.role, ...row }, now).active)
    .map((row) => ({
      id: row.id,
      device: describeDevice(row.userAgent),
      userAgent: row.userAgent,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      current: row.id === currentSessionId,
    }))
}

/** Ends one of the user's sessions (the current one too: that is signing out here). 404 for anyone else's. */
export async function revokeSession(input: { user: SessionUser; sessionId: string }): Promise<void> {
  const { user, sessionId } = input
  await db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: sessionId, userId: user.id } })
    if (count === 0) throw new AppError("not_found", "no such session")
    await recordAudit({ actor: user, action: "auth.session_revoked", targetType: "session", targetId: sessionId }, tx)
  })
}

/** Ends every session of the user but `keepSessionId` (all of them when it is undefined); returns how many ended. */
export async function revokeOtherSessions(input: {
  user: SessionUser
  keepSessionId: string | undefined
}): Promise<number> {
  const { user, keepSessionId } = input
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({
      where: { userId: user.id, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    })
    await recordAudit(
      {
        actor: user,
        action: "auth.signed_out_everywhere",
        targetType: "user",
        targetId: user.id,
        metadata: { ended: count },
      },
      tx,
    )
    return count
  })
}

/** Notes the browser a new session signed in from (next-auth's adapter does not see the request). */
export async function recordSessionDevice(input: { sessionToken: string; userAgent: string | null }): Promise<void> {
  const userAgent = input.userAgent?.replace(/\u0000/g, "").slice(0, 512) || null
  await db.session.updateMany({ where: { sessionToken: input.sessionToken, userAgent: null }, data: { userAgent } })
}
