import { generateSecret, generateURI, verify } from "otplib"
import QRCode from "qrcode"
import { recordAudit } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { AppError } from "@/lib/http/errors"
import { consumeRateLimit, refundRateLimit } from "@/lib/http/rate-limit"
import { decryptSecret, encryptSecret } from "@/lib/security/crypto"
import { recordSecurityEvent } from "@/lib/security/events"
import type { SessionUser } from "./roles"

// TOTP second factor for staff. The secret is encrypted at rest; a verified code marks the session
// (not the user), so each new sign-in asks again. A code's time step is never accepted twice.

const ISSUER = "AI Copilot Vibe"
const MFA_ATTEMPTS = { name: "mfa", points: 5, durationSeconds: 5 * 60 }

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
export async function verifySecondFactor(input: { user: SessionUser; sessionId: string; code: string }): Promise<void> {
  const { user, sessionId, code } = input
  const limit = await consumeRateLimit(MFA_ATTEMPTS, user.id)
  if (!limit.allowed) throw new AppError("rate_limited", "too many attempts, wait a few minutes", { retryAfterSeconds: limit.retryAfterSeconds })
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecretEnc: true, totpEnabledAt: true, totpLastStep: true } })
  if (!row.totpSecretEnc) throw new AppError("conflict", "set up the second factor first")
  const result = await verify({ secret: decryptSecret(row.totpSecretEnc), token: code, epochTolerance: 30, afterTimeStep: row.totpLastStep ?? undefined })
  if (!result.valid) {
    await recordAudit({ actor: user, action: "auth.mfa_failed", targetType: "user", targetId: user.id })
    await recordSecurityEvent({ kind: "auth.mfa_failed", detail: { userId: user.id, role: user.role } })
    throw new AppError("unprocessable_entity", "that code is not valid, try the current one", [{ path: "code", message: "invalid or already used code" }])
  }
  const step = "timeStep" in result ? result.timeStep : null
  const now = new Date()
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpLastStep: step, totpEnabledAt: row.totpEnabledAt ?? now } })
    await tx.session.update({ where: { id: sessionId }, data: { mfaVerifiedAt: now } })
    if (!row.totpEnabledAt) await recordAudit({ actor: user, action: "auth.mfa_enrolled", targetType: "user", targetId: user.id }, tx)
    await recordAudit({ actor: user, action: "auth.mfa_verified", targetType: "user", targetId: user.id }, tx)
  })
  // Only failed attempts count against the limit: staff signing in several times within minutes
  // are never locked out, while guessing meets the limit after a handful of wrong codes.
  await refundRateLimit(MFA_ATTEMPTS, user.id)
}
