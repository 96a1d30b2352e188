import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { createTestUser } from "@/lib/testing/fixtures"
import { previousPeriod, rangeOfDays } from "@/lib/utils/time-range"
import { feedbackReport } from "./report"

test("the report's figures for a period in Berlin and the one before, computed by hand", async () => {
  const user = await createTestUser("SUBSCRIBER")
  // Mon 9 – Sun 22 Nov 2026 in Berlin (UTC+1): from 2026-11-08T23:00Z to 2026-11-22T23:00Z.
  const range = rangeOfDays("2026-11-09", "2026-11-22", "Europe/Berlin")
  const previous = previousPeriod(range) // 26 Oct – 8 Nov: from 2026-10-25T23:00Z
  const nps = (iso: string, score: number | null, comment: string | null = null) => ({
    userId: user.id,
    score,
    dismissed: score === null,
    comment,
    createdAt: new Date(iso),
  })
  await db.npsResponse.createMany({
    data: [
      nps("2026-11-08T23:00:00Z", 10, "first instant of the range"), // in, week of 9 Nov
      nps("2026-11-12T10:00:00Z", 9),
      nps("2026-11-13T10:00:00Z", 6, "too slow"),
      nps("2026-11-14T10:00:00Z", null), // dismissal
      nps("2026-11-16T10:00:00Z", 8, "ok"), // week of 16 Nov
      nps("2026-11-22T22:59:59Z", 3), // last second of Sun 22 Nov in Berlin: in
      nps("2026-11-22T23:00:00Z", 10, "the first instant after the range"), // out
      nps("2026-11-08T22:59:59Z", 2, "previous period"), // previous period
      nps("2026-10-30T10:00:00Z", 9),
    ],
  })
  await db.feedbackMessage.createMany({
    data: [
      { userId: user.id, rating: 5, message: "a", createdAt: new Date("2026-11-10T10:00:00Z") },
      { userId: user.id, rating: 3, message: "b", createdAt: new Date("2026-11-11T10:00:00Z") },
      { userId: user.id, rating: null, message: "c", createdAt: new Date("2026-11-11T11:00:00Z") },
      { userId: user.id, rating: 4, message: "d", createdAt: new Date("2026-11-01T10:00:00Z") },
    ],
  })
  const shipped = await db.featureRequest.create({
    data: { title: "Shipped one", body: "", authorId: user.id, status: "SHIPPED", voteCount: 7 },
  })
  await db.featureRequest.create({
    data: { title: "Declined one", body: "", authorId: user.id, status: "DECLINED", voteCount: 50 },
  })
  const open = await db.featureRequest.create({
    data: { title: "Open one", body: "", authorId: user.id, voteCount: 9 },
  })

  const report = await feedbackReport(range, previous)
  // In range, answered: 10, 9, 6, 8, 3 → promoters 2, passives 1, detractors 2 of 5 → 40 % − 40 % = 0; 1 dismissal.
  expect(report.nps).toEqual({
    responses: 5,
    promoters: 2,
    passives: 1,
    detractors: 2,
    nps: 0,
    dismissals: 1,
    previous: 0,
    change: 0,
  })
  // Previous period: 2 (detractor), 9 (promoter) → 50 % − 50 % = 0, so the change is 0 − 0 = 0.
  // Weeks: 9 Nov: 10, 9, 6 → 2/3 − 1/3 = 33.3; 16 Nov: 8, 3 → 0 − 1/2 = −50.
  expect(report.trend).toEqual({
    unit: "week",
    points: [
      { period: "2026-11-09", label: "Week of 9 Nov", nps: 33.3, responses: 3 },
      { period: "2026-11-16", label: "Week of 16 Nov", nps: -50, responses: 2 },
    ],
  })
  // Comments in range, newest first; the answer after the range and the dismissal are not there.
  expect(report.comments.map((c) => [c.score, c.comment])).toEqual([
    [8, "ok"],
    [6, "too slow"],
    [10, "first instant of the range"],
  ])
  // CSAT in range: 5 and 3 rated (the unrated message does not count) → 1 of 2 = 50 %; before: 4 → 100 %; change −50.
  expect(report.csat).toEqual({ ratings: 2, satisfied: 1, csat: 50, previous: 100, change: -50, messages: 3 })
  // Declined requests are left out of the top list.
  expect(report.topRequests.map((r) => r.id)).toEqual([open.id, shipped.id])
})

test("an empty range: every figure is null, never 0", async () => {
  const range = rangeOfDays("2020-01-01", "2020-01-31", "UTC")
  const report = await feedbackReport(range, previousPeriod(range))
  expect(report.nps).toMatchObject({ responses: 0, nps: null, previous: null, change: null })
  expect(report.csat).toMatchObject({ ratings: 0, csat: null, previous: null, change: null })
  expect(report.trend.points.every((p) => p.nps === null)).toBe(true)
  expect(report.comments).toEqual([])
})
