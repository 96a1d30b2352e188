import { randomBytes } from "node:crypto"
import { isIP } from "node:net"
import { env } from "@/lib/env"

// Where a request comes from, for rate limits, the analytics visitor hash and its country, and
// security events. Nothing else may read X-Forwarded-For or X-Real-IP.
//
// Next 16 gives route handlers no socket address (NextRequest lost `ip` in Next 15, and a Web
// Request carries none), and `next start` only fills an absent X-Forwarded-For with it, so a
// handler cannot tell the socket's address from one the client wrote. Our own HTTP server
// (lib/http/server.ts) therefore resolves the address from the socket and TRUSTED_PROXY_HOPS and
// stamps it on the request in a header that carries a secret random to this process: a client
// cannot forge it. A request without a valid stamp (the handlers called directly in tests, or the
// app run under another server) falls back to the proxy hops alone, and with none trusts nothing.

export const CLIENT_ADDRESS_HEADER = "x-acv-client-address"
const stampKey = Symbol.for("acv.clientAddressStamp")
const stampHolder = globalThis as unknown as { [stampKey]?: string }

/** The client's address, or null when it cannot be known. */
export function clientAddress(request: Request): string | null {
  const stamped = request.headers.get(CLIENT_ADDRESS_HEADER)
  const secret = stampHolder[stampKey]
  if (secret && stamped?.startsWith(`${secret} `)) {
    const address = stamped.slice(secret.length + 1)
    return address === "unknown" ? null : address
  }
  return addressFromForwarded(request.headers.get("x-forwarded-for"), env().TRUSTED_PROXY_HOPS)
}

/**
 * The address as the server sees it: the socket's with no proxy in front; behind N proxies that
 * each append the address they saw, the Nth X-Forwarded-For entry from the right (written by our
 * own outermost proxy; everything left of it came from the client). Null when there are fewer.
 */
export function resolveClientAddress(input: {
  socketAddress: string | undefined
  forwardedFor: string | null | undefined
  hops: number
}): string | null {
  if (input.hops === 0) return input.socketAddress ? normaliseAddress(input.socketAddress) : null
  return addressFromForwarded(input.forwardedFor, input.hops)
}

/** Turns stamping on for this process (the HTTP server calls it once) and returns the function that stamps. */
export function enableClientAddressStamp(): (
  headers: Record<string, string | string[] | undefined>,
  address: string | null,
) => void {
  stampHolder[stampKey] ??= randomBytes(18).toString("base64url")
  const secret = stampHolder[stampKey]
  // Overwrites whatever the client sent under the same name.
  return (headers, address) => {
    headers[CLIENT_ADDRESS_HEADER] = `${secret} ${address ?? "unknown"}`
  }
}

function addressFromForwarded(header: string | null | undefined, hops: number): string | null {
  if (hops === 0 || !header) return null
  const entries = header.split(",")
  const entry = entries[entries.length - hops]
  return entry === undefined ? null : normaliseAddress(entry)
}

/** An address as proxies and sockets write it ("203.0.113.7", "203.0.113.7:5123", "[2001:db8::1]:443", "::ffff:203.0.113.7"); null if it is none. */
function normaliseAddress(entry: string): string | null {
  let value = entry.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) value = bracketed[1]!
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"))
  // A dual-stack socket reports IPv4 clients as IPv4-mapped IPv6.
  const mapped = /^::ffff:([\d.]+)$/i.exec(value)
  if (mapped && isIP(mapped[1]!) === 4) value = mapped[1]!
  return isIP(value) ? value.toLowerCase() : null
}
