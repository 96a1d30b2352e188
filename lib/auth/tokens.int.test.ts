import { expect, test } from "vitest"
import { DELETE } from "@/app/api/admin/tokens/[id]/route"
import { GET, POST } from "@/app/api/admin/tokens/route"
import { GET as audit } from "@/app/api/admin/audit/route"
import { db } from "@/lib/db"
import { createTestToken, signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { runCli } from "@/scripts/cli/commands"
import { createApiToken } from "./tokens"

const DAY_MS = 86_400_000
const mint = (auth: { cookie?: string; token?: string }, body: unknown) =>
  callRoute(POST, "POST", "/api/admin/tokens", { ...auth, body })
const list = async (auth: { cookie?: string; token?: string }) =>
  (await (await callRoute(GET, "GET", "/api/admin/tokens", auth)).json()).items as {
    id: string
    user: { email: string }
  }[]
const revoke = (auth: { cookie?: string; token?: string }, id: string) =>
  callRoute(DELETE, "DELETE", `/api/admin/tokens/${id}`, { ...auth, params: { id } })
const auditTrail = async (id: string) =>
  (await db.auditLog.findMany({ where: { targetId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map(
    (e) => ({ action: e.action, actor: e.actorEmail, metadata: e.metadata }),
  )

test("a staff member mints a token for themselves; it works until revoked; create, use and revoke are audited with the real actor", async () => {
  const engineer = await signedInAs("ENGINEER")
  const before = Date.now()
  const created = await mint({ cookie: engineer.cookie }, { name: "grafana", scopes: ["read"], expiresInDays: 30 })
  expect(created.status).toBe(201)
  expect(created.headers.get("cache-control")).toBe("no-store")
  const { token, id, expiresAt } = await created.json()
  expect(token).toMatch(/^acv_[\w-]{43}$/)
  expect(new Date(expiresAt).getTime() - before).toBeGreaterThanOrEqual(30 * DAY_MS)
  expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(30 * DAY_MS)

  const row = await db.apiToken.findUniqueOrThrow({ where: { id } })
  expect(row).toMatchObject({ userId: engineer.user.id, scopes: ["read"], revokedAt: null, lastUsedAt: null })
  expect(row.tokenHash).not.toContain(token.slice(4))

  // The token reads as the engineer; the engineer's own list shows it, without the secret.
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token })).status).toBe(200)
  expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull()
  const listed = await (await callRoute(GET, "GET", "/api/admin/tokens", { cookie: engineer.cookie })).json()
  expect(listed.items).toHaveLength(1)
  expect(listed.items[0]).toMatchObject({
    id,
    name: "grafana",
    prefix: token.slice(0, 12),
    scopes: ["read"],
    revokedAt: null,
    user: { email: engineer.user.email },
  })
  expect(JSON.stringify(listed)).not.toContain(token)

  expect((await revoke({ cookie: engineer.cookie }, id)).status).toBe(204)
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token })).status).toBe(401)

  expect(await auditTrail(id)).toEqual([
    {
      action: "token.created",
      actor: engineer.user.email,
      metadata: expect.objectContaining({ via: "session", holder: engineer.user.email, scopes: ["read"] }),
    },
    { action: "token.used", actor: engineer.user.email, metadata: { via: "token", tokenId: id, name: "grafana" } },
    { action: "token.revoked", actor: engineer.user.email, metadata: { via: "session", name: "grafana" } },
  ])
})

test("regression: an admin cannot mint a token for the owner (the API takes no target; naming one is a 422)", async () => {
  const owner = await signedInAs("OWNER")
  const admin = await signedInAs("ADMIN")
  for (const target of [{ email: owner.user.email }, { userId: owner.user.id }]) {
    const response = await mint({ cookie: admin.cookie }, { ...target, name: "owner's", scopes: ["admin"] })
    expect(response.status).toBe(422)
    expect(JSON.stringify((await response.json()).error.details)).toContain(Object.keys(target)[0])
  }
  expect(await db.apiToken.count({ where: { userId: owner.user.id } })).toBe(0)

  // Without a target the token is the admin's own, acting with the admin's role.
  const { id } = await (await mint({ cookie: admin.cookie }, { name: "mine", scopes: ["read"] })).json()
  expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).userId).toBe(admin.user.id)
})

test("regression: minting needs the second factor", async () => {
  const admin = await signedInAs("ADMIN", { mfa: false })
  const response = await mint({ cookie: admin.cookie }, { name: "x", scopes: ["read"] })
  expect(response.status).toBe(401)
  expect((await response.json()).error.code).toBe("mfa_required")
  // The rule is the domain's, not only the wrapper's.
  await expect(
    createApiToken({
      name: "x",
      scopes: ["read"],
      expiresInDays: 1,
      by: { user: admin.user, via: "session", mfaVerified: false },
    }),
  ).rejects.toMatchObject({ code: "mfa_required" })
  expect(await db.apiToken.count({ where: { userId: admin.user.id } })).toBe(0)
})

test("regression: a token cannot mint a token, whatever its scopes", async () => {
  const owner = await signedInAs("OWNER")
  const { token } = await createTestToken(owner.user, ["read", "orders", "billing", "admin"])
  const response = await mint({ token }, { name: "child", scopes: ["admin"] })
  expect(response.status).toBe(403)
  expect((await response.json()).error.message).toMatch(/token cannot mint/)
  expect(await db.apiToken.count({ where: { userId: owner.user.id } })).toBe(1)
})

test("regression: only admins and owners list all tokens; others see and revoke only their own", async () => {
  const [support, engineer, admin, owner] = await Promise.all([
    signedInAs("SUPPORT"),
    signedInAs("ENGINEER"),
    signedInAs("ADMIN"),
    signedInAs("OWNER"),
  ])
  const supportToken = await createTestToken(support.user)
  const engineerToken = await createTestToken(engineer.user)
  const adminToken = await createTestToken(admin.user)
  const mine = [supportToken.id, engineerToken.id, adminToken.id]

  expect((await list({ cookie: support.cookie })).map((t) => t.id)).toEqual([supportToken.id])
  expect((await list({ cookie: engineer.cookie })).map((t) => t.id)).toEqual([engineerToken.id])
  for (const manager of [admin, owner]) {
    const seen = (await list({ cookie: manager.cookie })).map((t) => t.id)
    expect(seen).toEqual(expect.arrayContaining(mine))
  }
  // A manager's token reads everyone's list too (its holder's role decides, as for a session).
  expect((await list({ token: adminToken.token })).map((t) => t.id)).toEqual(expect.arrayContaining(mine))

  // Another's token is "not found" to a non-manager; a manager may revoke anyone's.
  expect((await revoke({ cookie: support.cookie }, engineerToken.id)).status).toBe(404)
  expect((await db.apiToken.findUniqueOrThrow({ where: { id: engineerToken.id } })).revokedAt).toBeNull()
  expect((await revoke({ cookie: support.cookie }, supportToken.id)).status).toBe(204)
  expect((await revoke({ cookie: admin.cookie }, engineerToken.id)).status).toBe(204)
  expect(await auditTrail(engineerToken.id)).toContainEqual({
    action: "token.revoked",
    actor: admin.user.email,
    metadata: { via: "session", name: expect.any(String) },
  })

  // Revoking through a token (admin scope) names the token that did it.
  const ownerToken = await createTestToken(owner.user, ["admin"])
  expect((await revoke({ token: ownerToken.token }, adminToken.id)).status).toBe(204)
  expect(await auditTrail(adminToken.id)).toContainEqual({
    action: "token.revoked",
    actor: owner.user.email,
    metadata: { via: "token", tokenId: ownerToken.id, name: expect.any(String) },
  })
})

test("scopes and expiry are checked: one scope at least, known ones, at most a year, 90 days by default", async () => {
  const owner = await signedInAs("OWNER")
  const subscriber = await signedInAs("SUBSCRIBER")
  const before = await db.apiToken.count()
  const refused = [
    [{ name: "", scopes: ["read"] }, ["name"]],
    [{ name: "x", scopes: [] }, ["scopes"]],
    [{ name: "x" }, ["scopes"]],
    [{ name: "x", scopes: ["root"] }, ["scopes.0"]],
    [{ name: "x", scopes: ["read"], expiresInDays: 366 }, ["expiresInDays"]],
    [{ name: "x", scopes: ["read"], expiresInDays: 0 }, ["expiresInDays"]],
    [{ name: "x", scopes: ["read"], expiresInDays: 1.5 }, ["expiresInDays"]],
  ] as const
  for (const [body, paths] of refused) {
    const response = await mint({ cookie: owner.cookie }, body)
    expect(response.status, JSON.stringify(body)).toBe(422)
    expect((await response.json()).error.details.map((d: { path: string }) => d.path)).toEqual(paths)
  }
  expect((await mint({ cookie: subscriber.cookie }, { name: "x", scopes: ["read"] })).status).toBe(403)
  expect((await revoke({ cookie: owner.cookie }, "nope")).status).toBe(404)
  expect(await db.apiToken.count()).toBe(before)

  const byDefault = await (
    await mint({ cookie: owner.cookie }, { name: "x", scopes: ["read", "read", "orders"] })
  ).json()
  const row = await db.apiToken.findUniqueOrThrow({ where: { id: byDefault.id } })
  expect(row.scopes).toEqual(["read", "orders"])
  expect(Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / DAY_MS)).toBe(90)
  const year = await (await mint({ cookie: owner.cookie }, { name: "y", scopes: ["read"], expiresInDays: 365 })).json()
  expect(Math.round((new Date(year.expiresAt).getTime() - Date.now()) / DAY_MS)).toBe(365)
})

test("npm run cli -- token create mints for a named staff member with scopes and expiry, audited via cli; list and revoke work", async () => {
  const admin = await signedInAs("ADMIN")
  const lines: string[] = []
  const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(`ERR ${line}`) }
  expect(
    await runCli(
      ["token", "create", "--email", admin.user.email, "--name", "ci", "--scopes", "read,orders", "--days", "7"],
      out,
    ),
  ).toBe(0)
  const token = lines.find((line) => line.startsWith("acv_"))!
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token })).status).toBe(200)
  const row = await db.apiToken.findFirstOrThrow({ where: { userId: admin.user.id, name: "ci" } })
  expect(row.scopes).toEqual(["read", "orders"])
  expect(Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / DAY_MS)).toBe(7)

  lines.length = 0
  expect(await runCli(["token", "list"], out)).toBe(0)
  const line = lines.find((l) => l.startsWith(row.id))!
  expect(line).toContain("[read,orders]")
  expect(line).toContain(`active until ${row.expiresAt.toISOString()}`)
  expect(await runCli(["token", "revoke", "--id", row.id], out)).toBe(0)
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token })).status).toBe(401)
  const trail = await auditTrail(row.id)
  expect(trail.map((e) => [e.action, e.actor, (e.metadata as { via: string }).via])).toEqual([
    ["token.created", null, "cli"],
    ["token.used", admin.user.email, "token"],
    ["token.revoked", null, "cli"],
  ])

  lines.length = 0
  expect(
    await runCli(
      ["token", "create", "--email", "nobody@test.example", "--name", "x", "--scopes", "read", "--days", "1"],
      out,
    ),
  ).toBe(1)
  expect(lines.join("\n")).toContain("no user with email")
  lines.length = 0
  // Scopes and expiry are required of the operator: no defaults there.
  expect(await runCli(["token", "create", "--email", admin.user.email, "--name", "x"], out)).toBe(2)
  expect(lines.join("\n")).toContain("--scopes")
  expect(lines.join("\n")).toContain("--days")
  expect(
    await runCli(
      ["token", "create", "--email", admin.user.email, "--name", "x", "--scopes", "read", "--days", "400"],
      out,
    ),
  ).toBe(2)
  expect(await runCli(["token", "create"], out)).toBe(2)
  expect(await runCli(["bogus"], out)).toBe(2)
})
