import { expect, test } from "vitest"
import {
  appMode,
  billingTestMode,
  mailboxOpenToEveryone,
  type PostureInput,
  postureChecks,
  postureProblems,
  showsTestModeBanner,
} from "./posture"

const hex32 = "0123456789abcdef".repeat(4)
const base64Key = Buffer.alloc(32, 7).toString("base64")

/** Everything a live production start needs. */
const LIVE: PostureInput = {
  DATABASE_URL: "postgres://app@db.internal/copilot",
  NEXTAUTH_URL: "https://copilot.example.com",
  NEXTAUTH_SECRET: "s".repeat(44),
  ENCRYPTION_KEY: hex32,
  CREDENTIALS_KEY: base64Key,
  POLAR_ACCESS_TOKEN: "polar_oat_live",
  POLAR_WEBHOOK_SECRET: "polar_whs_live",
  POLAR_SERVER: "production",
}

const problems = (input: PostureInput) => postureProblems(postureChecks(input))
const without = (name: string): PostureInput => Object.fromEntries(Object.entries(LIVE).filter(([key]) => key !== name))

test("the mode: an explicit APP_MODE wins, else production on DATABASE_URL and demo on the embedded database", () => {
  expect(appMode({})).toBe("demo")
  expect(appMode({ DATABASE_URL: "  " })).toBe("demo") // blank is unset
  expect(appMode({ DATABASE_URL: "postgres://x" })).toBe("production")
  expect(appMode({ DATABASE_URL: "postgres://x", APP_MODE: "demo" })).toBe("demo")
  expect(appMode({ APP_MODE: "production" })).toBe("production")
  expect(appMode({ APP_MODE: "prod" })).toBe("production") // a typo fails closed
  expect(postureChecks({}).reason).toBe("no DATABASE_URL: the embedded database")
  expect(postureChecks({ DATABASE_URL: "postgres://x" }).reason).toBe("DATABASE_URL is set")
  expect(postureChecks({ APP_MODE: "production" }).reason).toBe("APP_MODE=production")
})

test("a demo with nothing set starts, and says where its secrets come from", () => {
  const posture = postureChecks({})
  expect(posture.mode).toBe("demo")
  expect(postureProblems(posture)).toEqual([])
  expect(posture.checks.every((check) => check.ok && !check.required)).toBe(true)
  expect(posture.checks.find((check) => check.name === "ENCRYPTION_KEY")!.message).toMatch(
    /generated into DATA_DIR\/secrets\.json/,
  )
})

test("production with everything set starts", () => {
  expect(problems(LIVE)).toEqual([])
  expect(
    problems({ ...LIVE, POLAR_ACCESS_TOKEN: undefined, POLAR_WEBHOOK_SECRET: undefined, BILLING_TEST_MODE: "1" }),
  ).toEqual([])
})

test("each required variable missing is one problem naming it, with how to make one", () => {
  expect(problems(without("NEXTAUTH_URL"))).toEqual([
    expect.stringMatching(/^NEXTAUTH_URL is not set \(the public https:\/\/ address/),
  ])
  expect(problems(without("NEXTAUTH_SECRET"))).toEqual([
    "NEXTAUTH_SECRET is not set (generate one with: openssl rand -base64 32)",
  ])
  expect(problems(without("ENCRYPTION_KEY"))).toEqual([
    expect.stringMatching(/^ENCRYPTION_KEY is not set \(generate one with: openssl rand -hex 32;/),
  ])
  expect(problems(without("CREDENTIALS_KEY"))).toEqual([
    expect.stringMatching(/^CREDENTIALS_KEY is not set \(generate one with: openssl rand -hex 32;/),
  ])
  expect(problems({ ...LIVE, NEXTAUTH_SECRET: "   " })).toEqual([
    "NEXTAUTH_SECRET is not set (generate one with: openssl rand -base64 32)",
  ])
  // All of them at once: one line each, in a stable order.
  expect(problems({ APP_MODE: "production" }).map((line) => line.split(" ")[0])).toEqual([
    "NEXTAUTH_URL",
    "NEXTAUTH_SECRET",
    "ENCRYPTION_KEY",
    "CREDENTIALS_KEY",
    "POLAR_ACCESS_TOKEN",
    "POLAR_WEBHOOK_SECRET",
  ])
})

test("NEXTAUTH_URL must be an https URL", () => {
  expect(problems({ ...LIVE, NEXTAUTH_URL: "http://copilot.example.com" })).toEqual([
    "NEXTAUTH_URL must be https:// in production, got http://copilot.example.com (sessions need secure cookies)",
  ])
  expect(problems({ ...LIVE, NEXTAUTH_URL: "copilot.example.com" })).toEqual([
    expect.stringMatching(/^NEXTAUTH_URL is not a URL: "copilot\.example\.com"/),
  ])
})

test("a short secret or a key that is not 32 bytes is refused", () => {
  expect(problems({ ...LIVE, NEXTAUTH_SECRET: "short" })).toEqual([
    expect.stringMatching(/^NEXTAUTH_SECRET is too short: 5 characters, at least 32/),
  ])
  expect(problems({ ...LIVE, ENCRYPTION_KEY: "abc123" })).toEqual([
    expect.stringMatching(/^ENCRYPTION_KEY is not 32 bytes/),
  ])
  expect(problems({ ...LIVE, CREDENTIALS_KEY: hex32.slice(2) })).toEqual([
    expect.stringMatching(/^CREDENTIALS_KEY is not 32 bytes/),
  ])
})

test("billing: live Polar needs both its variables, test mode only BILLING_TEST_MODE=1, never both", () => {
  expect(problems(without("POLAR_WEBHOOK_SECRET"))).toEqual([
    expect.stringMatching(/^POLAR_WEBHOOK_SECRET is not set .*or BILLING_TEST_MODE=1 to simulate payments\)$/),
  ])
  expect(problems(without("POLAR_ACCESS_TOKEN"))).toEqual([
    expect.stringMatching(/^POLAR_ACCESS_TOKEN is not set .*or BILLING_TEST_MODE=1 to simulate payments\)$/),
  ])
  expect(problems({ ...LIVE, BILLING_TEST_MODE: "1" })).toEqual([
    expect.stringMatching(/^BILLING_TEST_MODE=1 and POLAR_ACCESS_TOKEN are both set/),
  ])
  expect(problems({ ...without("POLAR_ACCESS_TOKEN"), BILLING_TEST_MODE: "0" })).toEqual([
    expect.stringMatching(/^POLAR_ACCESS_TOKEN is not set/),
  ])
  expect(problems({ ...LIVE, BILLING_TEST_MODE: "yes" })).toEqual(['BILLING_TEST_MODE must be 1 or 0, got "yes"'])
  // Test mode starts, with a warning; the sandbox is a warning too.
  const testMode = postureChecks({ ...without("POLAR_ACCESS_TOKEN"), BILLING_TEST_MODE: "1" })
  expect(testMode.checks.find((check) => check.name === "BILLING_TEST_MODE")).toMatchObject({
    ok: false,
    required: false,
  })
  expect(
    postureChecks({ ...LIVE, POLAR_SERVER: "sandbox" }).checks.find((check) => check.name === "POLAR_SERVER"),
  ).toMatchObject({ ok: false, required: false })
})

test("SEED_DEMO=1 is refused in production, and allowed in a demo", () => {
  expect(problems({ ...LIVE, SEED_DEMO: "1" })).toEqual([
    expect.stringMatching(/^SEED_DEMO=1 is refused in production/),
  ])
  expect(problems({ ...LIVE, APP_MODE: "demo", SEED_DEMO: "1" })).toEqual([])
})

test("an APP_MODE that is neither demo nor production is refused, and judged as production", () => {
  const posture = postureChecks({ ...LIVE, APP_MODE: "staging" })
  expect(posture.mode).toBe("production")
  expect(postureProblems(posture)).toEqual(['APP_MODE must be demo or production, got "staging"'])
})

test("payments are simulated in production only with BILLING_TEST_MODE=1; a demo also without a Polar token", () => {
  expect(billingTestMode({ DATABASE_URL: "postgres://x" })).toBe(false)
  expect(billingTestMode({ DATABASE_URL: "postgres://x", BILLING_TEST_MODE: "1" })).toBe(true)
  expect(billingTestMode({})).toBe(true)
  expect(billingTestMode({ POLAR_ACCESS_TOKEN: "polar_oat" })).toBe(false)
  expect(billingTestMode({ POLAR_ACCESS_TOKEN: "polar_oat", BILLING_TEST_MODE: "1" })).toBe(true)
  expect(showsTestModeBanner({ DATABASE_URL: "postgres://x", BILLING_TEST_MODE: "1" })).toBe(true)
  expect(showsTestModeBanner({ BILLING_TEST_MODE: "1" })).toBe(false) // a demo is a demo throughout
  expect(showsTestModeBanner({ DATABASE_URL: "postgres://x", POLAR_ACCESS_TOKEN: "polar_oat" })).toBe(false)
})

test("the mailbox is open to everyone only in a demo whose emails go nowhere else", () => {
  expect(mailboxOpenToEveryone({})).toBe(true)
  expect(mailboxOpenToEveryone({ RESEND_API_KEY: "re_x" })).toBe(false)
  expect(mailboxOpenToEveryone({ DATABASE_URL: "postgres://x" })).toBe(false)
  expect(mailboxOpenToEveryone({ APP_MODE: "production" })).toBe(false)
  expect(mailboxOpenToEveryone({ DATABASE_URL: "postgres://x", APP_MODE: "demo" })).toBe(true)
})
