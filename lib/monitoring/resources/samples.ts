import { readdir, stat } from "node:fs/promises"
import path from "node:path"
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks"
import { setTimeout as sleep } from "node:timers/promises"
import type pg from "pg"
import { DATA_DIR } from "@/lib/database/local"
import { db, pool } from "@/lib/db"
import { instanceId } from "../instance"

// What each instance measures of itself every 15 seconds (a per-instance loop in
// lib/jobs/background.ts), one resource_samples row per sample.
//
// - cpuPercent: process CPU time (user + system) over wall time since the previous sample, in
//   percent of ONE core, like `top`: 100 = one core busy; above 100 only with worker threads.
// - Event-loop delay from perf_hooks' monitorEventLoopDelay, reset after each sample, so p50, p99
//   and max cover the last interval only.
// - dbRoundTripMs: `SELECT 1` through the app's pool, waiting for a free connection included (on
//   the embedded database that wait is most of what requests feel); null when it fails.
// - Pool counts are read before that query, so they show the app's use, not the sampler's.
// - Directory sizes are walked at most once a minute (cached); null when the directory is missing.
//   The backup folder is `<DATA_DIR>/backups`, so DATA_DIR's size includes it.

export const SAMPLE_EVERY_MS = 15_000
export const BACKUP_DIR = path.join(DATA_DIR, "backups")
const DIR_SIZE_TTL_MS = 60_000
const EVENT_LOOP_RESOLUTION_MS = 10

export type ResourceReading = {
  at: Date
  cpuPercent: number
  rssBytes: number
  heapUsedBytes: number
  heapTotalBytes: number
  eventLoopP50Ms: number
  eventLoopP99Ms: number
  eventLoopMaxMs: number
  dbRoundTripMs: number | null
  poolTotal: number
  poolIdle: number
  poolWaiting: number
  dataDirBytes: number | null
  backupDirBytes: number | null
}

export type ResourceSampler = { read: () => Promise<ResourceReading>; stop: () => void }

export function createResourceSampler(options: {
  pool: pg.Pool
  dataDir?: string
  backupDir?: string
}): ResourceSampler {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS })
  histogram.enable()
  let cpu = process.cpuUsage()
  let wall = performance.now()
  const dataDir = cachedDirSize(options.dataDir ?? DATA_DIR)
  const backupDir = cachedDirSize(options.backupDir ?? BACKUP_DIR)

  return {
    read: async () => {
      // A sampler just created has seen no event-loop turn yet: give it one resolution's worth of them.
      if (histogram.count === 0) await sleep(EVENT_LOOP_RESOLUTION_MS * 5)
      const now = performance.now()
      const used = process.cpuUsage(cpu)
      const cpuPercent = now > wall ? ((used.user + used.system) / 1000 / (now - wall)) * 100 : 0
      cpu = process.cpuUsage()
      wall = now
      const loop = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) }
      histogram.reset()
      const memory = process.memoryUsage()
      const counts = {
        poolTotal: options.pool.totalCount,
        poolIdle: options.pool.idleCount,
        poolWaiting: options.pool.waitingCount,
      }
      const [dbRoundTripMs, dataDirBytes, backupDirBytes] = await Promise.all([
        roundTrip(options.pool),
        dataDir(),
        backupDir(),
      ])
      return {
        at: new Date(),
        cpuPercent: Math.round(cpuPercent * 100) / 100,
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        heapTotalBytes: memory.heapTotal,
        eventLoopP50Ms: loop.p50,
        eventLoopP99Ms: loop.p99,
        eventLoopMaxMs: loop.max,
        dbRoundTripMs,
        ...counts,
        dataDirBytes,
        backupDirBytes,
      }
    },
    stop: () => histogram.disable(),
  }
}

export async function insertResourceSample(instance: string, reading: ResourceReading): Promise<void> {
  await db.resourceSample.create({
    data: {
      ...reading,
      instance,
      rssBytes: BigInt(reading.rssBytes),
      heapUsedBytes: BigInt(reading.heapUsedBytes),
      heapTotalBytes: BigInt(reading.heapTotalBytes),
      dataDirBytes: reading.dataDirBytes === null ? null : BigInt(reading.dataDirBytes),
      backupDirBytes: reading.backupDirBytes === null ? null : BigInt(reading.backupDirBytes),
    },
  })
}

let processSampler: ResourceSampler | undefined

/** The background loop's step: sample this process and store the row under its instance id. */
export async function recordResourceSample(): Promise<void> {
  processSampler ??= createResourceSampler({ pool: pool() })
  await insertResourceSample(instanceId(), await processSampler.read())
}

async function roundTrip(pool: pg.Pool): Promise<number | null> {
  const started = performance.now()
  try {
    await pool.query("SELECT 1")
    return Math.round((performance.now() - started) * 100) / 100
  } catch {
    return null
  }
}

/** A directory's total size, walked again only when the last walk is older than DIR_SIZE_TTL_MS. */
function cachedDirSize(dir: string): () => Promise<number | null> {
  let value: number | null = null
  let measuredAt = -Infinity
  let pending: Promise<number | null> | undefined
  return async () => {
    if (performance.now() - measuredAt < DIR_SIZE_TTL_MS) return value
    pending ??= directorySize(dir).finally(() => (pending = undefined))
    value = await pending
    measuredAt = performance.now()
    return value
  }
}

/** Bytes in regular files under `dir` (symbolic links not followed); null when it does not exist. */
export async function directorySize(dir: string): Promise<number | null> {
  const top = await stat(dir).catch(() => null)
  if (!top?.isDirectory()) return null
  let total = 0
  const stack = [dir]
  while (stack.length > 0) {
    const current = stack.pop()!
    const entries = await readdir(current, { withFileTypes: true }).catch(() => [])
    const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(current, entry.name))
    stack.push(...entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(current, entry.name)))
    const sizes = await Promise.all(
      files.map((file) =>
        stat(file).then(
          (s) => s.size,
          () => 0,
        ),
      ),
    )
    total += sizes.reduce((sum, size) => sum + size, 0)
  }
  return total
}

const ms = (nanoseconds: number) => Math.round((Number.isFinite(nanoseconds) ? nanoseconds : 0) / 10_000) / 100
