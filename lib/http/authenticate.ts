import type { Role } from "@/generated/prisma/enums"
import { isStaff, type SessionUser } from "@/lib/auth/roles"
import { findSession, sessionCookieName } from "@/lib/auth/session"
import { authenticateApiToken } from "@/lib/auth/tokens"
import { AppError } from "./errors"

export type Caller = { user: SessionUser; via: "session" | "token"; sessionId?: string; mfaVerified: boolean }

/** The session cookie's value; a value that does not decode, or holds NUL, is the client's error (400), never ours. */
function cookieValue(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie")
  if (!header) return undefined
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=")
    if (key !== name) continue
    let value: string
    try {
      value = decodeURIComponent(rest.join("="))
    } catch {
      throw new AppError("bad_request", `the ${name} cookie is malformed`)
    }
    // PostgreSQL refuses NUL in text: the session lookup would fail rather than find no one.
    if (value.includes("\u0000")) throw new AppError("bad_request", `the ${name} cookie is malformed`)
    return value
  }
  return undefined
}

/** A bearer token (staff automation) or the session cookie; null when neither identifies anyone. */
export async function identifyCaller(request: Request): Promise<Caller | null> {
  const authorization = request.headers.get("authorization")
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    const user = await authenticateApiToken(authorization.slice(7).trim())
    if (!user) throw new AppError("unauthorized", "the API token is unknown or revoked")
    return { user, via: "token", mfaVerified: true }
  }
  const session = await findSession(cookieValue(request, sessionCookieName()))
  return session ? { user: session.user, via: "session", sessionId: session.id, mfaVerified: session.mfaVerified } : null
}

/** Refuses anonymous callers (401), wrong roles (403), and staff who have not passed the second factor (401). */
export function authorize(caller: Caller | null, roles: readonly Role[], allowWithoutMfa = false): Caller {
  if (!caller) throw new AppError("unauthorized", "sign in first")
  if (!roles.includes(caller.user.role)) throw new AppError("forbidden", "your role may not do this")
  if (isStaff(caller.user.role) && !caller.mfaVerified && !allowWithoutMfa) throw new AppError("mfa_required", "pass the second factor first")
  return caller
}
