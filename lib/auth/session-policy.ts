import type { Role } from "@/generated/prisma/enums"
import { isStaff } from "./roles"

// How long a session lasts, per audience. Subscribers keep next-auth's 30 days from sign-in. Staff
// sessions also end after 12 hours without a request, and the second factor is asked again once
// its last pass is 24 hours old. Pure: the caller brings the clock.

const HOUR_MS = 60 * 60 * 1000

export const SESSION_POLICY = {
  /** next-auth's session maxAge (seconds): a session row expires this long after sign-in. */
  maxAgeSeconds: 30 * 24 * 60 * 60,
  staffIdleMs: 12 * HOUR_MS,
  staffMfaMaxAgeMs: 24 * HOUR_MS,
  /** lastSeenAt is written at most this often: a page with ten requests writes once. */
  touchEveryMs: 5 * 60 * 1000,
} as const

export type SessionFacts = { role: Role; expires: Date; lastSeenAt: Date; mfaVerifiedAt: Date | null }
export type SessionVerdict = { active: false } | { active: true; mfaVerified: boolean; touch: boolean }

export function judgeSession(session: SessionFacts, now: Date): SessionVerdict {
  const at = now.getTime()
  if (session.expires.getTime() <= at) return { active: false }
  const staff = isStaff(session.role)
  if (staff && at - session.lastSeenAt.getTime() >= SESSION_POLICY.staffIdleMs) return { active: false }
  const verifiedAt = session.mfaVerifiedAt?.getTime()
  const mfaVerified = verifiedAt !== undefined && (!staff || at - verifiedAt < SESSION_POLICY.staffMfaMaxAgeMs)
  return { active: true, mfaVerified, touch: at - session.lastSeenAt.getTime() >= SESSION_POLICY.touchEveryMs }
}
