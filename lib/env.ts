import { z } from "zod"
// Relative: next.config.ts loads this file, and the @/ alias does not resolve there.
import { appMode, billingTestMode } from "./config/posture"

// The one place that reads process.env (besides prisma.config.ts and instrumentation). Parsed on
// first use, so `next build` runs without runtime secrets.

const optional = z.string().trim().min(1).optional().catch(undefined)
const csv = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  )

// A blank value counts as unset; any other value must be one the app knows (scripts/start.ts has
// already refused a start with a bad one).
const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value)

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** demo or production (lib/config/posture.ts); unset: production on DATABASE_URL, demo on the embedded database. */
  APP_MODE: z.preprocess(blankAsUnset, z.enum(["demo", "production"]).optional()),
  /** 1: payments are simulated (the local test checkout); production takes test mode only from this. */
  BILLING_TEST_MODE: z.preprocess(blankAsUnset, z.enum(["0", "1"]).optional()),
  DATABASE_URL: optional,
  /** 1 on the embedded database (it serves one connection). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Longest wait for a connection (a new one, or a free one of a busy pool) before the request answers 503. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** Requests that may wait for a connection when all are busy; one more answers 503 at once. */
  DATABASE_POOL_QUEUE_MAX: z.coerce.number().int().min(0).max(100_000).default(200),
  /** The server cancels a statement running longer (0: never); long jobs raise it per transaction (lib/database/statement-timeout.ts). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /** The server ends a session idle inside an open transaction this long (0: never), releasing its locks. */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
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
  /** Resend API requests per second from this instance (Resend allows 2 per team by default: share it between instances). */
  RESEND_REQUESTS_PER_SECOND: z.coerce.number().int().min(1).max(1_000).default(2),
  REDIS_URL: optional,
  /** Requests per minute per client for API routes. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Proxies in front of the app that append to X-Forwarded-For; 0: the socket's address, no header trusted (lib/http/client-address.ts). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** On SIGTERM, how long requests in flight may take to finish before they are cut off (lib/server/http-server.ts). */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  /** The port the app server (scripts/serve.ts) listens on; the uptime probe's last resort for reaching this app. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Where the uptime probe requests /api/health/ready and /; default NEXTAUTH_URL, else http://127.0.0.1:$PORT. */
  PROBE_BASE_URL: optional,
  /** 0 turns request timing off (the bench compares a route's throughput with and without it). */
  REQUEST_METRICS: z.enum(["0", "1"]).default("1"),
  /** 1: SIGUSR2 switches request recording off and on (bench:monitoring's in-process A/B). */
  REQUEST_METRICS_TOGGLE: z.enum(["0", "1"]).default("0"),
  /** Sentry for the server and edge runtimes; errors are grouped in our own tables either way. */
  SENTRY_DSN: optional,
  /** Sentry for the browser; read at build time by instrumentation-client.ts. */
  NEXT_PUBLIC_SENTRY_DSN: optional,
  SENTRY_ENVIRONMENT: optional,
  /** Overrides the release name (else the git commit, else the package version). */
  SENTRY_RELEASE: optional,
  /** The commit being built or run, where .git is not around (CI, container builds). */
  GIT_COMMIT: optional,
  /** Set at build time by next.config.ts: the release the bundle was built as. */
  NEXT_PUBLIC_APP_RELEASE: optional,
  /** A trusted CDN header carrying the visitor's country ("cf-ipcountry"); else the offline GeoLite2 database. */
  ANALYTICS_COUNTRY_HEADER: optional,
  /** Path of a GeoLite2 country .mmdb; default the one shipped in @ip-location-db/geolite2-country-mmdb. */
  ANALYTICS_GEOIP_DB: optional,
  /** Events per minute one visitor may send to POST /api/events. */
  ANALYTICS_EVENTS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Events per minute one address may send to POST /api/events, whatever visitor cookies it shows. */
  ANALYTICS_EVENTS_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
  /** The IANA time zone product reports count days and weeks in (daily rollups, cohorts, DAU). */
  ANALYTICS_TIME_ZONE: z
    .string()
    .trim()
    .default("UTC")
    .refine((zone) => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC", "not an IANA time zone"),
  /** Raw analytics events older than this are deleted once rolled up. */
  ANALYTICS_RAW_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  /** PostHog project key: posthog-js after consent and server-side forwarding. Unset: nothing of PostHog loads. */
  NEXT_PUBLIC_POSTHOG_KEY: optional,
  /** PostHog ingestion host behind the /ingest reverse proxy. */
  NEXT_PUBLIC_POSTHOG_HOST: z.string().trim().url().default("https://us.i.posthog.com"),
})

// The mode is decided once, here and in scripts/start.ts alike (which pins it for the server it runs).
const appEnvSchema = envSchema.transform((parsed) => ({ ...parsed, APP_MODE: appMode(parsed) }))

export type Env = z.infer<typeof appEnvSchema>

let cached: Env | undefined

export function env(): Env {
  // The literal read lets the bundler inline the release baked in at build time.
  cached ??= appEnvSchema.parse({ ...process.env, NEXT_PUBLIC_APP_RELEASE: process.env.NEXT_PUBLIC_APP_RELEASE })
  return cached
}

/** Tests change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined
}

export const integrations = {
  resend: () => Boolean(env().RESEND_API_KEY),
  /** Live Polar: payments are not simulated (lib/config/posture.ts). Production without its keys fails here, not in test mode. */
  polar: () => !billingTestMode(env()),
  github: () => Boolean(env().GITHUB_ID && env().GITHUB_SECRET),
  redis: () => Boolean(env().REDIS_URL),
  sentry: () => Boolean(env().SENTRY_DSN),
  posthog: () => Boolean(env().NEXT_PUBLIC_POSTHOG_KEY),
}

export function requireEnv<K extends keyof Env>(key: K): NonNullable<Env[K]> {
  const value = env()[key]
  if (value === undefined || value === "") throw new Error(`${String(key)} is not set (see README, Configuration)`)
  return value as NonNullable<Env[K]>
}
