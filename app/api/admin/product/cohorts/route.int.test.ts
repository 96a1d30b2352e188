import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { GET } from "./route"

test("weekly cohorts by first seen for the range asked, followed up to today", async () => {
  const admin = await signedInAs("ADMIN")
  await db.analyticsVisitorDay.deleteMany()
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
  await db.analyticsVisitorDay.createMany({
    data: [
      { day: day("2026-01-05"), visitorId: "k1", consented: true, events: 1, pageViews: 1 },
      { day: day("2026-01-13"), visitorId: "k1", consented: true, events: 1, pageViews: 1 },
      { day: day("2026-01-06"), visitorId: "k2", consented: true, events: 1, pageViews: 1 },
      { day: day("2026-01-06"), visitorId: "anonymous", consented: false, events: 1, pageViews: 1 },
    ],
  })
  const response = await callRoute(
    GET,
    "GET",
    "/api/admin/product/cohorts?from=2026-01-05&to=2026-01-11&by=first_seen&period=week",
    { cookie: admin.cookie },
  )
  expect(response.status).toBe(200)
  const { range, report } = await response.json()
  expect(range).toMatchObject({ firstDay: "2026-01-05", lastDay: "2026-01-11" })
  expect(report).toMatchObject({ by: "first_seen", period: "week" })
  // One cohort (week of 5 January): k1 and k2; k1 came back the week after: 1 of 2.
  expect(report.rows).toHaveLength(1)
  expect(report.rows[0]).toMatchObject({ cohort: "2026-01-05", size: 2 })
  expect(
    report.rows[0].cells.slice(0, 3).map((cell: { active: number; share: number }) => [cell.active, cell.share]),
  ).toEqual([
    [2, 1],
    [1, 0.5],
    [0, 0],
  ])
})

test("bad choices are 422; engineers are refused", async () => {
  const admin = await signedInAs("OWNER")
  for (const query of ["by=visits", "period=year", "range=2d", "from=2026-01-05"]) {
    expect(
      (await callRoute(GET, "GET", `/api/admin/product/cohorts?${query}`, { cookie: admin.cookie })).status,
      query,
    ).toBe(422)
  }
  const engineer = await signedInAs("ENGINEER")
  expect((await callRoute(GET, "GET", "/api/admin/product/cohorts", { cookie: engineer.cookie })).status).toBe(403)
})
