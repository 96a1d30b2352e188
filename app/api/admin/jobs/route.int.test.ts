import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { SCHEDULED_JOBS } from "@/lib/jobs/schedule"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { GET } from "./route"

test("engineers see every declared job with its last run and the range's failures", async () => {
  const engineer = await signedInAs("ENGINEER")
  const startedAt = new Date(Date.now() - 5 * 60_000)
  await db.jobRun.createMany({
    data: [
      {
        job: "uptime.probe",
        instance: "h:1:a",
        status: "FAILED",
        attempt: 1,
        startedAt,
        finishedAt: startedAt,
        durationMs: 12,
        error: "database unreachable",
      },
      {
        job: "uptime.probe",
        instance: "h:1:a",
        status: "SUCCEEDED",
        attempt: 1,
        startedAt: new Date(startedAt.getTime() + 60_000),
        durationMs: 30,
        result: { up: ["app"] },
      },
    ],
  })
  const response = await callRoute(GET, "GET", "/api/admin/jobs?range=1h", { cookie: engineer.cookie })
  expect(response.status).toBe(200)
  const body = await response.json()
  expect(body.jobs.map((j: { name: string }) => j.name)).toEqual(SCHEDULED_JOBS.map((job) => job.name))
  const probe = body.jobs[0]
  expect(probe).toMatchObject({
    cron: "* * * * *",
    stats: { runs: 2, succeeded: 1, failed: 1, running: 0, maxMs: 30 },
    lastRun: { status: "SUCCEEDED", result: { up: ["app"] } },
    lastFailure: { error: "database unreachable" },
  })
  expect(body.jobs[1]).toMatchObject({ lastRun: null, stats: { runs: 0 } })
  expect(body.failures).toHaveLength(1)
  expect(new Date(body.range.to).getTime() - new Date(body.range.from).getTime()).toBe(3_600_000)
})

test("support staff are refused and an unknown range is a validation error", async () => {
  const support = await signedInAs("SUPPORT")
  expect((await callRoute(GET, "GET", "/api/admin/jobs", { cookie: support.cookie })).status).toBe(403)
  const engineer = await signedInAs("ENGINEER")
  expect((await callRoute(GET, "GET", "/api/admin/jobs?range=5y", { cookie: engineer.cookie })).status).toBe(422)
})
