import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, beforeAll, expect, test } from "vitest"
import { db, pool } from "@/lib/db"
import { instanceId } from "../instance"
import { latestResourceSamples, resourceSeries } from "./queries"
import {
  createResourceSampler,
  directorySize,
  insertResourceSample,
  recordResourceSample,
  type ResourceReading,
} from "./samples"

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "acv-resources-"))
  await mkdir(path.join(dir, "pglite", "base"), { recursive: true })
  await writeFile(path.join(dir, "secrets.json"), "x".repeat(1000))
  await writeFile(path.join(dir, "pglite", "base", "16384"), Buffer.alloc(8192))
  await writeFile(path.join(dir, "pglite", "PG_VERSION"), "17\n")
  await db.$queryRaw`SELECT 1` // the pool has opened its connection, as in a running app
})
afterAll(() => rm(dir, { recursive: true, force: true }))

test("a sample of this process has sane values", async () => {
  const sampler = createResourceSampler({ pool: pool(), dataDir: dir, backupDir: path.join(dir, "backups") })
  try {
    // Let the event-loop monitor tick, then keep the CPU and the loop busy for a moment.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const until = performance.now() + 400
    while (performance.now() < until) Math.sqrt(Math.random())
    // The monitor notes a stall when its timer next gets to run.
    await new Promise((resolve) => setTimeout(resolve, 30))
    const reading = await sampler.read()
    expect(reading.cpuPercent).toBeGreaterThan(0)
    expect(reading.cpuPercent).toBeLessThan(400)
    expect(reading.rssBytes).toBeGreaterThan(reading.heapUsedBytes)
    expect(reading.heapUsedBytes).toBeLessThanOrEqual(reading.heapTotalBytes)
    expect(reading.eventLoopP50Ms).toBeLessThanOrEqual(reading.eventLoopP99Ms)
    expect(reading.eventLoopP99Ms).toBeLessThanOrEqual(reading.eventLoopMaxMs)
    expect(reading.eventLoopMaxMs).toBeGreaterThan(350) // the busy loop above blocked it ~400 ms
    expect(reading.dbRoundTripMs).toBeGreaterThan(0)
    expect(reading.dbRoundTripMs).toBeLessThan(5000)
    expect(reading.poolTotal).toBeGreaterThanOrEqual(1)
    expect(reading.poolWaiting).toBe(0)
    expect(reading.dataDirBytes).toBe(1000 + 8192 + 3)
    expect(reading.backupDirBytes).toBeNull() // no backups folder yet

    // The histogram is reset after each sample: the next interval does not show that stall again.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect((await sampler.read()).eventLoopMaxMs).toBeLessThan(300)
  } finally {
    sampler.stop()
  }
})

test("directory sizes count regular files only, and a missing directory is null", async () => {
  expect(await directorySize(path.join(dir, "pglite"))).toBe(8192 + 3)
  expect(await directorySize(path.join(dir, "nope"))).toBeNull()
  expect(await directorySize(path.join(dir, "secrets.json"))).toBeNull()
})

test("the background loop's step stores a row under this instance", async () => {
  await recordResourceSample()
  const [latest] = await latestResourceSamples()
  expect(latest).toMatchObject({ instance: instanceId(), live: true })
  expect(latest.rssBytes).toBeGreaterThan(0)
  expect(typeof latest.rssBytes).toBe("number")
})

test("latest sample per instance, and series downsampled with averages and worst figures", async () => {
  await db.resourceSample.deleteMany()
  const base: ResourceReading = {
    at: new Date(),
    cpuPercent: 0,
    rssBytes: 0,
    heapUsedBytes: 100,
    heapTotalBytes: 200,
    eventLoopP50Ms: 1,
    eventLoopP99Ms: 2,
    eventLoopMaxMs: 3,
    dbRoundTripMs: 1,
    poolTotal: 1,
    poolIdle: 1,
    poolWaiting: 0,
    dataDirBytes: 5000,
    backupDirBytes: null,
  }
  const t0 = Date.parse("2026-05-20T12:00:00Z")
  // Instance a: 8 samples 15 s apart (12:00:00–12:01:45); b: one sample at 12:00:30.
  for (let i = 0; i < 8; i += 1) {
    await insertResourceSample("a", {
      ...base,
      at: new Date(t0 + i * 15_000),
      cpuPercent: 10 * (i + 1),
      rssBytes: 1_000_000 + i * 1000,
      eventLoopP99Ms: i === 5 ? 250 : 2,
      poolWaiting: i,
    })
  }
  await insertResourceSample("b", { ...base, at: new Date(t0 + 30_000), cpuPercent: 7, rssBytes: 2_000_000 })

  const latest = await latestResourceSamples({ now: new Date(t0 + 120_000) })
  expect(latest.map((s) => [s.instance, s.at.toISOString(), s.live])).toEqual([
    ["a", "2026-05-20T12:01:45.000Z", true], // 15 s before "now": live
    ["b", "2026-05-20T12:00:30.000Z", false], // 90 s old: gone
  ])

  // Two minutes in at most 3 points: 120 / 2 = 60 s buckets.
  const series = await resourceSeries({ from: new Date(t0), to: new Date(t0 + 120_000) }, { maxPoints: 3 })
  expect(
    series.map((p) => [p.instance, p.at.toISOString(), p.cpuPercent, p.rssBytes, p.eventLoopP99Ms, p.poolWaiting]),
  ).toEqual([
    ["a", "2026-05-20T12:00:00.000Z", 25, 1_003_000, 2, 3], // cpu (10+20+30+40)/4, rss max, p99 max, waiting max
    ["b", "2026-05-20T12:00:00.000Z", 7, 2_000_000, 2, 0],
    ["a", "2026-05-20T12:01:00.000Z", 65, 1_007_000, 250, 7], // (50+60+70+80)/4
  ])
  expect(
    await resourceSeries({ from: new Date(t0), to: new Date(t0 + 120_000) }, { maxPoints: 3, instance: "b" }),
  ).toHaveLength(1)
})
