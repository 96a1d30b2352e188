import type { Role } from "@/generated/prisma/enums"
import { isStaff, type SessionUser } from "@/lib/auth/roles"
import { findSession, sessionCookieName } from "@/lib/auth/session"
import { isReadMethod, scopesCover, type ApiTokenScope, type RouteScope } from "@/lib/auth/token-scopes"
import { authenticateApiToken } from "@/lib/auth/token-use"
import { AppError } from "@/lib/errors"

/** A token caller carries its token's id (for the audit) and scopes (for `authorize`). */
export type Caller = {
  user: SessionUser
  via: "session" | "token"
  sessionId?: string
  tokenId?: string
  scopes?: ApiTokenScope[]
  mfaVerified: boolean
}

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
    const holder = await authenticateApiToken(authorization.slice(7).trim())
    if (!holder) throw new AppError("unauthorized", "the API token is unknown, expired or revoked")
    // Minting a token needs a session that passed the second factor, so its use counts as passed.
    return { user: holder.user, via: "token", tokenId: holder.tokenId, scopes: holder.scopes, mfaVerified: true }
  }
  const session = await findSession(cookieValue(request, sessionCookieName()))
  return session
    ? { user: session.user, via: "session", sessionId: session.id, mfaVerified: session.mfaVerified }
    : null
}

/**
 * The signed-in user's id from a request's headers as Next's onRequestError hands them over (not a
 * Request); null when they identify no one or cannot be read. Never throws.
 */
export async function userIdFromHeaders(headers: NodeJS.Dict<string | string[]>): Promise<string | null> {
  try {
    const plain = new Headers()
    for (const [name, value] of Object.entries(headers)) {
      if (name === "cookie" || name === "authorization")
        plain.set(name, Array.isArray(value) ? value.join("; ") : (value ?? ""))
    }
    if (!plain.has("cookie") && !plain.has("authorization")) return null
    const caller = await identifyCaller(new Request("http://internal/", { headers: plain }))
    return caller?.user.id ?? null
  } catch {
    return null
  }
}

export type Access = { method: string; allowWithoutMfa?: boolean; scope?: RouteScope }

/**
 * Refuses anonymous callers (401), wrong roles (403), staff who have not passed the second factor
 * (401), and a token whose scopes do not cover this request (403, the mapping is in token-scopes.ts).
 * The role is the holder's current one for a token too: scopes only ever narrow it.
 */
export function authorize(caller: Caller | null, roles: readonly Role[], access: Access): Caller {
  if (!caller) throw new AppError("unauthorized", "sign in first")
  if (!roles.includes(caller.user.role)) throw new AppError("forbidden", "your role may not do this")
  if (isStaff(caller.user.role) && !caller.mfaVerified && !access.allowWithoutMfa)
    throw new AppError("mfa_required", "pass the second factor first")
  if (caller.via === "token" && !scopesCover(caller.scopes ?? [], access.method, access.scope)) {
    const needed = access.scope ?? "admin"
    throw new AppError(
      "forbidden",
      `this API token's scopes do not cover ${access.method} here: it needs ${isReadMethod(access.method) ? `read or ${needed}` : needed}`,
    )
  }
  return caller
}
