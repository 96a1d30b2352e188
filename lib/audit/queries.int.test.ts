import { expect, test } from "vitest"
import { GET } from "@/app/api/admin/audit/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"

test("the audit log filters by action, actor and time, newest first, paginated", async () => {
  const support = await signedInAs("SUPPORT")
  await db.auditLog.deleteMany()
  const base = Date.parse("2026-03-01T00:00:00Z")
  await db.auditLog.createMany({
    data: Array.from({ length: 7 }, (_, i) => ({
      action: i % 2 === 0 ? "auth.sign_in" : "token.created",
      actorEmail: i < 4 ? "alice@test.example" : "bob@test.example",
      createdAt: new Date(base + i * 3_600_000),
    })),
  })
  const get = async (query: string) =>
    (await callRoute(GET, "GET", `/api/admin/audit?${query}`, { cookie: support.cookie })).json()

  const signIns = await get("action=auth.sign_in")
  expect(signIns.total).toBe(4) // i = 0, 2, 4, 6
  expect(signIns.items.map((e: { createdAt: string }) => e.createdAt)).toEqual(
    [6, 4, 2, 0].map((i) => new Date(base + i * 3_600_000).toISOString()),
  )

  expect((await get("actor=BOB")).total).toBe(3) // i = 4, 5, 6
  expect((await get("from=2026-03-01T02:00:00Z&to=2026-03-01T05:00:00Z")).total).toBe(3) // i = 2, 3, 4

  const page2 = await get("pageSize=3&page=2")
  expect(page2).toMatchObject({ total: 7, page: 2, pageSize: 3, pageCount: 3 })
  expect(page2.items).toHaveLength(3)
  expect((await get("pageSize=3&page=3")).items).toHaveLength(1)
  expect((await get("action=nope")).error.code).toBe("unprocessable_entity")
})
