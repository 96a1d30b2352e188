import { beforeEach, expect, test } from "vitest"
import { db } from "@/lib/db"
import { latestResourceSamples, resourceSeries } from "./queries"
import { resourceHours, rollUpResources } from "./rollup"
import { insertResourceSample, type ResourceReading } from "./samples"

const base: ResourceReading = {
  at: new Date(),
  cpuPercent: 0,
  rssBytes: 1000,
  heapUsedBytes: 100,
  heapTotalBytes: 200,
  eventLoopP50Ms: 1,
  eventLoopP99Ms: 2,
  eventLoopMaxMs: 3,
  dbRoundTripMs: 2,
  poolTotal: 1,
  poolIdle: 1,
  poolWaiting: 0,
  dataDirBytes: 5000,
  backupDirBytes: null,
}
const at = (time: string) => new Date(`2026-05-20T${time}:00Z`)

beforeEach(async () => {
  await db.resourceSample.deleteMany()
  await db.resourceHourly.deleteMany()
  // Instance a: 10:30 and 10:45 (cpu 10, 20), 11:00 to 11:45 (30, 40, 50, 60), 12:00 (70).
  const cpu: [string, number][] = [
    ["10:30", 10],
    ["10:45", 20],
    ["11:00", 30],
    ["11:15", 40],
    ["11:30", 50],
    ["11:45", 60],
    ["12:00", 70],
  ]
  for (const [time, cpuPercent] of cpu) {
    await insertResourceSample("a", {
      ...base,
      at: at(time),
      cpuPercent,
      dbRoundTripMs: time === "11:15" ? null : 2,
      rssBytes: time === "11:30" ? 9000 : 1000,
    })
  }
  // Instance b: one sample at 11:20.
  await insertResourceSample("b", { ...base, at: at("11:20"), cpuPercent: 5, poolIdle: 0 })
})

test("hours hold sums and counts; a rerun changes nothing; a late sample re-rolls its hour", async () => {
  const now = at("12:01")
  expect(await rollUpResources(now)).toEqual({ hoursFrom: at("10:00"), rows: 4 }) // a: 10, 11, 12; b: 11
  const hours = async () =>
    (await resourceHours("a")).map((row) => [row.hour.toISOString().slice(11, 16), row.samples, row.cpuPercentSum])
  expect(await hours()).toEqual([
    ["10:00", 2, 30],
    ["11:00", 4, 180],
    ["12:00", 1, 70],
  ]) // 10+20; 30+40+50+60

  await rollUpResources(now)
  expect(await hours()).toEqual([
    ["10:00", 2, 30],
    ["11:00", 4, 180],
    ["12:00", 1, 70],
  ])

  // Committed after the run above: the next run rebuilds from 11:00 (the hour before the newest, 12:00).
  await insertResourceSample("a", { ...base, at: at("11:50"), cpuPercent: 100 })
  expect((await rollUpResources(at("12:06"))).hoursFrom).toEqual(at("11:00"))
  expect(await hours()).toEqual([
    ["10:00", 2, 30],
    ["11:00", 5, 280],
    ["12:00", 1, 70],
  ])
})

test("a week's chart reads the same figures from the rollup as from raw samples", async () => {
  // A week from 10:40 in at most 120 points: 604,800 s / 119 = 5,083 s, so 2-hour buckets (10:00, 12:00, ...).
  // Bucket 10:00 holds the samples from 10:40 on: a at 10:45, 11:00, 11:15, 11:30, 11:45; b at 11:20.
  const week = { from: at("10:40"), to: new Date(at("10:40").getTime() + 7 * 86_400_000) }
  const figures = async () =>
    (await resourceSeries(week)).map((p) => [
      p.instance,
      p.at.toISOString().slice(11, 16),
      p.cpuPercent,
      p.rssBytes,
      p.dbRoundTripMs,
      p.poolIdle,
    ])
  const expected = [
    ["a", "10:00", 40, 9000, 2, 1], // cpu (20+30+40+50+60)/5 = 40; rss max 9000; round trip 4 of 5 measured, all 2 ms
    ["b", "10:00", 5, 1000, 2, 0],
    ["a", "12:00", 70, 1000, 2, 1],
  ]
  expect(await figures()).toEqual(expected) // nothing rolled up yet: all raw
  await rollUpResources(at("12:01"))
  expect(await figures()).toEqual(expected) // 11:00 from the rollup, 10:40-11:00 and 12:00 on raw
  expect(await figures()).toHaveLength(3)
  expect(await resourceSeries(week, { instance: "b" })).toHaveLength(1)
})

test("the latest sample of each instance comes from the rollup's instances and the raw tail", async () => {
  await rollUpResources(at("12:01"))
  const latest = await latestResourceSamples({
    now: at("12:01"),
    since: new Date(at("12:01").getTime() - 30 * 86_400_000),
  })
  expect(latest.map((s) => [s.instance, s.at.toISOString().slice(11, 16), s.live])).toEqual([
    ["a", "12:00", true],
    ["b", "11:20", false],
  ])
})
