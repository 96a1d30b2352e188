import { isIP } from "node:net"
import { env } from "@/lib/env"

// Where a request comes from, for rate limits, the analytics visitor hash and its country, and
// security events. Nothing else may read X-Forwarded-For or X-Real-IP.
//
// Next 16 gives route handlers no socket address: NextRequest lost `ip` in Next 15, and the Web
// Request carries none. What `next start` does instead (next 16.4.6, dist/server/base-server.js,
// handleRequestImpl) is `req.headers['x-forwarded-for'] ??= socket.remoteAddress`: it fills the
// header with the socket address only when the client sent none, and never appends to one that
// was sent. So without a proxy in front, the header a handler sees is either the socket address or
// whatever the client chose, and the two cannot be told apart. Hence TRUSTED_PROXY_HOPS = 0 (no
// proxy) trusts no header at all and the address is unknown (null); behind N proxies that each
// append the address they saw, the Nth entry from the right was written by our own outermost
// proxy, and everything left of it by the client.

/** The client's address, or null when it cannot be known (no trusted proxy, or fewer hops than configured). */
export function clientAddress(request: Request): string | null {
  const hops = env().TRUSTED_PROXY_HOPS
  if (hops === 0) return null
  const entries = request.headers.get("x-forwarded-for")?.split(",") ?? []
  const entry = entries[entries.length - hops]
  return entry === undefined ? null : normaliseAddress(entry)
}

/** An address as proxies write it ("203.0.113.7", "203.0.113.7:5123", "[2001:db8::1]:443"); null if it is none. */
function normaliseAddress(entry: string): string | null {
  let value = entry.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) value = bracketed[1]!
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"))
  return isIP(value) ? value.toLowerCase() : null
}
