import { generate } from "otplib"
import { beforeEach, expect, test, vi } from "vitest"
import { POST as enrol } from "@/app/api/mfa/enrol/route"
import { POST as verify } from "@/app/api/mfa/verify/route"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { route } from "@/lib/http/route"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { hashAddress } from "./events"
import { forgetRecentRefusals, recordSecurityEventOnce } from "./refusals"

// Pages read the session cookie through next/headers, and next-auth answers the sign-in callback:
// both stand in here for what Next provides at request time.
const requestCookies = vi.hoisted(() => new Map<string, string>())
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (requestCookies.has(name) ? { name, value: requestCookies.get(name)! } : undefined),
  }),
}))
const nextAuthAnswer = vi.hoisted(() => ({ location: "" }))
// next-auth runs through its Pages Router entry (lib/http/next-auth-handler.ts): it answers on `res`.
type ApiResponse = {
  status: (code: number) => ApiResponse
  setHeader: (name: string, value: string) => ApiResponse
  end: () => void
}
vi.mock("next-auth", () => ({
  default: async (_req: unknown, res: ApiResponse) =>
    res.status(302).setHeader("Location", nextAuthAnswer.location).end(),
}))

beforeEach(async () => {
  forgetRecentRefusals()
  requestCookies.clear()
  await db.securityEvent.deleteMany()
})

const events = (kind: string) =>
  db.securityEvent.findMany({ where: { kind }, orderBy: { createdAt: "asc" }, select: { detail: true, ipHash: true } })

test("a rate-limited caller is recorded once per minute and route, with the address hashed", async () => {
  const limited = route({ rateLimit: { points: 1, durationSeconds: 60 } }, async () => Response.json({ ok: true }))
  const call = () => callRoute(limited, "GET", "/api/limited-test", { headers: { "x-forwarded-for": "203.0.113.9" } })
  expect((await call()).status).toBe(200)
  expect((await call()).status).toBe(429)
  expect((await call()).status).toBe(429)
  expect(await events("rate_limited")).toEqual([
    { detail: { route: "/api/limited-test", method: "GET" }, ipHash: hashAddress("203.0.113.9") },
  ])
  forgetRecentRefusals() // as if the minute had passed
  expect((await call()).status).toBe(429)
  expect(await events("rate_limited")).toHaveLength(2)
})

test("the throttle is per key and window", async () => {
  const event = { kind: "rate_limited" as const, detail: { route: "/x" } }
  expect(await recordSecurityEventOnce(event, "a", 60_000, 1_000)).toBe(true)
  expect(await recordSecurityEventOnce(event, "a", 60_000, 60_999)).toBe(false)
  expect(await recordSecurityEventOnce(event, "b", 60_000, 2_000)).toBe(true)
  expect(await recordSecurityEventOnce(event, "a", 60_000, 61_000)).toBe(true)
  expect(await events("rate_limited")).toHaveLength(3)
})

test("a 403 from a staff route is refused access; a 403 from a public route is not", async () => {
  const staffOnly = route({ roles: ["ADMIN", "OWNER"] }, async () => Response.json({ ok: true }))
  const publicForbidden = route({}, async () => {
    throw new AppError("forbidden", "invalid webhook signature")
  })
  const subscriber = await signedInAs("SUBSCRIBER")
  expect((await callRoute(staffOnly, "GET", "/api/admin/thing", { cookie: subscriber.cookie })).status).toBe(403)
  expect((await callRoute(publicForbidden, "POST", "/api/webhooks/thing", { cookie: subscriber.cookie })).status).toBe(
    403,
  )
  expect((await callRoute(staffOnly, "GET", "/api/admin/thing")).status).toBe(401) // anonymous: not a refusal of a known user
  expect(await events("admin.refused")).toEqual([
    {
      detail: { userId: subscriber.user.id, role: "SUBSCRIBER", path: "/api/admin/thing", method: "GET", via: "api" },
      ipHash: null,
    },
  ])
})

test("a wrong second-factor code is a security event", async () => {
  const admin = await signedInAs("ADMIN", { mfa: false })
  const { secret } = await (await callRoute(enrol, "POST", "/api/mfa/enrol", { cookie: admin.cookie })).json()
  const code = await generate({ secret })
  expect(
    (
      await callRoute(verify, "POST", "/api/mfa/verify", {
        cookie: admin.cookie,
        body: { code: code === "000000" ? "111111" : "000000" },
      })
    ).status,
  ).toBe(422)
  expect(await events("auth.mfa_failed")).toEqual([{ detail: { userId: admin.user.id, role: "ADMIN" }, ipHash: null }])
})

test("staff pages refuse a subscriber, and a support member on an engineers' page, as security events", async () => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true"
  const { requireStaffRole, requireStaffSession, sessionCookieName } = await import("@/lib/auth/session")
  const subscriber = await signedInAs("SUBSCRIBER")
  requestCookies.set(sessionCookieName(), subscriber.token)
  await expect(requireStaffSession("/admin")).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" })
  const support = await signedInAs("SUPPORT")
  requestCookies.set(sessionCookieName(), support.token)
  await expect(requireStaffSession("/admin")).resolves.toMatchObject({ user: { role: "SUPPORT" } })
  await expect(requireStaffRole("/admin/operations", ["ENGINEER", "ADMIN", "OWNER"])).rejects.toMatchObject({
    digest: "NEXT_HTTP_ERROR_FALLBACK;403",
  })
  const engineer = await signedInAs("ENGINEER")
  requestCookies.set(sessionCookieName(), engineer.token)
  await expect(requireStaffRole("/admin/operations", ["ENGINEER", "ADMIN", "OWNER"])).resolves.toMatchObject({
    user: { role: "ENGINEER" },
  })
  expect((await events("admin.refused")).map((e) => e.detail)).toEqual([
    { userId: subscriber.user.id, role: "SUBSCRIBER", path: "/admin", method: "GET", via: "page" },
    { userId: support.user.id, role: "SUPPORT", path: "/admin/operations", method: "GET", via: "page" },
  ])
})

test("a sign-in callback that ends on the error page is a failed sign-in", async () => {
  // The confirm page's button POSTs the link to the callback (its GET only shows that page).
  const { POST } = await import("@/app/api/auth/[...nextauth]/route")
  const context = { params: Promise.resolve({ nextauth: ["callback", "email"] }) }
  nextAuthAnswer.location = "http://localhost:3000/api/auth/error?error=Verification"
  const failed = await POST(
    new Request("http://localhost:3000/api/auth/callback/email?token=bad&email=a%40b.test", {
      method: "POST",
      headers: { "x-forwarded-for": "198.51.100.7" },
    }),
    context,
  )
  expect(failed.status).toBe(302)
  nextAuthAnswer.location = "http://localhost:3000/account"
  await POST(
    new Request("http://localhost:3000/api/auth/callback/email?token=good&email=a%40b.test", { method: "POST" }),
    context,
  )
  expect(await events("auth.sign_in_failed")).toEqual([
    { detail: { provider: "email", reason: "Verification" }, ipHash: hashAddress("198.51.100.7") },
  ])
})
