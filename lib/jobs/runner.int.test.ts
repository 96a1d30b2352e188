import { TestClock } from "pg-boss"
import type pg from "pg"
import { afterAll, beforeAll, expect, test } from "vitest"
import { createPool } from "@/lib/database/client"
import { db, pool } from "@/lib/db"
import { requireEnv } from "@/lib/env"
import { jobOverview } from "./overview"
import { startJobRunner, type JobRunner } from "./runner"
import type { ScheduledJob } from "./types"

// Two runners ("instances" a and b) on one database, driven by pg-boss's own TestClock: every
// pg-boss statement reads the clock's time through pgboss.job_now(), and its timers (cron pass,
// polling) fire only when the test ticks, so minutes pass in milliseconds. On the embedded
// database both share the one connection, as two processes would share a server.

const T0 = Date.UTC(2031, 0, 6, 9, 0, 5) // 09:00:05 UTC
const minuteOf = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000).toISOString()

let failuresLeft = 2
const jobs: ScheduledJob[] = [
  {
    name: "test.tick",
    cron: "* * * * *",
    description: "records the minute it was queued for",
    retry: { limit: 0, delaySeconds: 0, backoff: false },
    expireInSeconds: 30,
    run: async ({ queuedAt }) => ({ minute: minuteOf(queuedAt) }),
  },
  {
    name: "test.flaky",
    cron: "10 9 * * *",
    description: "fails twice, then succeeds",
    retry: { limit: 3, delaySeconds: 10, backoff: true },
    expireInSeconds: 30,
    run: async ({ attempt }) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1
        throw new Error(`upstream refused (attempt ${attempt})`)
      }
      return { attempt }
    },
  },
]

const clock = new TestClock(T0)
let second: pg.Pool | undefined
let a: JobRunner
let b: JobRunner

beforeAll(async () => {
  // On a server the second instance has its own pool, as a second process would.
  second = process.env.DATABASE_POOL_MAX === "1" ? undefined : createPool(requireEnv("DATABASE_URL"), 3)
  a = await startJobRunner({ pool: pool(), jobs, instance: "host-a:1:aaaaaa", clock, log: () => {} })
  b = await startJobRunner({ pool: second ?? pool(), jobs, instance: "host-b:2:bbbbbb", clock, log: () => {} })
})

afterAll(async () => {
  await b?.stop(1000)
  await a?.stop(1000)
  await second?.end()
})

async function runsOf(job: string) {
  return db.jobRun.findMany({
    where: { job },
    orderBy: [{ startedAt: "asc" }, { attempt: "asc" }],
    select: {
      instance: true,
      status: true,
      attempt: true,
      result: true,
      error: true,
      queueJobId: true,
      durationMs: true,
    },
  })
}

/**
 * Moves the clock, then waits (real time) until no test job is mid-attempt: handlers run outside
 * the clock, so without this the next tick could move time under a running attempt.
 */
async function advance(ms: number) {
  await clock.tick(ms)
  const busy = async () => {
    const [{ active }] = await db.$queryRaw<
      { active: number }[]
    >`SELECT count(*)::int AS active FROM pgboss.job WHERE state = 'active' AND name LIKE 'test.%'`
    return active + (await db.jobRun.count({ where: { status: "RUNNING" } }))
  }
  await expect.poll(busy, { timeout: 15_000, interval: 20 }).toBe(0)
}

test("a job scheduled every minute runs exactly once per tick across two instances, and on when one stops", async () => {
  await advance(0) // 09:00 was due when the runners started
  for (let i = 0; i < 3; i += 1) await advance(60_000) // 09:03:05
  const beforeStop = (await runsOf("test.tick")).length
  await a.stop(1000)
  for (let i = 0; i < 3; i += 1) await advance(60_000) // 09:06:05
  await advance(20_000)
  const runs = await runsOf("test.tick")
  expect(runs.map((r) => (r.result as { minute: string }).minute)).toEqual(
    ["09:00", "09:01", "09:02", "09:03", "09:04", "09:05", "09:06"].map((hm) => `2031-01-06T${hm}:00.000Z`),
  )
  expect(
    runs.every((r) => r.status === "SUCCEEDED" && r.attempt === 1 && r.durationMs !== null && r.error === null),
  ).toBe(true)
  expect(new Set(runs.map((r) => r.queueJobId)).size).toBe(7)
  const [{ queued }] = await db.$queryRaw<
    { queued: number }[]
  >`SELECT count(*)::int AS queued FROM pgboss.job WHERE name = 'test.tick'`
  expect(queued).toBe(7)
  // Each run names the instance that ran it; with a stopped, b carried on alone.
  expect(beforeStop).toBe(4)
  expect(runs.every((r) => ["host-a:1:aaaaaa", "host-b:2:bbbbbb"].includes(r.instance))).toBe(true)
  expect(runs.slice(4).map((r) => r.instance)).toEqual(["host-b:2:bbbbbb", "host-b:2:bbbbbb", "host-b:2:bbbbbb"])
})

test("a failing job is retried with backoff, and each failure shows on the dashboard", async () => {
  // test.flaky is due at 09:10: go to just before, then a second at a time until it has run once.
  await advance(Date.UTC(2031, 0, 6, 9, 9, 55) - clock.now())
  while ((await runsOf("test.flaky")).length === 0) await advance(1000)
  const queued = async () => (await b.boss.findJobs<object>("test.flaky"))[0]
  const first = await queued()
  expect(first).toMatchObject({ state: "retry", retryCount: 0 })
  // Backoff: the first retry waits between 1× and 2× retryDelay (10 s), the second between 2× and 4×.
  const firstDelay = (first.startAfter.getTime() - first.startedOn.getTime()) / 1000
  expect(firstDelay).toBeGreaterThanOrEqual(10)
  expect(firstDelay).toBeLessThan(20)
  while ((await runsOf("test.flaky")).length < 2) await advance(1000)
  expect(clock.now()).toBeGreaterThanOrEqual(first.startAfter.getTime()) // not retried early
  const second = await queued()
  expect(second).toMatchObject({ state: "retry", retryCount: 1 })
  const secondDelay = (second.startAfter.getTime() - second.startedOn.getTime()) / 1000
  expect(secondDelay).toBeGreaterThanOrEqual(20)
  expect(secondDelay).toBeLessThan(40)
  while ((await runsOf("test.flaky")).length < 3) await advance(1000)
  expect((await queued()).state).toBe("completed")

  const runs = await runsOf("test.flaky")
  expect(runs.map((r) => [r.attempt, r.status, r.error])).toEqual([
    [1, "FAILED", "upstream refused (attempt 1)"],
    [2, "FAILED", "upstream refused (attempt 2)"],
    [3, "SUCCEEDED", null],
  ])
  expect(new Set(runs.map((r) => r.queueJobId)).size).toBe(1) // three attempts of one job
  expect(runs[2].result).toEqual({ attempt: 3 })

  // What the operations dashboard shows (the same function as GET /api/admin/jobs).
  const overview = await jobOverview(
    { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) },
    jobs,
  )
  const flaky = overview.jobs.find((j) => j.name === "test.flaky")!
  expect(flaky.stats).toMatchObject({ runs: 3, succeeded: 1, failed: 2, running: 0 })
  expect(flaky.lastRun).toMatchObject({ attempt: 3, status: "SUCCEEDED" })
  expect(flaky.lastFailure).toMatchObject({ attempt: 2, status: "FAILED", error: "upstream refused (attempt 2)" })
  expect(overview.failures.map((f) => [f.job, f.attempt])).toEqual([
    ["test.flaky", 2],
    ["test.flaky", 1],
  ])
  expect(overview.jobs.find((j) => j.name === "test.tick")!.stats).toMatchObject({ failed: 0, running: 0 })
})
