import { readdir } from "node:fs/promises"
import path from "node:path"
import { expect, test } from "vitest"
import { GET as audit } from "@/app/api/admin/audit/route"
import { GET as errorGroups } from "@/app/api/admin/errors/route"
import { POST as refund } from "@/app/api/admin/customers/[id]/refund/route"
import { POST as release } from "@/app/api/admin/orders/[id]/release/route"
import { GET as orders } from "@/app/api/admin/orders/route"
import { PUT as setRole } from "@/app/api/admin/team/role/route"
import { db } from "@/lib/db"
import { route } from "@/lib/http/route"
import { createTestToken, createTestUser, signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { STAFF_ROLES } from "./roles"

type Handler = Parameters<typeof callRoute>[0]
const WRITE_VERBS = ["POST", "PUT", "PATCH", "DELETE"] as const

async function routeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? routeFiles(path.join(dir, e.name))
        : Promise.resolve(e.name === "route.ts" ? [path.join(dir, e.name)] : []),
    ),
  )
  return nested.flat()
}

test("regression: a token acts with its holder's current role (a demoted holder's token loses that access at once)", async () => {
  const engineer = await createTestUser("ENGINEER")
  const { token } = await createTestToken(engineer, ["read"])
  // Error groups are for engineers, admins and owners.
  expect((await callRoute(errorGroups, "GET", "/api/admin/errors", { token })).status).toBe(200)

  await db.user.update({ where: { id: engineer.id }, data: { role: "SUPPORT" } })
  expect((await callRoute(errorGroups, "GET", "/api/admin/errors", { token })).status).toBe(403)
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token })).status).toBe(200)

  // No longer staff: the token is refused like an unknown one.
  await db.user.update({ where: { id: engineer.id }, data: { role: "SUBSCRIBER" } })
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token })).status).toBe(401)

  // Scopes never add to a role: a support member's admin-scoped token cannot change roles.
  const support = await createTestUser("SUPPORT")
  const wide = await createTestToken(support, ["read", "orders", "billing", "admin"])
  const response = await callRoute(setRole, "PUT", "/api/admin/team/role", {
    token: wide.token,
    body: { email: support.email, role: "OWNER" },
  })
  expect(response.status).toBe(403)
  expect((await db.user.findUniqueOrThrow({ where: { id: support.id } })).role).toBe("SUPPORT")
})

test("regression: a read-only token cannot write (403 on every /api/admin write, whatever the holder's role)", async () => {
  const owner = await createTestUser("OWNER")
  const { token } = await createTestToken(owner, ["read"])
  const files = await routeFiles(path.resolve("app/api/admin"))
  let writes = 0
  for (const file of files) {
    const mod = (await import(file)) as Partial<Record<(typeof WRITE_VERBS)[number] | "GET", Handler>>
    const urlPath = "/" + path.relative(path.resolve("app"), path.dirname(file)).replace(/\[(\w+)\]/g, "x")
    for (const verb of WRITE_VERBS) {
      const handler = mod[verb]
      if (!handler) continue
      const response = await callRoute(handler, verb, urlPath, {
        token,
        params: { id: "x" },
        body: verb === "DELETE" ? undefined : {},
      })
      expect(response.status, `${verb} ${urlPath}`).toBe(403)
      expect((await response.json()).error.message, `${verb} ${urlPath}`).toMatch(/scopes do not cover/)
      writes += 1
    }
    if (mod.GET)
      expect(
        (await callRoute(mod.GET, "GET", urlPath, { token, params: { id: "x" } })).status,
        `GET ${urlPath}`,
      ).not.toBe(403)
  }
  expect(writes).toBeGreaterThanOrEqual(10)
  expect(
    await db.auditLog.count({ where: { actorId: owner.id, action: { notIn: ["token.created", "token.used"] } } }),
  ).toBe(0)
})

test("a write scope opens the routes that declare it, and only those; admin covers routes that declare none", async () => {
  const admin = await createTestUser("ADMIN")
  const ordersToken = (await createTestToken(admin, ["orders"])).token
  const billingToken = (await createTestToken(admin, ["billing"])).token
  const adminToken = await createTestToken(admin, ["admin"])

  // Past the scope check an unknown order is 404; refused before it, 403.
  expect(
    (await callRoute(release, "POST", "/api/admin/orders/x/release", { token: ordersToken, params: { id: "x" } }))
      .status,
  ).toBe(404)
  expect(
    (await callRoute(release, "POST", "/api/admin/orders/x/release", { token: billingToken, params: { id: "x" } }))
      .status,
  ).toBe(403)
  expect(
    (await callRoute(release, "POST", "/api/admin/orders/x/release", { token: adminToken.token, params: { id: "x" } }))
      .status,
  ).toBe(403)
  expect(
    (
      await callRoute(refund, "POST", "/api/admin/customers/x/refund", {
        token: ordersToken,
        params: { id: "x" },
        body: {},
      })
    ).status,
  ).toBe(403)
  expect(
    (
      await callRoute(refund, "POST", "/api/admin/customers/x/refund", {
        token: billingToken,
        params: { id: "x" },
        body: {},
      })
    ).status,
  ).toBe(422)

  // A write scope reads its own routes; other reads need `read` (or admin where none is declared).
  expect((await callRoute(orders, "GET", "/api/admin/orders", { token: ordersToken })).status).toBe(200)
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token: ordersToken })).status).toBe(403)
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token: adminToken.token })).status).toBe(200)

  // A route that declares nothing takes admin for writes; the wrapper's audit names the token.
  const undeclared = route({ roles: STAFF_ROLES }, async () => Response.json({ done: true }))
  expect((await callRoute(undeclared, "POST", "/api/admin/probe", { token: ordersToken })).status).toBe(403)
  expect((await callRoute(undeclared, "POST", "/api/admin/probe", { token: adminToken.token })).status).toBe(200)
  const entry = await db.auditLog.findFirstOrThrow({ where: { actorId: admin.id, action: "staff.write" } })
  expect(entry).toMatchObject({
    actorEmail: admin.email,
    targetId: "/api/admin/probe",
    metadata: { method: "POST", status: 200, via: "token", tokenId: adminToken.id },
  })
})

test("regression: an expired token is refused (401, like an unknown token)", async () => {
  const admin = await signedInAs("ADMIN")
  const { token, id } = await createTestToken(admin.user, ["read"], 1)
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token })).status).toBe(200)
  await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } })
  const refused = await callRoute(audit, "GET", "/api/admin/audit", { token })
  expect(refused.status).toBe(401)
  expect((await refused.json()).error).toMatchObject({
    code: "unauthorized",
    message: "the API token is unknown, expired or revoked",
  })
  // The holder's session is unaffected.
  expect((await callRoute(audit, "GET", "/api/admin/audit", { cookie: admin.cookie })).status).toBe(200)
})

test("a token's use is audited with its holder as actor, once an hour per token, and lastUsedAt follows", async () => {
  const support = await createTestUser("SUPPORT")
  const { token, id } = await createTestToken(support, ["read"])
  for (let i = 0; i < 3; i += 1) expect((await callRoute(audit, "GET", "/api/admin/audit", { token })).status).toBe(200)
  const uses = () =>
    db.auditLog.findMany({
      where: { targetId: id, action: "token.used" },
      select: { actorId: true, actorEmail: true, metadata: true },
    })
  expect(await uses()).toEqual([
    {
      actorId: support.id,
      actorEmail: support.email,
      metadata: { via: "token", tokenId: id, name: expect.any(String) },
    },
  ])

  // An hour later the next use writes a second entry.
  const earlier = new Date(Date.now() - 3_600_001)
  await db.apiToken.update({ where: { id }, data: { useAuditedAt: earlier, lastUsedAt: earlier } })
  expect((await callRoute(audit, "GET", "/api/admin/audit", { token })).status).toBe(200)
  expect(await uses()).toHaveLength(2)
  const row = await db.apiToken.findUniqueOrThrow({ where: { id } })
  expect(row.lastUsedAt!.getTime()).toBeGreaterThan(earlier.getTime())
  expect(row.useAuditedAt!.getTime()).toBe(row.lastUsedAt!.getTime())
})
