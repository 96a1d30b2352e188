// Turns a request path into a route pattern for the metrics tables, so ids in URLs do not make a
// new series per order, user or token: "/api/admin/orders/clx9…/assign" → "/api/admin/orders/[id]/assign".

const NUMBER = /^\d+$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HEX = /^[0-9a-f]{12,}$/i
const TOKEN = /^[\w.~=+%-]+$/
const DIGIT = /\d/
const MAX_SEGMENTS = 8

/**
 * An id-like segment: a number, a UUID, 12+ hex digits with a digit among them, an email-like
 * value, a token of 16+ characters with a digit (cuid, cuid2, base64url, Polar ids), or any token
 * of 32+ characters. Words such as "subscriptions" or "verify-email" stay.
 */
export function isIdSegment(segment: string): boolean {
  if (NUMBER.test(segment) || UUID.test(segment) || segment.includes("@")) return true
  if (HEX.test(segment) && DIGIT.test(segment)) return true
  if (segment.length >= 16 && TOKEN.test(segment) && DIGIT.test(segment)) return true
  return segment.length >= 32
}

/** "/a/123/b/" → "/a/[id]/b"; at most 8 segments are kept (the rest become "…"). */
export function routePattern(pathname: string): string {
  const segments = pathname.split("/")
  let pattern = ""
  let kept = 0
  for (const segment of segments) {
    if (segment === "") continue
    if (kept === MAX_SEGMENTS) return `${pattern}/…`
    pattern += `/${isIdSegment(segment) ? "[id]" : segment}`
    kept++
  }
  return pattern || "/"
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])

/** Unknown verbs share one series rather than each making their own. */
export function methodName(method: string): string {
  const upper = method.toUpperCase()
  return METHODS.has(upper) ? upper : "OTHER"
}
