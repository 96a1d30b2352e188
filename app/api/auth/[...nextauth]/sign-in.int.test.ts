import { afterEach, expect, test, vi } from "vitest"
import ConfirmSignInPage from "@/app/signin/confirm/page"
import { LINK_REMOVED } from "@/emails/magic-link"
import { hashSignInToken } from "@/lib/auth/magic-link"
import { findSession, sessionCookieName } from "@/lib/auth/session"
import { db } from "@/lib/db"
import { heldMessage } from "@/lib/email/demo-mailbox"
import { messageText } from "@/lib/email/plain-text"
import { createTestUser } from "@/lib/testing/fixtures"
import { GET, POST } from "./route"

// The whole email sign-in, through next-auth's own route: ask for a link, read it where a demo
// visitor would (the demo mailbox), open it, confirm it.

const BASE = "http://localhost:3000"
const BROWSER =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15"

afterEach(() => {
  vi.useRealTimers()
})

type Call = { body?: Record<string, string>; cookie?: string; ip?: string; headers?: Record<string, string> }

function call(method: "GET" | "POST", path: string, options: Call = {}): Promise<Response> {
  const url = new URL(path, BASE)
  const headers = new Headers({ "user-agent": BROWSER, ...options.headers })
  if (options.cookie) headers.set("cookie", options.cookie)
  if (options.ip) headers.set("x-forwarded-for", options.ip)
  let body: string | undefined
  if (options.body) {
    headers.set("content-type", "application/x-www-form-urlencoded")
    body = new URLSearchParams(options.body).toString()
  }
  const nextauth = url.pathname.replace(/^\/api\/auth\//, "").split("/")
  return (method === "GET" ? GET : POST)(new Request(url, { method, headers, body }), {
    params: Promise.resolve({ nextauth }),
  })
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!)

/** What next-auth's signIn("email") does in the browser: fetch the CSRF token, then POST the form. */
async function requestLink(email: string, ip = "192.0.2.10"): Promise<Response> {
  const csrf = await call("GET", "/api/auth/csrf", { ip })
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  return call("POST", "/api/auth/signin/email", {
    ip,
    cookie: cookiesOf(csrf).join("; "),
    body: { email, csrfToken, callbackUrl: "/account", json: "true" },
  })
}

/** The link as the demo mailbox shows it: the full email, held in memory only. */
async function linkFor(email: string): Promise<URL> {
  const row = await db.emailMessage.findFirstOrThrow({
    where: { to: email },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  })
  const href = /href="([^"]*\/signin\/confirm[^"]*)"/.exec(heldMessage(row.id)?.html ?? "")?.[1]
  expect(href).toBeDefined()
  return new URL(href!.replaceAll("&amp;", "&"))
}

function confirmPage(link: URL) {
  return ConfirmSignInPage({ searchParams: Promise.resolve(Object.fromEntries(link.searchParams)) })
}

test("a magic link is never stored in email_messages; the verification token table holds only a hash", async () => {
  const known = await createTestUser("SUBSCRIBER")
  const answer = await requestLink(known.email)
  const link = await linkFor(known.email)
  const token = link.searchParams.get("token")!
  expect(token).toMatch(/^[0-9a-f]{64}$/)

  const stored = await db.emailMessage.findMany({ where: { to: known.email } })
  expect(stored).toHaveLength(1)
  expect(stored[0]).toMatchObject({ template: "magic-link", status: "OUTBOX" })
  expect(JSON.stringify(stored)).not.toContain(token)
  expect(stored[0]!.html).toContain(LINK_REMOVED)
  expect(messageText(stored[0]!)).toContain(LINK_REMOVED)
  expect(messageText(stored[0]!)).not.toMatch(/\/signin\/confirm|callback\/email/)

  const tokens = await db.verificationToken.findMany({ where: { identifier: known.email } })
  expect(tokens.map((row) => row.token)).toEqual([hashSignInToken(token)])
  expect(JSON.stringify(tokens)).not.toContain(token)

  // The answer is the same whether the address has an account or not.
  const stranger = await requestLink(`nobody-${Date.now()}@test.example`)
  expect([stranger.status, await stranger.json()]).toEqual([answer.status, await answer.json()])
  expect(answer.status).toBe(200)
})

test("GET of the link does not sign in; POST does, once", async () => {
  const user = await createTestUser("SUBSCRIBER")
  await requestLink(user.email)
  const link = await linkFor(user.email)
  expect(link.pathname).toBe("/signin/confirm")
  const callback = `/api/auth/callback/email${link.search}`

  // A scanner following the link, or next-auth's old callback address: nothing is spent.
  const opened = await call("GET", callback)
  expect(opened.status).toBe(303)
  expect(opened.headers.get("location")).toBe(`/signin/confirm${link.search}`)
  expect(opened.headers.getSetCookie()).toEqual([])
  expect((await confirmPage(link)).props).toMatchObject({ pending: true })
  expect(await db.verificationToken.count({ where: { identifier: user.email } })).toBe(1)
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0)

  // The confirm page's button.
  const confirmed = await call("POST", callback, { headers: { "sec-fetch-site": "same-origin" } })
  expect(confirmed.status).toBe(302)
  expect(confirmed.headers.get("location")).toBe(`${BASE}/account`)
  const cookie = cookiesOf(confirmed).find((c) => c.startsWith(`${sessionCookieName()}=`))!
  const session = await findSession(cookie.split("=")[1])
  expect(session?.user.id).toBe(user.id)
  expect(await db.session.findFirstOrThrow({ where: { userId: user.id }, select: { userAgent: true } })).toEqual({
    userAgent: BROWSER,
  })

  // Used: a second POST signs no one in, and the page says the link no longer works.
  const again = await call("POST", callback)
  expect(again.status).toBe(302)
  expect(again.headers.get("location")).toMatch(/\/api\/auth\/error\?error=Verification$/)
  expect(cookiesOf(again).some((c) => c.startsWith(`${sessionCookieName()}=`))).toBe(false)
  expect((await confirmPage(link)).props).toMatchObject({ pending: false })
  expect(await db.session.count({ where: { userId: user.id } })).toBe(1)
})

test("another site's form cannot post a link into the callback", async () => {
  const user = await createTestUser("SUBSCRIBER")
  await requestLink(user.email)
  const link = await linkFor(user.email)
  const refused = await call("POST", `/api/auth/callback/email${link.search}`, {
    headers: { "sec-fetch-site": "cross-site" },
  })
  expect(refused.status).toBe(403)
  expect(await db.verificationToken.count({ where: { identifier: user.email } })).toBe(1)
})

test("a link expires after 15 minutes", async () => {
  const user = await createTestUser("SUBSCRIBER")
  const asked = Date.now()
  await requestLink(user.email)
  const link = await linkFor(user.email)
  const { expires } = await db.verificationToken.findFirstOrThrow({ where: { identifier: user.email } })
  expect(expires.getTime() - asked).toBeGreaterThanOrEqual(15 * 60_000)
  expect(expires.getTime() - asked).toBeLessThan(15 * 60_000 + 5_000)

  vi.useFakeTimers({ toFake: ["Date"] })
  vi.setSystemTime(expires.getTime() - 1_000)
  expect((await confirmPage(link)).props).toMatchObject({ pending: true })
  vi.setSystemTime(expires.getTime() + 1_000)
  expect((await confirmPage(link)).props).toMatchObject({ pending: false })
  const late = await call("POST", `/api/auth/callback/email${link.search}`)
  expect(late.headers.get("location")).toMatch(/error=Verification$/)
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0)
})

test("link requests are limited per address and per network (429 with Retry-After)", async () => {
  // Per address: ten an hour, from wherever they are asked.
  const target = `victim-${Date.now()}@test.example`
  for (let n = 1; n <= 10; n++)
    expect(
      (await call("POST", "/api/auth/signin/email", { ip: `10.${n}.0.1`, body: { email: target } })).status,
    ).not.toBe(429)
  const flooded = await call("POST", "/api/auth/signin/email", {
    ip: "10.99.0.1",
    body: { email: target, callbackUrl: "/pricing" },
  })
  expect(flooded.status).toBe(429)
  expect(Number(flooded.headers.get("retry-after"))).toBeGreaterThan(0)
  expect(await flooded.json()).toMatchObject({
    url: "/signin?error=RateLimited&callbackUrl=%2Fpricing",
    error: { code: "rate_limited" },
  })
  expect(await db.securityEvent.count({ where: { kind: "rate_limited" } })).toBeGreaterThan(0)

  // Per network: 30 in 15 minutes from one /24, whatever the addresses; the next /24 is apart.
  const ask = (ip: string, n: number) =>
    call("POST", "/api/auth/signin/email", { ip, body: { email: `spray-${n}-${Date.now()}@test.example` } })
  for (let n = 1; n <= 30; n++) expect((await ask(`198.51.100.${n}`, n)).status).not.toBe(429)
  expect((await ask("198.51.100.200", 31)).status).toBe(429)
  expect((await ask("198.51.101.1", 32)).status).not.toBe(429)
  // IPv6: one /48.
  for (let n = 1; n <= 30; n++) expect((await ask(`2001:db8:aa:${n.toString(16)}::1`, 100 + n)).status).not.toBe(429)
  expect((await ask("2001:db8:aa:ffff::9", 200)).status).toBe(429)
  expect((await ask("2001:db8:ab::1", 201)).status).not.toBe(429)
})
