import type { Role } from "@/generated/prisma/enums"
import { recordSecurityEvent, type SecurityEventInput } from "./events"

// Refusals worth a security event. A flood must not turn into a write per request, so each is
// recorded at most once per key (caller and route) per window in this process: the dashboard
// counts refused callers per minute, not requests. Recording never fails the refusal itself.

const WINDOW_MS = 60_000
const MAX_KEYS = 10_000

const KEY = Symbol.for("ai-copilot-vibe.security.recent-refusals")
const store = globalThis as typeof globalThis & { [KEY]?: Map<string, number> }
const recent = (store[KEY] ??= new Map<string, number>())

/** Records `event` unless the same key was recorded within `windowMs`; true when it wrote. */
export async function recordSecurityEventOnce(
  event: SecurityEventInput,
  key: string,
  windowMs = WINDOW_MS,
  now = Date.now(),
): Promise<boolean> {
  const slot = `${event.kind}|${key}`
  const last = recent.get(slot)
  if (last !== undefined && now - last < windowMs) return false
  if (recent.size >= MAX_KEYS) {
    for (const [k, at] of recent) if (now - at >= windowMs) recent.delete(k)
    if (recent.size >= MAX_KEYS) recent.clear()
  }
  recent.set(slot, now)
  try {
    await recordSecurityEvent(event)
    return true
  } catch (error) {
    console.error(`[security] could not record ${event.kind}`, error)
    return false
  }
}

/** Tests record the same refusal more than once a minute. */
export function forgetRecentRefusals(): void {
  recent.clear()
}

/** A 429: `caller` is "user:<id>", "ip:<address>" or "unknown:<route>", as the rate limiter keys it. */
export function recordRateLimited(input: {
  caller: string
  route: string
  method: string
  ip?: string | null
}): Promise<boolean> {
  return recordSecurityEventOnce(
    { kind: "rate_limited", detail: { route: input.route, method: input.method }, ip: input.ip },
    `${input.caller}|${input.route}`,
  )
}

/**
 * A signed-in user refused a staff page or API route (a 403). Pages are keyed by user alone: the
 * admin layout and the page both refuse the same view, and the layout does not know the path.
 */
export function recordRefusedAccess(input: {
  user: { id: string; role: Role }
  path: string
  method: string
  via: "page" | "api"
  ip?: string | null
}): Promise<boolean> {
  const { user, path, method, via } = input
  const key = via === "page" ? `${user.id}|page` : `${user.id}|${method} ${path}`
  return recordSecurityEventOnce(
    { kind: "admin.refused", detail: { userId: user.id, role: user.role, path, method, via }, ip: input.ip },
    key,
  )
}

/** A sign-in that failed at the callback (an invalid or expired magic link, an OAuth error). */
export function recordFailedSignIn(input: { provider: string; reason: string; ip?: string | null }): Promise<boolean> {
  // Per address and reason for 10 s: a human retrying is counted, a script hammering is not written a row per try.
  return recordSecurityEventOnce(
    { kind: "auth.sign_in_failed", detail: { provider: input.provider, reason: input.reason }, ip: input.ip },
    `${input.ip ?? "?"}|${input.reason}`,
    10_000,
  )
}
