import { AsyncResource } from "node:async_hooks"
import { Redis } from "ioredis"
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible"
import { env } from "@/lib/env"

// In-process counters by default; shared across instances through Redis when REDIS_URL is set.
// If Redis fails, the in-memory insurance limiter answers, so an outage never turns into 429s.

export type RateLimit = { name: string; points: number; durationSeconds: number }
export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number }

const limiters = new Map<string, RateLimiterAbstract>()
let redis: Redis | undefined

function redisClient(url: string): Redis {
  // Fail fast while Redis is unreachable (the in-memory insurance limiter answers) instead of
  // holding requests in a queue.
  redis ??= new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 1000 })
  redis.on("error", () => {}) // reported by the insurance path; avoid unhandled error events
  return redis
}

/** Resolves once the shared store is connected (at once without REDIS_URL); false if it is not within `ms`. */
export async function rateLimitStoreReady(ms = 2000): Promise<boolean> {
  const url = env().REDIS_URL
  if (!url) return true
  const client = redisClient(url)
  if (client.status === "ready") return true
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    client.once("ready", () => (clearTimeout(timer), resolve(true)))
  })
}

function limiterFor({ name, points, durationSeconds }: RateLimit): RateLimiterAbstract {
  // One bucket per limit, in Redis as in memory: two limits sharing a Redis prefix would share counters.
  const key = `${name}:${points}:${durationSeconds}`
  let limiter = limiters.get(key)
  if (!limiter) {
    const memory = new RateLimiterMemory({ keyPrefix: `rl:${key}`, points, duration: durationSeconds })
    const url = env().REDIS_URL
    limiter = url
      ? new RateLimiterRedis({
          storeClient: redisClient(url),
          keyPrefix: `rl:${key}`,
          points,
          duration: durationSeconds,
          insuranceLimiter: memory,
        })
      : memory
    limiters.set(key, limiter)
  }
  return limiter
}

// The in-memory limiter sets a timer per new key for its window, and a timer keeps the async context
// it was created in: inside a request, that is the whole request (~35 KB under Next) for a minute,
// for every new address or visitor. Consuming inside one long-lived scope keeps a single context.
const scope = globalThis as unknown as { rateLimitScope?: AsyncResource }

export async function consumeRateLimit(limit: RateLimit, key: string, points = 1): Promise<RateDecision> {
  scope.rateLimitScope ??= new AsyncResource("rate-limit")
  try {
    const result = await scope.rateLimitScope.runInAsyncScope(() => limiterFor(limit).consume(key, points))
    return { allowed: true, remaining: result.remainingPoints }
  } catch (error) {
    if (error instanceof RateLimiterRes)
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) }
    console.error("rate limiter unavailable, allowing request", error)
    return { allowed: true, remaining: 0 }
  }
}

/** Gives back points consumed earlier (an attempt that turned out fine, say); best effort. */
export async function refundRateLimit(limit: RateLimit, key: string, points = 1): Promise<void> {
  scope.rateLimitScope ??= new AsyncResource("rate-limit")
  try {
    await scope.rateLimitScope.runInAsyncScope(() => limiterFor(limit).reward(key, points))
  } catch (error) {
    console.error("rate limiter unavailable, nothing refunded", error)
  }
}
