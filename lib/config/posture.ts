// The app's posture: a demo (the embedded database, generated secrets, simulated payments, an open
// mailbox) or production, which refuses to start without what it needs. Pure: it reads only the
// variables it is given (process.env in scripts/start.ts and scripts/doctor.ts, env() in the app).

export type AppMode = "demo" | "production"

/** Raw variables as the process sees them; an empty or blank value counts as unset. */
export type PostureInput = Readonly<Record<string, string | undefined>>

/**
 * One rule and its verdict. A `required` check that fails refuses a production start; an advisory
 * one only warns (`npm run doctor` shows both).
 */
export type PostureCheck = { name: string; ok: boolean; required: boolean; message: string }

export type Posture = { mode: AppMode; reason: string; checks: PostureCheck[] }

// Read from process.env or from the parsed env(), whose other fields need not be strings.
type ModeInput = { readonly APP_MODE?: string; readonly DATABASE_URL?: string; readonly [name: string]: unknown }
type BillingInput = ModeInput & { readonly BILLING_TEST_MODE?: string; readonly POLAR_ACCESS_TOKEN?: string }
type MailboxInput = ModeInput & { readonly RESEND_API_KEY?: string }

const MODES: readonly AppMode[] = ["demo", "production"]

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

/** APP_MODE when it names a mode; else production on DATABASE_URL, demo on the embedded database. */
export function appMode(input: ModeInput): AppMode {
  const explicit = text(input.APP_MODE)
  if (explicit !== undefined) return explicit === "demo" ? "demo" : "production" // a typo fails closed
  return text(input.DATABASE_URL) ? "production" : "demo"
}

function modeReason(input: ModeInput): string {
  const explicit = text(input.APP_MODE)
  if (explicit !== undefined) return `APP_MODE=${explicit}`
  return text(input.DATABASE_URL) ? "DATABASE_URL is set" : "no DATABASE_URL: the embedded database"
}

/**
 * Payments are simulated (the local test checkout): in production only when BILLING_TEST_MODE=1 asks
 * for it; in a demo also whenever POLAR_ACCESS_TOKEN is unset.
 */
export function billingTestMode(input: BillingInput): boolean {
  if (text(input.BILLING_TEST_MODE) === "1") return true
  return appMode(input) === "demo" && !text(input.POLAR_ACCESS_TOKEN)
}

/** Production with simulated payments: every page says so. */
export function showsTestModeBanner(input: BillingInput): boolean {
  return appMode(input) === "production" && billingTestMode(input)
}

/**
 * /dev/mailbox holds every sign-in link. Open to everyone only in a demo whose emails go nowhere
 * else; otherwise only staff who passed the second factor may read it.
 */
export function mailboxOpenToEveryone(input: MailboxInput): boolean {
  return appMode(input) === "demo" && !text(input.RESEND_API_KEY)
}

/** Hex (64 characters) or base64 that decodes to exactly 32 bytes, as lib/security/crypto.ts reads keys. */
function isKey32(raw: string): boolean {
  const bytes = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64")
  return bytes.length === 32
}

const required = (name: string, ok: boolean, message: string): PostureCheck => ({ name, ok, required: true, message })
const advised = (name: string, ok: boolean, message: string): PostureCheck => ({ name, ok, required: false, message })

const GENERATE_SECRET = "generate one with: openssl rand -base64 32"
const GENERATE_KEY = "generate one with: openssl rand -hex 32"

function secretCheck(input: PostureInput): PostureCheck {
  const value = text(input.NEXTAUTH_SECRET)
  if (!value) return required("NEXTAUTH_SECRET", false, `NEXTAUTH_SECRET is not set (${GENERATE_SECRET})`)
  if (value.length < 32)
    return required(
      "NEXTAUTH_SECRET",
      false,
      `NEXTAUTH_SECRET is too short: ${value.length} characters, at least 32 (${GENERATE_SECRET})`,
    )
  return required("NEXTAUTH_SECRET", true, `set (${value.length} characters)`)
}

function keyCheck(input: PostureInput, name: "ENCRYPTION_KEY" | "CREDENTIALS_KEY", guards: string): PostureCheck {
  const value = text(input[name])
  if (!value)
    return required(name, false, `${name} is not set (${GENERATE_KEY}; it ${guards}: keep it, never change it)`)
  if (!isKey32(value))
    return required(name, false, `${name} is not 32 bytes as 64 hex characters or base64 (${GENERATE_KEY})`)
  return required(name, true, `set (32 bytes; it ${guards})`)
}

function urlCheck(input: PostureInput): PostureCheck {
  const value = text(input.NEXTAUTH_URL)
  if (!value)
    return required(
      "NEXTAUTH_URL",
      false,
      "NEXTAUTH_URL is not set (the public https:// address of the app, e.g. https://copilot.example.com)",
    )
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return required(
      "NEXTAUTH_URL",
      false,
      `NEXTAUTH_URL is not a URL: "${value}" (the public https:// address of the app)`,
    )
  }
  if (url.protocol !== "https:")
    return required(
      "NEXTAUTH_URL",
      false,
      `NEXTAUTH_URL must be https:// in production, got ${url.origin} (sessions need secure cookies)`,
    )
  return required("NEXTAUTH_URL", true, url.origin)
}

function billingChecks(input: PostureInput): PostureCheck[] {
  const flag = text(input.BILLING_TEST_MODE)
  const token = text(input.POLAR_ACCESS_TOKEN)
  const secret = text(input.POLAR_WEBHOOK_SECRET)
  if (flag !== undefined && flag !== "0" && flag !== "1")
    return [required("BILLING_TEST_MODE", false, `BILLING_TEST_MODE must be 1 or 0, got "${flag}"`)]
  if (flag === "1") {
    if (token)
      return [
        required(
          "BILLING_TEST_MODE",
          false,
          "BILLING_TEST_MODE=1 and POLAR_ACCESS_TOKEN are both set: unset POLAR_ACCESS_TOKEN to simulate payments, or BILLING_TEST_MODE to take real ones",
        ),
      ]
    return [
      advised(
        "BILLING_TEST_MODE",
        false,
        "BILLING_TEST_MODE is 1: payments are simulated (the local test checkout) and every page says so",
      ),
    ]
  }
  const orTestMode = "or BILLING_TEST_MODE=1 to simulate payments"
  const checks = [
    token
      ? required("POLAR_ACCESS_TOKEN", true, "set: checkouts, the portal and refunds go to Polar")
      : required(
          "POLAR_ACCESS_TOKEN",
          false,
          `POLAR_ACCESS_TOKEN is not set (an organization access token from Polar's settings, for live payments; ${orTestMode})`,
        ),
    secret
      ? required("POLAR_WEBHOOK_SECRET", true, "set: Polar's deliveries to /api/webhooks/polar are verified")
      : required(
          "POLAR_WEBHOOK_SECRET",
          false,
          `POLAR_WEBHOOK_SECRET is not set (the secret of the Polar webhook endpoint pointing at /api/webhooks/polar; ${orTestMode})`,
        ),
  ]
  if (token && !text(input.POLAR_API_URL) && text(input.POLAR_SERVER) !== "production") {
    checks.push(
      advised(
        "POLAR_SERVER",
        false,
        "POLAR_SERVER is not production: checkouts go to Polar's sandbox, which takes no real payment",
      ),
    )
  }
  return checks
}

function productionChecks(input: PostureInput): PostureCheck[] {
  const seedDemo = text(input.SEED_DEMO) === "1"
  const owners = text(input.OWNER_EMAILS)
  const hops = Number(text(input.TRUSTED_PROXY_HOPS) ?? "0")
  return [
    urlCheck(input),
    secretCheck(input),
    keyCheck(input, "ENCRYPTION_KEY", "encrypts the staff's TOTP secrets"),
    keyCheck(input, "CREDENTIALS_KEY", "encrypts delivered seat credentials"),
    ...billingChecks(input),
    seedDemo
      ? required(
          "SEED_DEMO",
          false,
          "SEED_DEMO=1 is refused in production: the demo business and its staff accounts never go into a production database (unset it, or APP_MODE=demo for a demo)",
        )
      : required("SEED_DEMO", true, "off: nothing is seeded"),
    text(input.DATABASE_URL)
      ? advised("DATABASE_URL", true, "PostgreSQL")
      : advised(
          "DATABASE_URL",
          false,
          "DATABASE_URL is not set: production on the embedded database (one instance, data in DATA_DIR)",
        ),
    text(input.RESEND_API_KEY)
      ? advised("RESEND_API_KEY", true, "set: emails go through Resend")
      : advised(
          "RESEND_API_KEY",
          false,
          "RESEND_API_KEY is not set: emails stay in the outbox (/dev/mailbox, staff only), so no one can sign in by email link",
        ),
    owners
      ? advised("OWNER_EMAILS", true, owners)
      : advised(
          "OWNER_EMAILS",
          false,
          "OWNER_EMAILS is not set: no one becomes owner on sign-in (npm run cli -- user role --email … --role OWNER does it by hand)",
        ),
    hops > 0
      ? advised("TRUSTED_PROXY_HOPS", true, String(hops))
      : advised(
          "TRUSTED_PROXY_HOPS",
          false,
          "TRUSTED_PROXY_HOPS is 0: the client address is the socket's, so behind a proxy or load balancer every caller shows the proxy's address; set it to the number of proxies (usually 1)",
        ),
  ]
}

function demoChecks(input: PostureInput): PostureCheck[] {
  const generated = (name: string) =>
    advised(name, true, text(input[name]) ? "set" : "generated into DATA_DIR/secrets.json on first start")
  const live = !billingTestMode(input)
  const checks = [
    generated("NEXTAUTH_SECRET"),
    generated("ENCRYPTION_KEY"),
    generated("CREDENTIALS_KEY"),
    advised("billing", true, live ? "live Polar (POLAR_ACCESS_TOKEN)" : "test mode: payments are simulated"),
    advised(
      "mailbox",
      true,
      mailboxOpenToEveryone(input)
        ? "/dev/mailbox is open to everyone (no RESEND_API_KEY)"
        : "/dev/mailbox is staff only (RESEND_API_KEY is set)",
    ),
  ]
  if (text(input.DATABASE_URL)) {
    checks.push(
      advised(
        "APP_MODE",
        false,
        "a demo on DATABASE_URL: secrets are generated into DATA_DIR and the demo business is seeded with SEED_DEMO=1; not for real customers",
      ),
    )
  }
  return checks
}

/** The mode, why, and every rule with its verdict. */
export function postureChecks(input: PostureInput): Posture {
  const explicit = text(input.APP_MODE)
  const mode = appMode(input)
  const checks: PostureCheck[] = []
  if (explicit !== undefined && !MODES.includes(explicit as AppMode)) {
    checks.push(required("APP_MODE", false, `APP_MODE must be demo or production, got "${explicit}"`))
  }
  checks.push(...(mode === "production" ? productionChecks(input) : demoChecks(input)))
  return { mode, reason: modeReason(input), checks }
}

/** What refuses a production start, one line each, naming the variable. Empty when the app may start. */
export function postureProblems(posture: Posture): string[] {
  return posture.checks.filter((check) => check.required && !check.ok).map((check) => check.message)
}
