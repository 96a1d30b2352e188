import { expect, test } from "vitest"
import { GET as live } from "@/app/api/health/route"
import { GET as ready } from "@/app/api/health/ready/route"
import { db } from "@/lib/db"
import { callRoute } from "@/lib/testing/http"

test("liveness answers ok with the process check", async () => {
  const response = await callRoute(live, "GET", "/api/health")
  expect(response.status).toBe(200)
  expect(await response.json()).toMatchObject({ status: "ok", checks: { process: { ok: true } } })
})

test("readiness checks the database and that every migration is applied", async () => {
  const response = await callRoute(ready, "GET", "/api/health/ready")
  const body = await response.json()
  expect(response.status).toBe(200)
  expect(body.checks.database.ok).toBe(true)
  expect(body.checks.migrations).toMatchObject({ ok: true, detail: expect.stringMatching(/^\d+ applied$/) })
  expect(typeof body.checks.database.latencyMs).toBe("number")
})

test("readiness answers 503 when a migration is missing", async () => {
  await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now()`
  try {
    const response = await callRoute(ready, "GET", "/api/health/ready")
    expect(response.status).toBe(503)
    const body = await response.json()
    expect(body.status).toBe("fail")
    expect(body.checks.migrations.detail).toMatch(/pending migrations/)
  } finally {
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL`
  }
})
