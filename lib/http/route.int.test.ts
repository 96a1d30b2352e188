import { afterEach, describe, expect, test } from "vitest"
import { z } from "zod"
import { revokeApiToken } from "@/lib/auth/tokens"
import { db } from "@/lib/db"
import { resetEnvCache } from "@/lib/env"
import { AppError } from "@/lib/errors"
import { createTestToken, signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { onRequestFailed, type RequestFailure } from "./failures"
import { route } from "./route"

const echo = route({ body: z.object({ name: z.string().min(1), count: z.number().int() }) }, async ({ body }) =>
  Response.json(body),
)
const staffOnly = route({ roles: ["ADMIN", "OWNER"] }, async ({ caller }) =>
  Response.json({ email: caller.user.email }),
)
const staffWrite = route({ roles: ["SUPPORT"] }, async () => Response.json({ done: true }))
const listing = route({ query: z.object({ page: z.coerce.number().int().min(1).default(1) }) }, async ({ query }) =>
  Response.json(query),
)
const failing = route({}, async () => {
  throw new Error("database exploded with secret details")
})
const conflict = route({}, async () => {
  throw new AppError("conflict", "already done")
})
const limited = route({ rateLimit: { points: 2, durationSeconds: 60 } }, async () => Response.json({ ok: true }))
const nested = route(
  { body: z.object({ name: z.string(), items: z.array(z.object({ note: z.string() })) }) },
  async ({ body }) => Response.json(body),
)
const byId = route({}, async ({ params }) => Response.json(params))

afterEach(() => {
  process.env.TRUSTED_PROXY_HOPS = "1" // as lib/testing/setup-integration.ts has it
  resetEnvCache()
})

/** The 500s the wrapper reports (monitoring records each as an error) while `run` runs. */
async function failuresDuring(run: () => Promise<void>): Promise<RequestFailure[]> {
  const failures: RequestFailure[] = []
  const stop = onRequestFailed((failure) => failures.push(failure))
  try {
    await run()
  } finally {
    stop()
  }
  return failures
}

describe("validation and the error shape", () => {
  test("a valid body reaches the handler", async () => {
    const response = await callRoute(echo, "POST", "/t", { body: { name: "a", count: 2 } })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ name: "a", count: 2 })
  })

  test("malformed JSON is 400", async () => {
    const response = await callRoute(echo, "POST", "/t", {
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    })
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
    const declared = await callRoute(echo, "POST", "/t", {
      rawBody: big,
      headers: { "content-type": "application/json", "content-length": String(big.length) },
    })
    expect(declared.status).toBe(413)
    const undeclared = await callRoute(echo, "POST", "/t", {
      rawBody: big,
      headers: { "content-type": "application/json" },
    })
    expect(undeclared.status).toBe(413)
    expect((await undeclared.json()).error.code).toBe("payload_too_large")
    const understated = await callRoute(echo, "POST", "/t", {
      rawBody: big,
      headers: { "content-type": "application/json", "content-length": "20" },
    })
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
      const request = new Request("http://localhost/t", {
        method: "POST",
        body: chunked(),
        duplex: "half",
        headers: { "content-type": "application/json", ...headers },
      } as RequestInit)
      const response = await echo(request, { params: Promise.resolve({}) })
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ name: "café au lait", count: 3 })
    }
  })

  test("a non-JSON content type is 415", async () => {
    const response = await callRoute(echo, "POST", "/t", {
      rawBody: "name=a",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    })
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

describe("the client's mistakes are 4xx, never our 500", () => {
  test("regression: a malformed session cookie is 400 bad_request, and no error is recorded", async () => {
    const failures = await failuresDuring(async () => {
      for (const cookie of [
        "next-auth.session-token=%",
        "next-auth.session-token=%E0%A4%A",
        "other=1; next-auth.session-token=%00",
      ]) {
        const response = await callRoute(listing, "GET", "/t", { cookie })
        expect(response.status, cookie).toBe(400)
        expect(await response.json()).toEqual({
          error: { code: "bad_request", message: "the next-auth.session-token cookie is malformed" },
        })
      }
    })
    expect(failures).toEqual([])
    // Another cookie that does not decode is not ours to judge.
    expect(
      (await callRoute(listing, "GET", "/t", { cookie: "tracker=%; next-auth.session-token=unknown" })).status,
    ).toBe(200)
  })

  test("regression: a NUL character anywhere in a JSON body is 422 naming the field", async () => {
    const response = await callRoute(nested, "POST", "/t", {
      body: { name: "ok", items: [{ note: "fine" }, { note: "bad\u0000" }] },
    })
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      error: {
        code: "unprocessable_entity",
        message: "some fields hold characters that cannot be stored",
        details: [{ path: "items.1.note", message: "contains a NUL character (U+0000)" }],
      },
    })
  })

  test("regression: a lone UTF-16 surrogate in a JSON body is 422 naming the field; a whole emoji passes", async () => {
    const response = await callRoute(nested, "POST", "/t", {
      rawBody: '{"name":"\\ud83d","items":[]}',
      headers: { "content-type": "application/json" },
    })
    expect(response.status).toBe(422)
    expect((await response.json()).error.details).toEqual([
      { path: "name", message: "contains a lone UTF-16 surrogate (half of a character)" },
    ])
    expect(
      (
        await callRoute(nested, "POST", "/t", {
          rawBody: '{"name":"\\ud83d\\ude00","items":[]}',
          headers: { "content-type": "application/json" },
        })
      ).status,
    ).toBe(200)
  })

  test("a NUL character in the query string or a path parameter is 422 naming it", async () => {
    const query = await callRoute(listing, "GET", "/t?page=%00")
    expect(query.status).toBe(422)
    expect((await query.json()).error.details).toEqual([{ path: "page", message: "contains a NUL character (U+0000)" }])
    const param = await callRoute(byId, "GET", "/t/x", { params: { id: "a\u0000" } })
    expect(param.status).toBe(422)
    expect((await param.json()).error.details).toEqual([{ path: "id", message: "contains a NUL character (U+0000)" }])
  })

  test("regression: a chunked body past the cap, with no Content-Length, is 413 and not read to its end", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20) // spaces: valid JSON padding, were it read whole
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === 48) return controller.close() // 3 MB in all
        pulled++
        controller.enqueue(chunk)
      },
    })
    const request = new Request("http://localhost/t", {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": "application/json" },
    } as RequestInit)
    expect(request.headers.get("content-length")).toBeNull()
    const response = await echo(request, { params: Promise.resolve({}) })
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe("payload_too_large")
    expect(pulled).toBeLessThan(48)
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

  test("regression (X-Forwarded-For bypass): with no trusted proxy, two different spoofed addresses share one limit", async () => {
    process.env.TRUSTED_PROXY_HOPS = "0"
    resetEnvCache()
    expect(
      (await callRoute(limited, "GET", "/spoofed", { headers: { "x-forwarded-for": "198.51.100.1" } })).status,
    ).toBe(200)
    expect(
      (
        await callRoute(limited, "GET", "/spoofed", {
          headers: { "x-forwarded-for": "198.51.100.2", "x-real-ip": "198.51.100.2" },
        })
      ).status,
    ).toBe(200)
    expect(
      (await callRoute(limited, "GET", "/spoofed", { headers: { "x-forwarded-for": "198.51.100.3" } })).status,
    ).toBe(429)
    // One bucket per route: another route is not starved by this one.
    expect(
      (await callRoute(limited, "GET", "/elsewhere", { headers: { "x-forwarded-for": "198.51.100.3" } })).status,
    ).toBe(200)
  })

  test("with one trusted proxy, the rightmost X-Forwarded-For address is the one limited", async () => {
    const spoofed = (first: string) => ({ headers: { "x-forwarded-for": `${first}, 203.0.113.30` } })
    expect((await callRoute(limited, "GET", "/t", spoofed("198.51.100.1"))).status).toBe(200)
    expect((await callRoute(limited, "GET", "/t", spoofed("198.51.100.2"))).status).toBe(200)
    expect((await callRoute(limited, "GET", "/t", spoofed("198.51.100.3"))).status).toBe(429)
    expect(
      (await callRoute(limited, "GET", "/t", { headers: { "x-forwarded-for": "198.51.100.3, 203.0.113.31" } })).status,
    ).toBe(200)
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
    const { token, id } = await createTestToken(admin.user, ["read"])
    const ok = await callRoute(staffOnly, "GET", "/t", { token })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ email: admin.user.email })
    await revokeApiToken({ tokenId: id, by: { user: admin.user, via: "session", mfaVerified: true } })
    expect((await callRoute(staffOnly, "GET", "/t", { token })).status).toBe(401)
    expect((await callRoute(staffOnly, "GET", "/t", { token: "acv_nonsense" })).status).toBe(401)
  })

  test("a staff write is audited with actor, route and method", async () => {
    const support = await signedInAs("SUPPORT")
    expect((await callRoute(staffWrite, "POST", "/api/admin/thing", { cookie: support.cookie })).status).toBe(200)
    const entry = await db.auditLog.findFirstOrThrow({ where: { actorId: support.user.id, action: "staff.write" } })
    expect(entry).toMatchObject({
      actorEmail: support.user.email,
      targetType: "route",
      targetId: "/api/admin/thing",
      metadata: { method: "POST", status: 200, via: "session" },
    })
  })
})
