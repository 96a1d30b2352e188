import { generate } from "otplib"
import { expect, test, vi } from "vitest"
import { POST as enrol } from "@/app/api/mfa/enrol/route"
import { POST as verify } from "@/app/api/mfa/verify/route"
import { GET as audit } from "@/app/api/admin/audit/route"
import { db } from "@/lib/db"
import { decryptSecret } from "@/lib/security/crypto"
import { createTestSession, signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"

test("a new staff member enrols with a QR code, proves a code, and only then reaches /api/admin", async () => {
  const engineer = await signedInAs("ENGINEER", { mfa: false })
  expect((await callRoute(audit, "GET", "/api/admin/audit", { cookie: engineer.cookie })).status).toBe(401)

  const enrolment = await (await callRoute(enrol, "POST", "/api/mfa/enrol", { cookie: engineer.cookie })).json()
  expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/AI%20Copilot%20Vibe:.+\?secret=[A-Z2-7]+/)
  expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/)
  const stored = await db.user.findUniqueOrThrow({ where: { id: engineer.user.id } })
  expect(stored.totpSecretEnc).not.toContain(enrolment.secret)
  expect(decryptSecret(stored.totpSecretEnc!)).toBe(enrolment.secret)

  const code = await generate({ secret: enrolment.secret })
  const verified = await callRoute(verify, "POST", "/api/mfa/verify", { cookie: engineer.cookie, body: { code } })
  expect(verified.status).toBe(200)
  expect((await callRoute(audit, "GET", "/api/admin/audit", { cookie: engineer.cookie })).status).toBe(200)
  expect((await db.user.findUniqueOrThrow({ where: { id: engineer.user.id } })).totpEnabledAt).not.toBeNull()
  const actions = (
    await db.auditLog.findMany({ where: { actorId: engineer.user.id }, orderBy: { createdAt: "asc" } })
  ).map((e) => e.action)
  expect(actions).toEqual(["auth.mfa_enrolled", "auth.mfa_verified"])

  // Enrolled: a second enrolment is refused, so a stolen session cannot swap the secret.
  expect((await callRoute(enrol, "POST", "/api/mfa/enrol", { cookie: engineer.cookie })).status).toBe(409)
})

test("a wrong code is refused and audited; a used code cannot be replayed; attempts are rate limited", async () => {
  const admin = await signedInAs("ADMIN", { mfa: false })
  const { secret } = await (await callRoute(enrol, "POST", "/api/mfa/enrol", { cookie: admin.cookie })).json()
  const code = await generate({ secret })
  const wrong = code === "000000" ? "111111" : "000000"

  const refused = await callRoute(verify, "POST", "/api/mfa/verify", { cookie: admin.cookie, body: { code: wrong } })
  expect(refused.status).toBe(422)
  expect(await db.auditLog.count({ where: { actorId: admin.user.id, action: "auth.mfa_failed" } })).toBe(1)
  expect((await db.session.findFirstOrThrow({ where: { userId: admin.user.id } })).mfaVerifiedAt).toBeNull()

  expect((await callRoute(verify, "POST", "/api/mfa/verify", { cookie: admin.cookie, body: { code } })).status).toBe(
    200,
  )
  const replay = await callRoute(verify, "POST", "/api/mfa/verify", { cookie: admin.cookie, body: { code } })
  expect(replay.status).toBe(422)

  const badShape = await callRoute(verify, "POST", "/api/mfa/verify", { cookie: admin.cookie, body: { code: "12ab" } })
  expect(badShape.status).toBe(422)
  // 5 failed attempts per 5 minutes (a right code gives its attempt back): wrong and replay used 2
  // (the bad shape never reached the limiter); three more wrong ones are still answered, then 429.
  for (let i = 0; i < 3; i++)
    expect(
      (await callRoute(verify, "POST", "/api/mfa/verify", { cookie: admin.cookie, body: { code: wrong } })).status,
    ).toBe(422)
  const limited = await callRoute(verify, "POST", "/api/mfa/verify", { cookie: admin.cookie, body: { code: wrong } })
  expect(limited.status).toBe(429)
})

test("subscribers and anonymous callers cannot use the second-factor routes", async () => {
  const subscriber = await signedInAs("SUBSCRIBER")
  expect((await callRoute(enrol, "POST", "/api/mfa/enrol", { cookie: subscriber.cookie })).status).toBe(403)
  expect((await callRoute(verify, "POST", "/api/mfa/verify", { body: { code: "123456" } })).status).toBe(401)
})

test("a TOTP code used by two concurrent requests succeeds once", async () => {
  const admin = await signedInAs("ADMIN", { mfa: false })
  const { secret } = await (await callRoute(enrol, "POST", "/api/mfa/enrol", { cookie: admin.cookie })).json()
  // The same staff member in a second browser: the code must open one session, not both.
  const other = await createTestSession(admin.user.id)
  const code = await generate({ secret })
  const answers = await Promise.all(
    [admin.cookie, other.cookie].map((cookie) =>
      callRoute(verify, "POST", "/api/mfa/verify", { cookie, body: { code } }),
    ),
  )
  expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422])
  expect(await db.session.count({ where: { userId: admin.user.id, mfaVerifiedAt: { not: null } } })).toBe(1)
  expect(await db.auditLog.count({ where: { actorId: admin.user.id, action: "auth.mfa_verified" } })).toBe(1)
})

test("TOTP attempts survive a restart: they are counted in the database", async () => {
  const owner = await signedInAs("OWNER", { mfa: false })
  const { secret } = await (await callRoute(enrol, "POST", "/api/mfa/enrol", { cookie: owner.cookie })).json()
  const code = await generate({ secret })
  const wrong = code === "000000" ? "111111" : "000000"
  for (let i = 0; i < 5; i++)
    expect(
      (await callRoute(verify, "POST", "/api/mfa/verify", { cookie: owner.cookie, body: { code: wrong } })).status,
    ).toBe(422)
  expect(
    await db.user.findUniqueOrThrow({ where: { id: owner.user.id }, select: { totpFailedAttempts: true } }),
  ).toEqual({ totpFailedAttempts: 5 })

  // A new process: every module loaded afresh, nothing kept in memory.
  vi.resetModules()
  const { POST: verifyAfterRestart } = await import("@/app/api/mfa/verify/route")
  const locked = await callRoute(verifyAfterRestart, "POST", "/api/mfa/verify", {
    cookie: owner.cookie,
    body: { code: wrong },
  })
  expect(locked.status).toBe(429)
  expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0)
  // Locked means locked: the right code waits for the window too.
  expect(
    (await callRoute(verifyAfterRestart, "POST", "/api/mfa/verify", { cookie: owner.cookie, body: { code } })).status,
  ).toBe(429)

  // Five minutes after the first failure the window is over.
  vi.useFakeTimers({ toFake: ["Date"] })
  try {
    vi.setSystemTime(Date.now() + 5 * 60_000 + 1_000)
    const fresh = await generate({ secret })
    expect(
      (await callRoute(verifyAfterRestart, "POST", "/api/mfa/verify", { cookie: owner.cookie, body: { code: fresh } }))
        .status,
    ).toBe(200)
    expect(
      await db.user.findUniqueOrThrow({ where: { id: owner.user.id }, select: { totpFailedAttempts: true } }),
    ).toEqual({ totpFailedAttempts: 0 })
  } finally {
    vi.useRealTimers()
  }
})
