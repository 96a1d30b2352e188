import { env } from "@/lib/env"
import { AppError } from "@/lib/errors"
import { consumeRateLimit, type RateLimit } from "@/lib/rate-limit/limiter"
import type { Caller } from "./authenticate"
import { clientAddress } from "./client-address"

/**
 * Whose allowance a request spends: its user's, else its address's. Callers whose address cannot
 * be known (no trusted proxy) share one per route: nothing a client sends picks its bucket, and a
 * flood of one route leaves the others open.
 */
export function rateLimitKey(caller: Caller | null, request: Request, route: string): string {
  if (caller) return `user:${caller.user.id}`
  const address = clientAddress(request)
  return address ? `ip:${address}` : `unknown:${route}`
}

/** The wrapper's limit: the route's own, else RATE_LIMIT_PER_MINUTE; `false` is none. */
export async function enforceRateLimit(limit: Omit<RateLimit, "name"> | false | undefined, key: string): Promise<void> {
  if (limit === false) return
  const decision = await consumeRateLimit(
    { name: "api", ...(limit ?? { points: env().RATE_LIMIT_PER_MINUTE, durationSeconds: 60 }) },
    key,
  )
  if (!decision.allowed)
    throw new AppError("rate_limited", "too many requests, slow down", {
      retryAfterSeconds: decision.retryAfterSeconds,
    })
}
