import { afterEach, beforeEach, expect, test, vi } from "vitest"
import { findSession, sessionCookieName } from "@/lib/auth/session"
import { resetEnvCache } from "@/lib/env"
import { signedInAs } from "@/lib/testing/fixtures"
import { mailboxAccess, requireMailboxAccess } from "./access"

// The mailbox pages read the session cookie through next/headers: it stands in for the request here.
const requestCookies = vi.hoisted(() => new Map<string, string>())
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (requestCookies.has(name) ? { name, value: requestCookies.get(name)! } : undefined),
  }),
}))

const NOT_FOUND = { digest: "NEXT_HTTP_ERROR_FALLBACK;404" }
const VARIABLES = ["APP_MODE", "RESEND_API_KEY", "DEV_MAILBOX"] as const
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]))

function setEnv(values: Partial<Record<(typeof VARIABLES)[number], string>>) {
  for (const name of VARIABLES) {
    if (values[name] === undefined) delete process.env[name]
    else process.env[name] = values[name]
  }
  resetEnvCache()
}

beforeEach(() => requestCookies.clear())
afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
  resetEnvCache()
})

/** Opens the mailbox as `caller` (a session token, or nobody). */
function openAs(token: string | null) {
  if (token) requestCookies.set(sessionCookieName(), token)
  else requestCookies.clear()
  return requireMailboxAccess("/dev/mailbox")
}

test("in production anonymous visitors and subscribers get a 404, not a sign-in page that gives the mailbox away", async () => {
  setEnv({ APP_MODE: "production" })
  const subscriber = await signedInAs("SUBSCRIBER")
  await expect(openAs(null)).rejects.toMatchObject(NOT_FOUND)
  await expect(openAs(subscriber.token)).rejects.toMatchObject(NOT_FOUND)
  // DEV_MAILBOX=1 no longer opens it.
  setEnv({ APP_MODE: "production", DEV_MAILBOX: "1" })
  await expect(openAs(null)).rejects.toMatchObject(NOT_FOUND)
  await expect(openAs(subscriber.token)).rejects.toMatchObject(NOT_FOUND)
})

test("in production staff read it once they passed the second factor; before, they are sent to it", async () => {
  setEnv({ APP_MODE: "production" })
  const support = await signedInAs("SUPPORT")
  const pending = await signedInAs("OWNER", { mfa: false })
  await expect(openAs(support.token)).resolves.toBeUndefined()
  await expect(openAs(pending.token)).rejects.toMatchObject({
    digest: expect.stringMatching(/^NEXT_REDIRECT;replace;\/mfa\?callbackUrl=%2Fdev%2Fmailbox;307;/),
  })
})

test("the rule, for each caller: production and a demo with Resend are staff-only, a demo without email is open", async () => {
  const [subscriber, staff, staffWithoutMfa] = await Promise.all([
    signedInAs("SUBSCRIBER"),
    signedInAs("ADMIN"),
    signedInAs("ENGINEER", { mfa: false }),
  ])
  const sessions = {
    anonymous: null,
    subscriber: await findSession(subscriber.token),
    staff: await findSession(staff.token),
    staffWithoutMfa: await findSession(staffWithoutMfa.token),
  }
  const verdicts = () =>
    Object.fromEntries(Object.entries(sessions).map(([caller, session]) => [caller, mailboxAccess(session)]))
  const closed = { anonymous: "not-found", subscriber: "not-found", staff: "open", staffWithoutMfa: "second-factor" }

  setEnv({ APP_MODE: "production" })
  expect(verdicts()).toEqual(closed)
  setEnv({ APP_MODE: "demo", RESEND_API_KEY: "re_live" })
  expect(verdicts()).toEqual(closed)
  setEnv({ APP_MODE: "demo" })
  expect(verdicts()).toEqual({ anonymous: "open", subscriber: "open", staff: "open", staffWithoutMfa: "open" })
  await expect(openAs(null)).resolves.toBeUndefined()
})
