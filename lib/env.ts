import { z } from "zod"

// The one place that reads process.env (besides prisma.config.ts and instrumentation). Parsed on
// first use, so `next build` runs without runtime secrets.

const optional = z.string().trim().min(1).optional().catch(undefined)
const csv = z
  .string()
  .optional()
  .transform((value) => (value ?? "").split(",").map((item) => item.trim().toLowerCase()).filter(Boolean))

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional,
  /** 1 on the embedded database (it serves one connection). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_URL: optional,
  NEXTAUTH_SECRET: optional,
  /** 32 bytes, hex or base64: encrypts secrets at rest (TOTP secrets). */
  ENCRYPTION_KEY: optional,
  /** 32 bytes, hex or base64: encrypts delivered seat credentials. */
  CREDENTIALS_KEY: optional,
  OWNER_EMAILS: csv,
  /** Live Polar: checkouts, portal sessions and refunds go through the SDK. Unset: test mode. */
  POLAR_ACCESS_TOKEN: optional,
  POLAR_SERVER: z.enum(["sandbox", "production"]).default("sandbox"),
  /** Points the SDK at another server (a local stand-in in tests). */
  POLAR_API_URL: optional,
  /** Standard Webhooks secret of the Polar endpoint; test mode uses a documented default. */
  POLAR_WEBHOOK_SECRET: optional,
  /** Svix secret of the Resend webhook endpoint. */
  RESEND_WEBHOOK_SECRET: optional,
  GITHUB_ID: optional,
  GITHUB_SECRET: optional,
  RESEND_API_KEY: optional,
  EMAIL_FROM: z.string().default("AI Copilot Vibe <hello@aicopilotvibe.test>"),
  REDIS_URL: optional,
  /** Requests per minute per client for API routes. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Open /dev/mailbox to anyone (development and the embedded demo). */
  DEV_MAILBOX: z.enum(["0", "1"]).optional(),
})

export type Env = z.infer<typeof envSchema>

let cached: Env | undefined

export function env(): Env {
  cached ??= envSchema.parse(process.env)
  return cached
}

/** Tests change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined
}

export const integrations = {
  resend: () => Boolean(env().RESEND_API_KEY),
  polar: () => Boolean(env().POLAR_ACCESS_TOKEN),
  github: () => Boolean(env().GITHUB_ID && env().GITHUB_SECRET),
  redis: () => Boolean(env().REDIS_URL),
}

export function requireEnv<K extends keyof Env>(key: K): NonNullable<Env[K]> {
  const value = env()[key]
  if (value === undefined || value === "") throw new Error(`${String(key)} is not set (see README, Configuration)`)
  return value as NonNullable<Env[K]>
}
