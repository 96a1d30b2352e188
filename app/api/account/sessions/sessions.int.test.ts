import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { createTestSession, signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { DELETE as revokeOne } from "./[id]/route"
import { DELETE as signOutEverywhere, GET as list } from "./route"

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"

type Listed = { id: string; device: string; current: boolean; createdAt: string; lastSeenAt: string }

test("the list shows the caller's own sessions, with their device, the current one marked", async () => {
  const ada = await signedInAs("SUBSCRIBER")
  const laptop = await createTestSession(ada.user.id)
  await db.session.update({
    where: { id: laptop.sessionId },
    data: { userAgent: FIREFOX, lastSeenAt: new Date(Date.now() - 3_600_000) },
  })
  const stranger = await signedInAs("SUBSCRIBER")

  const response = await callRoute(list, "GET", "/api/account/sessions", { cookie: ada.cookie })
  expect(response.status).toBe(200)
  const { sessions } = (await response.json()) as { sessions: Listed[] }
  expect(sessions.map((s) => [s.id, s.current])).toEqual([
    [ada.sessionId, true],
    [laptop.sessionId, false],
  ])
  expect(sessions[1]).toMatchObject({ device: "Firefox on Linux" })
  expect(sessions.map((s) => s.id)).not.toContain(stranger.sessionId)
})

test("sign out everywhere ends every other session, and only the caller's", async () => {
  const ada = await signedInAs("SUBSCRIBER")
  const phone = await createTestSession(ada.user.id)
  const tablet = await createTestSession(ada.user.id)
  const stranger = await signedInAs("SUBSCRIBER")

  const response = await callRoute(signOutEverywhere, "DELETE", "/api/account/sessions", { cookie: ada.cookie })
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ ended: 2 })
  expect(await db.session.findMany({ where: { userId: ada.user.id }, select: { id: true } })).toEqual([
    { id: ada.sessionId },
  ])
  for (const gone of [phone, tablet])
    expect((await callRoute(list, "GET", "/api/account/sessions", { cookie: gone.cookie })).status).toBe(401)
  expect((await callRoute(list, "GET", "/api/account/sessions", { cookie: stranger.cookie })).status).toBe(200)
  expect(await db.auditLog.count({ where: { actorId: ada.user.id, action: "auth.signed_out_everywhere" } })).toBe(1)
})

test("a session can be ended one at a time; someone else's is refused as not found", async () => {
  const ada = await signedInAs("SUBSCRIBER")
  const phone = await createTestSession(ada.user.id)
  const mallory = await signedInAs("SUBSCRIBER")

  const refused = await callRoute(revokeOne, "DELETE", `/api/account/sessions/${ada.sessionId}`, {
    cookie: mallory.cookie,
    params: { id: ada.sessionId },
  })
  expect(refused.status).toBe(404)
  expect(await db.session.count({ where: { id: ada.sessionId } })).toBe(1)

  const ended = await callRoute(revokeOne, "DELETE", `/api/account/sessions/${phone.sessionId}`, {
    cookie: ada.cookie,
    params: { id: phone.sessionId },
  })
  expect(ended.status).toBe(200)
  expect(await ended.json()).toEqual({ revoked: phone.sessionId, current: false })
  expect(await db.session.count({ where: { id: phone.sessionId } })).toBe(0)
  expect(
    await db.auditLog.count({
      where: { actorId: ada.user.id, action: "auth.session_revoked", targetId: phone.sessionId },
    }),
  ).toBe(1)
})

test("staff manage their own sessions after the second factor; anonymous callers are refused", async () => {
  const support = await signedInAs("SUPPORT")
  const other = await createTestSession(support.user.id, { mfa: true })
  expect(
    (await callRoute(signOutEverywhere, "DELETE", "/api/account/sessions", { cookie: support.cookie })).status,
  ).toBe(200)
  expect(await db.session.count({ where: { id: other.sessionId } })).toBe(0)

  const noMfa = await signedInAs("SUPPORT", { mfa: false })
  expect((await callRoute(list, "GET", "/api/account/sessions", { cookie: noMfa.cookie })).status).toBe(401)
  expect((await callRoute(list, "GET", "/api/account/sessions")).status).toBe(401)
  expect((await callRoute(signOutEverywhere, "DELETE", "/api/account/sessions")).status).toBe(401)
  expect((await callRoute(revokeOne, "DELETE", "/api/account/sessions/x", { params: { id: "x" } })).status).toBe(401)
})
