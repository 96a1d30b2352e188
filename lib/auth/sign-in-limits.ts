import { isIPv4, isIPv6 } from "node:net"
import { consumeRateLimit, type RateLimit } from "@/lib/rate-limit/limiter"
import { sha256 } from "@/lib/security/crypto"
import { normalizeSignInEmail } from "./magic-link"

// How many sign-in links may be asked for: per recipient, so nobody can flood an inbox, and per
// network, so one client cannot spray links at many inboxes. A network is an IPv4 /24 or an IPv6
// /48 (a site's usual allocation: one client commonly holds a whole /64 or more). Requests whose
// address cannot be known (lib/http/client-address.ts) share one bucket, with a larger allowance,
// since every visitor may then land in it; so do loopback addresses: a developer, or a proxy on
// this machine that TRUSTED_PROXY_HOPS does not know about, which makes every visitor look local.

export type SignInLinkLimits = { perRecipient: RateLimit; perNetwork: RateLimit; unknownNetwork: RateLimit }

export const SIGN_IN_LINK_LIMITS: SignInLinkLimits = {
  perRecipient: { name: "sign-in-link:recipient", points: 10, durationSeconds: 60 * 60 },
  perNetwork: { name: "sign-in-link:network", points: 30, durationSeconds: 15 * 60 },
  unknownNetwork: { name: "sign-in-link:unknown-network", points: 120, durationSeconds: 15 * 60 },
}

export type SignInLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; key: string }

/** "203.0.113.0/24", "2001:db8:1::/48"; "unknown" without an address, for loopback, or for one that is not an IP. */
export function networkOf(address: string | null): string {
  if (!address) return "unknown"
  if (isIPv4(address)) return ipv4Network(address.split(".").map(Number))
  if (!isIPv6(address)) return "unknown"
  const groups = ipv6Groups(address)
  // An IPv4 client seen through an IPv6 socket (::ffff:a.b.c.d) is that IPv4 client.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return ipv4Network([groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff])
  }
  if (groups.slice(0, 7).every((group) => group === 0) && groups[7] === 1) return "unknown"
  return `${groups
    .slice(0, 3)
    .map((group) => group.toString(16))
    .join(":")}::/48`
}

function ipv4Network([a, b, c]: number[]): string {
  return a === 127 ? "unknown" : `${a}.${b}.${c}.0/24`
}

/** The eight 16-bit groups of a valid IPv6 address ("::" expanded, a trailing IPv4 part converted). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split("%")[0]!
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = "", tail] = text.split("::")
  const headGroups = head ? head.split(":") : []
  const tailGroups = tail ? tail.split(":") : []
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill("0")
  return [...headGroups, ...zeros, ...tailGroups].map((group) => parseInt(group, 16))
}

/**
 * Spends one link request of the network and then of the recipient. An address that is not one
 * (next-auth refuses it and sends nothing) spends only the network's.
 */
export async function limitSignInLinkRequest(
  input: { email: string | null; ip: string | null },
  limits: SignInLinkLimits = SIGN_IN_LINK_LIMITS,
): Promise<SignInLimitDecision> {
  const network = networkOf(input.ip)
  const networkLimit = network === "unknown" ? limits.unknownNetwork : limits.perNetwork
  const byNetwork = await consumeRateLimit(networkLimit, network)
  if (!byNetwork.allowed)
    return { allowed: false, retryAfterSeconds: byNetwork.retryAfterSeconds, key: `network:${network}` }
  const recipient = recipientOf(input.email)
  if (!recipient) return { allowed: true }
  const byRecipient = await consumeRateLimit(limits.perRecipient, recipient)
  // The key names who was refused in the security event throttle; a hash, not the address.
  if (!byRecipient.allowed)
    return {
      allowed: false,
      retryAfterSeconds: byRecipient.retryAfterSeconds,
      key: `recipient:${sha256(recipient).slice(0, 16)}`,
    }
  return { allowed: true }
}

function recipientOf(email: string | null): string | null {
  if (!email) return null
  try {
    return normalizeSignInEmail(email)
  } catch {
    return null
  }
}
