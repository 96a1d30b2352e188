import { expect, test } from "vitest"
import { GET as audit } from "@/app/api/admin/audit/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { findSession } from "./session"

test('regression: a session cookie holding NUL ("%00" decoded) finds no one, rather than failing the page', async () => {
  const { user, token } = await signedInAs("SUBSCRIBER")
  expect((await findSession(token))?.user.id).toBe(user.id)
  await expect(findSession("\u0000")).resolves.toBeNull()
  await expect(findSession(`${token}\u0000`)).resolves.toBeNull()
})

const HOUR = 3_600_000

test("a staff session idle 12 hours is refused (and ended); a subscriber's is not", async () => {
  const support = await signedInAs("SUPPORT")
  await db.session.update({
    where: { id: support.sessionId },
    data: { lastSeenAt: new Date(Date.now() - 12 * HOUR - 1_000) },
  })
  const refused = await callRoute(audit, "GET", "/api/admin/audit", { cookie: support.cookie })
  expect(refused.status).toBe(401)
  expect(await findSession(support.token)).toBeNull()
  expect(await db.session.count({ where: { id: support.sessionId } })).toBe(0)

  const subscriber = await signedInAs("SUBSCRIBER")
  await db.session.update({
    where: { id: subscriber.sessionId },
    data: { lastSeenAt: new Date(Date.now() - 12 * HOUR - 1_000) },
  })
  expect((await findSession(subscriber.token))?.user.id).toBe(subscriber.user.id)
})

test("a staff session in use keeps going, and notes when it was last seen", async () => {
  const engineer = await signedInAs("ENGINEER")
  const earlier = new Date(Date.now() - 11 * HOUR)
  await db.session.update({ where: { id: engineer.sessionId }, data: { lastSeenAt: earlier } })
  expect((await callRoute(audit, "GET", "/api/admin/audit", { cookie: engineer.cookie })).status).toBe(200)
  const { lastSeenAt } = await db.session.findUniqueOrThrow({
    where: { id: engineer.sessionId },
    select: { lastSeenAt: true },
  })
  expect(lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000)
})

test("after 24 hours the second factor is asked again", async () => {
  const admin = await signedInAs("ADMIN")
  expect((await callRoute(audit, "GET", "/api/admin/audit", { cookie: admin.cookie })).status).toBe(200)
  await db.session.update({
    where: { id: admin.sessionId },
    data: { mfaVerifiedAt: new Date(Date.now() - 24 * HOUR - 1_000) },
  })
  const asked = await callRoute(audit, "GET", "/api/admin/audit", { cookie: admin.cookie })
  expect(asked.status).toBe(401)
  expect(await asked.json()).toMatchObject({ error: { code: "mfa_required" } })
  expect(await findSession(admin.token)).toMatchObject({ id: admin.sessionId, mfaVerified: false })
})
