import { expect, test } from "vitest"
import { GET as live } from "@/app/api/health/route"
import { db } from "@/lib/db"
import { callRoute } from "@/lib/testing/http"
import { readiness } from "./health"

test("liveness answers ok with the process check", async () => {
  const response = await callRoute(live, "GET", "/api/health")
  expect(response.status).toBe(200)
  expect(await response.json()).toMatchObject({ status: "ok", checks: { process: { ok: true } } })
})

// What GET /api/health/ready shows staff (its own test covers who sees what).
test("readiness checks the database and that every migration is applied", async () => {
  const body = await readiness()
  expect(body.status).toBe("ok")
  expect(body.checks.database.ok).toBe(true)
  expect(body.checks.migrations).toMatchObject({ ok: true, detail: expect.stringMatching(/^\d+ applied$/) })
  expect(typeof body.checks.database.latencyMs).toBe("number")
})

test("readiness fails when a migration is missing", async () => {
  await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now()`
  try {
    const body = await readiness()
    expect(body.status).toBe("fail")
    expect(body.checks.migrations.detail).toMatch(/pending migrations/)
  } finally {
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL`
  }
})
