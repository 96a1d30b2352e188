import { expect, test } from "vitest"
import { createApiTokenAsOperator } from "@/lib/auth/tokens"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { GET } from "./route"

const ready = (options: { cookie?: string; token?: string } = {}) => callRoute(GET, "GET", "/api/health/ready", options)

test("anyone learns only that the app is up", async () => {
  const response = await ready()
  expect(response.status).toBe(200)
  expect(response.headers.get("cache-control")).toBe("no-store")
  expect(await response.json()).toEqual({ status: "up" })
})

test("signed-in staff and staff tokens see the checks; subscribers and staff short of the second factor do not", async () => {
  const staff = await signedInAs("ENGINEER")
  const detailed = await (await ready({ cookie: staff.cookie })).json()
  expect(detailed).toMatchObject({
    status: "up",
    checks: { database: { ok: true }, migrations: { ok: true, detail: expect.stringMatching(/^\d+ applied$/) } },
  })
  expect(typeof detailed.checks.database.latencyMs).toBe("number")

  const { token } = await createApiTokenAsOperator({
    email: staff.user.email,
    name: "uptime",
    scopes: ["read"],
    expiresInDays: 30,
  })
  expect((await (await ready({ token })).json()).checks.database.ok).toBe(true)

  for (const caller of [await signedInAs("SUBSCRIBER"), await signedInAs("OWNER", { mfa: false })]) {
    expect(await (await ready({ cookie: caller.cookie })).json()).toEqual({ status: "up" })
  }
})

test("a failing check answers 503 down, and which check failed only to staff", async () => {
  const staff = await signedInAs("ADMIN")
  await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now()`
  try {
    const anonymous = await ready()
    expect(anonymous.status).toBe(503)
    const text = await anonymous.text()
    expect(JSON.parse(text)).toEqual({ status: "down" })
    expect(text).not.toMatch(/migration/)

    const detailed = await ready({ cookie: staff.cookie })
    expect(detailed.status).toBe(503)
    expect(await detailed.json()).toMatchObject({
      status: "down",
      checks: {
        database: { ok: true },
        migrations: { ok: false, detail: expect.stringMatching(/^pending migrations: \d{14}_/) },
      },
    })
  } finally {
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL`
  }
})

test("a database error never reaches an anonymous caller", async () => {
  // The migrations query then fails with PostgreSQL's own message, naming the table.
  await db.$executeRaw`ALTER TABLE _prisma_migrations RENAME TO _prisma_migrations_away`
  try {
    const anonymous = await ready()
    expect(anonymous.status).toBe(503)
    expect(await anonymous.text()).toBe(JSON.stringify({ status: "down" }))
  } finally {
    // The embedded database drops the connection a query failed on: the pool's next query fails once.
    await db.$queryRaw`SELECT 1`.catch(() => undefined)
    await db.$executeRaw`ALTER TABLE _prisma_migrations_away RENAME TO _prisma_migrations`
  }
})
