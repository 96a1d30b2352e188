import { generateSecret, generateURI, verify } from "otplib"
import QRCode from "qrcode"
import { recordAudit } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { decryptSecret, encryptSecret } from "@/lib/security/crypto"
import { recordSecurityEvent } from "@/lib/security/events"
import type { SessionUser } from "./roles"

// TOTP second factor for staff. The secret is encrypted at rest; a verified code marks the session
// (not the user), so each new sign-in asks again, and so does a session whose pass is 24 hours old
// (session-policy.ts). A code's time step is never accepted twice, even by racing requests.

const ISSUER = "AI Copilot Vibe"
/** Failed codes allowed per user in a window that starts at the first of them. */
const MFA_ATTEMPTS = { points: 5, windowMs: 5 * 60 * 1000 }

export type Enrolment = { secret: string; otpauthUri: string; qrCodeDataUrl: string }

/** Starts (or restarts, while not yet confirmed) enrolment: a new secret to scan. */
export async function beginEnrolment(user: SessionUser): Promise<Enrolment> {
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } })
  if (current.totpEnabledAt) throw new AppError("conflict", "the second factor is already set up")
  const secret = generateSecret()
  await db.user.update({ where: { id: user.id }, data: { totpSecretEnc: encryptSecret(secret), totpLastStep: null } })
  const otpauthUri = generateURI({ issuer: ISSUER, label: user.email, secret })
  return { secret, otpauthUri, qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }) }
}

/** Checks a code for this session: confirms enrolment on first success, then marks the session verified. */
export async function verifySecondFactor(input: {
  user: SessionUser
  sessionId: string
  code: string
  now?: Date
}): Promise<void> {
  const { user, sessionId, code, now = new Date() } = input
  const attempt = await claimAttempt(user.id, now)
  if (!attempt.allowed)
    throw new AppError("rate_limited", "too many attempts, wait a few minutes", {
      retryAfterSeconds: attempt.retryAfterSeconds,
    })
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { totpSecretEnc: true, totpEnabledAt: true, totpLastStep: true },
  })
  if (!row.totpSecretEnc) {
    await giveBackAttempt(user.id)
    throw new AppError("conflict", "set up the second factor first")
  }
  const result = await verify({
    secret: decryptSecret(row.totpSecretEnc),
    token: code,
    epochTolerance: 30,
    afterTimeStep: row.totpLastStep ?? undefined,
    epoch: Math.floor(now.getTime() / 1000),
  })
  const step = result.valid && "timeStep" in result ? result.timeStep : null
  const accepted = step !== null && (await acceptCode({ user, sessionId, step, firstUse: !row.totpEnabledAt, now }))
  if (!accepted) {
    await recordAudit({ actor: user, action: "auth.mfa_failed", targetType: "user", targetId: user.id })
    await recordSecurityEvent({ kind: "auth.mfa_failed", detail: { userId: user.id, role: user.role } })
    throw new AppError("unprocessable_entity", "that code is not valid, try the current one", [
      { path: "code", message: "invalid or already used code" },
    ])
  }
  // Only failed attempts count against the limit: staff signing in several times within minutes
  // are never locked out, while guessing meets the limit after a handful of wrong codes.
  await giveBackAttempt(user.id)
}

/**
 * Claims the code's time step and marks the session, in one transaction. The claim is one
 * conditional UPDATE: of two requests racing with the same code, one moves totp_last_step on and
 * the other matches no row, so a code opens one session only. False when the step was taken.
 */
async function acceptCode(input: {
  user: SessionUser
  sessionId: string
  step: number
  firstUse: boolean
  now: Date
}): Promise<boolean> {
  const { user, sessionId, step, firstUse, now } = input
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE users SET totp_last_step = ${step}, totp_enabled_at = COALESCE(totp_enabled_at, ${now})
      WHERE id = ${user.id} AND (totp_last_step IS NULL OR totp_last_step < ${step})
      RETURNING id`
    if (claimed.length === 0) return false
    await tx.session.update({ where: { id: sessionId }, data: { mfaVerifiedAt: now } })
    if (firstUse)
      await recordAudit({ actor: user, action: "auth.mfa_enrolled", targetType: "user", targetId: user.id }, tx)
    await recordAudit({ actor: user, action: "auth.mfa_verified", targetType: "user", targetId: user.id }, tx)
    return true
  })
}

type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/**
 * Counts an attempt in the user's row before the code is checked (so parallel guesses are counted
 * too), unless MFA_ATTEMPTS.points are already used in the current window: then the attempt is
 * refused until the window, which starts at its first attempt, is over. In the database, not in
 * memory: a restart or another instance forgets no failure.
 */
async function claimAttempt(userId: string, now: Date): Promise<AttemptDecision> {
  const windowOpenedAfter = new Date(now.getTime() - MFA_ATTEMPTS.windowMs)
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE users SET
      totp_failed_attempts = CASE WHEN totp_attempts_since IS NULL OR totp_attempts_since <= ${windowOpenedAfter} THEN 1 ELSE totp_failed_attempts + 1 END,
      totp_attempts_since = CASE WHEN totp_attempts_since IS NULL OR totp_attempts_since <= ${windowOpenedAfter} THEN ${now} ELSE totp_attempts_since END
    WHERE id = ${userId}
      AND (totp_attempts_since IS NULL OR totp_attempts_since <= ${windowOpenedAfter} OR totp_failed_attempts < ${MFA_ATTEMPTS.points})
    RETURNING id`
  if (claimed.length > 0) return { allowed: true }
  const { totpAttemptsSince } = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpAttemptsSince: true },
  })
  const endsAt = (totpAttemptsSince?.getTime() ?? now.getTime()) + MFA_ATTEMPTS.windowMs
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) }
}

/** A right code gives its attempt back. */
async function giveBackAttempt(userId: string): Promise<void> {
  await db.$executeRaw`UPDATE users SET totp_failed_attempts = GREATEST(totp_failed_attempts - 1, 0) WHERE id = ${userId}`
}
