import "server-only"
import { cookies } from "next/headers"
import { forbidden, redirect } from "next/navigation"
import { cache } from "react"
import type { Role } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { recordRefusedAccess } from "@/lib/security/refusals"
import { isStaff, type SessionUser } from "./roles"
import { judgeSession } from "./session-policy"

// next-auth runs the sign-in flows; reading the session is ours, because the second factor is a
// property of the session row (mfaVerifiedAt) that next-auth's session callback cannot see, and
// staff sessions end after 12 idle hours (session-policy.ts).

export function sessionCookieName(): string {
  const secure = env().NEXTAUTH_URL?.startsWith("https://") ?? false
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token"
}

export type CurrentSession = { id: string; user: SessionUser; mfaVerified: boolean; mfaEnrolled: boolean }

export async function findSession(sessionToken: string | undefined, now = new Date()): Promise<CurrentSession | null> {
  // A cookie of "%00" decodes to NUL, which PostgreSQL refuses: no one, rather than a failed page.
  if (!sessionToken || sessionToken.includes("\u0000")) return null
  const row = await db.session.findUnique({
    where: { sessionToken },
    select: {
      id: true,
      expires: true,
      lastSeenAt: true,
      mfaVerifiedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, totpEnabledAt: true } },
    },
  })
  if (!row) return null
  const verdict = judgeSession(
    { role: row.user.role, expires: row.expires, lastSeenAt: row.lastSeenAt, mfaVerifiedAt: row.mfaVerifiedAt },
    now,
  )
  if (!verdict.active) {
    // Over for good (idle staff, expired): gone from the list of sessions too.
    await db.session.deleteMany({ where: { id: row.id } })
    return null
  }
  if (verdict.touch) await db.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: now } })
  const { totpEnabledAt, ...user } = row.user
  return { id: row.id, user, mfaVerified: verdict.mfaVerified, mfaEnrolled: totpEnabledAt !== null }
}

/** The signed-in session of this request, or null. Cached per request. */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const store = await cookies()
  return findSession(store.get(sessionCookieName())?.value)
})

export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null
}

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser()
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`)
  return user
}

/** For staff pages: signed in, a staff role, and the second factor passed in this session. */
export async function requireStaffSession(returnTo: string): Promise<CurrentSession> {
  const session = await getCurrentSession()
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`)
  if (!isStaff(session.user.role)) await refusePage(session.user, returnTo)
  if (!session.mfaVerified) redirect(`/mfa?callbackUrl=${encodeURIComponent(returnTo)}`)
  return session
}

/** For staff pages open to some staff roles only (operations: engineers, admins, owners). */
export async function requireStaffRole(returnTo: string, roles: readonly Role[]): Promise<CurrentSession> {
  const session = await requireStaffSession(returnTo)
  if (!roles.includes(session.user.role)) await refusePage(session.user, returnTo)
  return session
}

// The 403 page, recorded as a security event first (once a minute per user and page).
async function refusePage(user: SessionUser, path: string): Promise<never> {
  await recordRefusedAccess({ user, path: path.split("?")[0]!, method: "GET", via: "page" })
  forbidden()
}
