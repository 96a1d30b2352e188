import { expect, test } from "vitest"
import { PUT } from "@/app/api/admin/team/role/route"
import { GET as team } from "@/app/api/admin/team/route"
import { db } from "@/lib/db"
import { createTestSession, createTestUser, signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { runCli } from "@/scripts/cli/commands"

const setRole = (cookie: string, email: string, role: string) =>
  callRoute(PUT, "PUT", "/api/admin/team/role", { cookie, body: { email, role } })

test("an owner promotes a subscriber to support: audited, and the user's old sessions end", async () => {
  const owner = await signedInAs("OWNER")
  const user = await createTestUser("SUBSCRIBER")
  await createTestSession(user.id)
  const response = await setRole(owner.cookie, user.email, "SUPPORT")
  expect(response.status).toBe(200)
  expect(await response.json()).toMatchObject({ email: user.email, role: "SUPPORT", mfaEnrolled: false })
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0)
  const entry = await db.auditLog.findFirstOrThrow({ where: { action: "user.role_changed", targetId: user.id } })
  expect(entry).toMatchObject({ actorId: owner.user.id, metadata: { from: "SUBSCRIBER", to: "SUPPORT" } })
  const members = (await (await callRoute(team, "GET", "/api/admin/team", { cookie: owner.cookie })).json()).items
  expect(members.map((m: { email: string }) => m.email)).toContain(user.email)
})

test("an admin cannot grant admin or owner, nor touch an admin", async () => {
  const admin = await signedInAs("ADMIN")
  const user = await createTestUser("SUBSCRIBER")
  const otherAdmin = await createTestUser("ADMIN")
  expect((await setRole(admin.cookie, user.email, "ADMIN")).status).toBe(403)
  expect((await setRole(admin.cookie, otherAdmin.email, "SUPPORT")).status).toBe(403)
  expect((await setRole(admin.cookie, user.email, "ENGINEER")).status).toBe(200)
})

test("nobody changes their own role, and the operator's CLI cannot demote the last owner", async () => {
  const owner = await signedInAs("OWNER")
  expect((await setRole(owner.cookie, owner.user.email, "ADMIN")).status).toBe(403)
  await db.user.updateMany({ where: { role: "OWNER", id: { not: owner.user.id } }, data: { role: "ADMIN" } })
  const out = { log: () => {}, error: () => {} }
  expect(await runCli(["user", "role", "--email", owner.user.email, "--role", "admin"], out)).toBe(1)
  expect((await db.user.findUniqueOrThrow({ where: { id: owner.user.id } })).role).toBe("OWNER")
  const other = await createTestUser("SUPPORT")
  expect(await runCli(["user", "role", "--email", other.email, "--role", "owner"], out)).toBe(0)
  expect(await runCli(["user", "role", "--email", owner.user.email, "--role", "admin"], out)).toBe(0)
})

test("bad input: unknown role 422, unknown user 404, nothing written", async () => {
  const owner = await signedInAs("OWNER")
  const before = await db.auditLog.count()
  expect((await setRole(owner.cookie, "someone@test.example", "KING")).status).toBe(422)
  expect((await setRole(owner.cookie, "nobody@test.example", "SUPPORT")).status).toBe(404)
  expect(await db.auditLog.count()).toBe(before)
})
