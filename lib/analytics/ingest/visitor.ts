import { hash, randomBytes } from "node:crypto"

// Who an event belongs to. Before consent there is no cookie: the visitor is a hash of the day's
// secret salt, the address, the user agent and the site, so the same browser is one visitor for one
// UTC day and cannot be followed (or the address recovered) once the salt is deleted. After consent
// the browser carries a random first-party id (acv_vid), stable for a year.

/** "granted" when the visitor accepted analytics; readable by the page, so the banner stays away. */
export const CONSENT_COOKIE = "acv_consent"
/** The consented visitor's random id; HttpOnly, set by POST /api/consent. */
export const VISITOR_COOKIE = "acv_vid"
export const VISITOR_COOKIE_MAX_AGE_SECONDS = 365 * 86_400

const VISITOR_ID = /^[A-Za-z0-9_-]{16,64}$/

export function newVisitorId(): string {
  return randomBytes(16).toString("base64url")
}

/** The daily anonymous id: 128 bits of sha256(salt, address, user agent, host), base64url. */
export function anonymousVisitorId(input: { salt: string; ip: string; userAgent: string; host: string }): string {
  // One-shot hash: no Hash object per request.
  return hash("sha256", `${input.salt}\n${input.ip}\n${input.userAgent}\n${input.host}`, "buffer")
    .subarray(0, 16)
    .toString("base64url")
}

/** The visitor of server-side events with no browser behind them (webhooks, staff actions). */
export function userVisitorId(userId: string): string {
  return `u:${userId}`
}

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(";")) {
    const index = part.indexOf("=")
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim())
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

/** The first-party id, only while consent stands (both cookies, a well-formed id); else null. */
export function consentedVisitorId(cookieHeader: string | null): string | null {
  if (readCookie(cookieHeader, CONSENT_COOKIE) !== "granted") return null
  const id = readCookie(cookieHeader, VISITOR_COOKIE)
  return id && VISITOR_ID.test(id) ? id : null
}
