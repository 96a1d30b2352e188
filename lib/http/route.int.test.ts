import { describe, expect, test } from "vitest"
import { z } from "zod"
import { db } from "@/lib/db"
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { AppError } from "./errors"
import { route } from "./route"

const echo = route({ body: z.object({ name: z.string().min(1), count: z.number().int() }) }, async ({ body }) => Response.json(body))
const staffOnly = route({ roles: ["ADMIN", "OWNER"] }, async ({ caller }) => Response.json({ email: caller!.user.email }))
const staffWrite = route({ roles: ["SUPPORT"] }, async () => Response.json({ done: true }))
const listing = route({ query: z.object({ page: z.coerce.number().int().min(1).default(1) }) }, async ({ query }) => Response.json(query))
const failing = route({}, async () => {
  throw new Error("database exploded with secret details")
})
const conflict = route({}, async () => {
  throw new AppError("conflict", "already done")
})
const limited = route({ rateLimit: { points: 2, durationSeconds: 60 } }, async () => Response.json({ ok: true }))

describe("validation and the error shape", () => {
  test("a valid body reaches the handler", async () => {
    const response = await callRoute(echo, "POST", "/t", { body: { name: "a", count: 2 } })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ name: "a", count: 2 })
  })

  test("malformed JSON is 400", async () => {
    const response = await callRoute(echo, "POST", "/t", { rawBody: "{not json", headers: { "content-type": "application/json" } })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: { code: "bad_request", message: "body is not valid JSON" } })
  })

  test("wrong types are 422 naming each failing field", async () => {
    const response = await callRoute(echo, "POST", "/t", { body: { name: "", count: "two" } })
    expect(response.status).toBe(422)
    const body = await response.json()
    expect(body.error.code).toBe("unprocessable_entity")
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["count", "name"])
  })

  test("a body over 1 MB is 413, whether or not Content-Length says so", async () => {
    const big = JSON.stringify({ name: "x".repeat(1024 * 1024 + 10), count: 1 })
    const declared = await callRoute(echo, "POST", "/t", { rawBody: big, headers: { "content-type": "application/json", "content-length": String(big.length) } })
    expect(declared.status).toBe(413)
    const undeclared = await callRoute(echo, "POST", "/t", { rawBody: big, headers: { "content-type": "application/json" } })
    expect(undeclared.status).toBe(413)
    expect((await undeclared.json()).error.code).toBe("payload_too_large")
    const understated = await callRoute(echo, "POST", "/t", { rawBody: big, headers: { "content-type": "application/json", "content-length": "20" } })
    expect(understated.status).toBe(413)
  })

  test("a body arriving in several chunks is read whole, with or without Content-Length", async () => {
    // "é" is two bytes in UTF-8: the second chunk starts in the middle of it.
    const bytes = new TextEncoder().encode(JSON.stringify({ name: "café au lait", count: 3 }))
    const cut = bytes.indexOf(0xa9)
    const chunked = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, cut))
          controller.enqueue(bytes.slice(cut, cut + 5))
          controller.enqueue(bytes.slice(cut + 5))
          controller.close()
        },
      })
    for (const headers of [{ "content-length": String(bytes.length) }, {}]) {
      const request = new Request("http://localhost/t", { method: "POST", body: chunked(), duplex: "half", headers: { "content-type": "application/json", ...headers } } as RequestInit)
      const response = await echo(request, { params: Promise.resolve({}) })
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ name: "café au lait", count: 3 })
    }
  })

  test("a non-JSON content type is 415", async () => {
    const response = await callRoute(echo, "POST", "/t", { rawBody: "name=a", headers: { "content-type": "application/x-www-form-urlencoded" } })
    expect(response.status).toBe(415)
  })

  test("query strings are validated: bad page is 422, default applies", async () => {
    expect((await callRoute(listing, "GET", "/t?page=0")).status).toBe(422)
    expect(await (await callRoute(listing, "GET", "/t")).json()).toEqual({ page: 1 })
  })

  test("our own bug is a generic 500 without the internal message", async () => {
    const response = await callRoute(failing, "GET", "/t")
    expect(response.status).toBe(500)
    const body = await response.json()
    expect(body.error.code).toBe("internal_error")
    expect(body.error.message).not.toContain("secret details")
  })

  test("an AppError keeps its code and status", async () => {
    const response = await callRoute(conflict, "GET", "/t")
    expect(response.status).toBe(409)
    expect(await response.json()).toEqual({ error: { code: "conflict", message: "already done" } })
  })
})

describe("request id and rate limit", () => {
  test("every response carries a request id, echoing a well-formed incoming one", async () => {
    const fresh = await callRoute(listing, "GET", "/t")
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/)
    const echoed = await callRoute(listing, "GET", "/t", { headers: { "x-request-id": "trace-12345678" } })
    expect(echoed.headers.get("x-request-id")).toBe("trace-12345678")
  })

  test("the third call in a minute from one address is 429 with Retry-After", async () => {
    const headers = { "x-forwarded-for": "203.0.113.9" }
    expect((await callRoute(limited, "GET", "/t", { headers })).status).toBe(200)
    expect((await callRoute(limited, "GET", "/t", { headers })).status).toBe(200)
    const third = await callRoute(limited, "GET", "/t", { headers })
    expect(third.status).toBe(429)
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0)
    expect((await callRoute(limited, "GET", "/t", { headers: { "x-forwarded-for": "203.0.113.10" } })).status).toBe(200)
  })
})

describe("authentication and roles", () => {
  test("anonymous is 401, wrong role 403, right role 200", async () => {
    expect((await callRoute(staffOnly, "GET", "/t")).status).toBe(401)
    const subscriber = await signedInAs("SUBSCRIBER")
    const refused = await callRoute(staffOnly, "GET", "/t", { cookie: subscriber.cookie })
    expect(refused.status).toBe(403)
    expect((await refused.json()).error.code).toBe("forbidden")
    const admin = await signedInAs("ADMIN")
    expect((await callRoute(staffOnly, "GET", "/t", { cookie: admin.cookie })).status).toBe(200)
  })

  test("staff without the second factor in this session are refused", async () => {
    const admin = await signedInAs("ADMIN", { mfa: false })
    const response = await callRoute(staffOnly, "GET", "/t", { cookie: admin.cookie })
    expect(response.status).toBe(401)
    expect((await response.json()).error.code).toBe("mfa_required")
  })

  test("an expired session counts as anonymous", async () => {
    const admin = await signedInAs("ADMIN")
    await db.session.updateMany({ where: { userId: admin.user.id }, data: { expires: new Date(Date.now() - 1000) } })
    expect((await callRoute(staffOnly, "GET", "/t", { cookie: admin.cookie })).status).toBe(401)
  })

  test("a staff API token authenticates with its owner's role until revoked", async () => {
    const admin = await signedInAs("ADMIN")
    const { token, id } = await createApiToken({ email: admin.user.email, name: "scraper", actor: admin.user })
    const ok = await callRoute(staffOnly, "GET", "/t", { token })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ email: admin.user.email })
    await revokeApiToken({ tokenId: id, actor: admin.user })
    expect((await callRoute(staffOnly, "GET", "/t", { token })).status).toBe(401)
    expect((await callRoute(staffOnly, "GET", "/t", { token: "acv_nonsense" })).status).toBe(401)
  })

  test("a staff write is audited with actor, route and method", async () => {
    const support = await signedInAs("SUPPORT")
    expect((await callRoute(staffWrite, "POST", "/api/admin/thing", { cookie: support.cookie })).status).toBe(200)
    const entry = await db.auditLog.findFirstOrThrow({ where: { actorId: support.user.id, action: "staff.write" } })
    expect(entry).toMatchObject({ actorEmail: support.user.email, targetType: "route", targetId: "/api/admin/thing", metadata: { method: "POST", status: 200, via: "session" } })
  })
})
