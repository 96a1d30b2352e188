import { expect, test } from "vitest"
import { DELETE } from "@/app/api/admin/tokens/[id]/route"
import { GET, POST } from "@/app/api/admin/tokens/route"
import { GET as audit } from "@/app/api/admin/audit/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { runCli } from "@/scripts/cli/commands"

test("an admin issues a token for a staff member; it works until revoked; both are audited", async () => {
  const admin = await signedInAs("ADMIN")
  const engineer = await signedInAs("ENGINEER")
  const created = await callRoute(POST, "POST", "/api/admin/tokens", { cookie: admin.cookie, body: { email: engineer.user.email, name: "grafana" } })
  expect(created.status).toBe(201)
  const { token, id } = await created.json()
  expect(token).toMatch(/^acv_[\w-]{43}$/)

  // The token authenticates /api/admin/* as the engineer (a staff role without manager rights).
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token })).status).toBe(200)
  expect((await callRoute(GET, "GET", "/api/admin/tokens", { token })).status).toBe(403)

  const row = await db.apiToken.findUniqueOrThrow({ where: { id } })
  expect(row.tokenHash).not.toContain(token.slice(4))
  expect(row.lastUsedAt).not.toBeNull()

  const listed = await (await callRoute(GET, "GET", "/api/admin/tokens", { cookie: admin.cookie })).json()
  expect(listed.items[0]).toMatchObject({ id, name: "grafana", prefix: token.slice(0, 12), revokedAt: null, user: { email: engineer.user.email } })
  expect(JSON.stringify(listed)).not.toContain(token)

  expect((await callRoute(DELETE, "DELETE", `/api/admin/tokens/${id}`, { cookie: admin.cookie, params: { id } })).status).toBe(204)
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token })).status).toBe(401)

  const actions = (await db.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } })).map((e) => [e.action, e.actorEmail])
  expect(actions).toEqual([
    ["token.created", admin.user.email],
    ["token.revoked", admin.user.email],
  ])
})

test("tokens are for staff only, and bad input is refused without writing", async () => {
  const owner = await signedInAs("OWNER")
  const subscriber = await signedInAs("SUBSCRIBER")
  const before = await db.apiToken.count()
  const forSubscriber = await callRoute(POST, "POST", "/api/admin/tokens", { cookie: owner.cookie, body: { email: subscriber.user.email, name: "x" } })
  expect(forSubscriber.status).toBe(422)
  const invalid = await callRoute(POST, "POST", "/api/admin/tokens", { cookie: owner.cookie, body: { email: "not-an-email", name: "" } })
  expect(invalid.status).toBe(422)
  expect((await invalid.json()).error.details.map((d: { path: string }) => d.path).sort()).toEqual(["email", "name"])
  const unknown = await callRoute(DELETE, "DELETE", "/api/admin/tokens/nope", { cookie: owner.cookie, params: { id: "nope" } })
  expect(unknown.status).toBe(404)
  expect(await db.apiToken.count()).toBe(before)
})

test("support staff may not manage tokens", async () => {
  const support = await signedInAs("SUPPORT")
  const response = await callRoute(POST, "POST", "/api/admin/tokens", { cookie: support.cookie, body: { email: support.user.email, name: "mine" } })
  expect(response.status).toBe(403)
})

test("npm run cli -- token create prints a working token; list and revoke work", async () => {
  const admin = await signedInAs("ADMIN")
  const lines: string[] = []
  const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(`ERR ${line}`) }
  expect(await runCli(["token", "create", "--email", admin.user.email, "--name", "ci"], out)).toBe(0)
  const token = lines.find((line) => line.startsWith("acv_"))!
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token })).status).toBe(200)

  lines.length = 0
  expect(await runCli(["token", "list"], out)).toBe(0)
  const id = lines.find((line) => line.includes(" ci "))!.split(" ")[0]!
  expect(await runCli(["token", "revoke", "--id", id], out)).toBe(0)
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token })).status).toBe(401)

  lines.length = 0
  expect(await runCli(["token", "create", "--email", "nobody@test.example", "--name", "x"], out)).toBe(1)
  expect(lines.join("\n")).toContain("no user with email")
  expect(await runCli(["token", "create"], out)).toBe(2)
  expect(await runCli(["bogus"], out)).toBe(2)
})
