import { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"
import { HOUR_MS, SETTLE_MS, settledHourStats, type HourStats } from "./probe-stats"
import { COMPONENTS, type Component } from "./probes"
import { bucketSeconds, bucketStart } from "../series"
import {
  splitRange,
  UPTIME_WINDOWS,
  uptimeFigure,
  windowStarts,
  type TimeRange,
  type UptimeFigure,
  type UptimeWindowKey,
} from "./figures"

/** A component whose newest probe is older than this is shown as unknown: the prober is not running. */
export const STALE_AFTER_MS = 3 * 60_000

export type ComponentStatus = {
  component: Component
  state: "up" | "down" | "unknown"
  /** The newest probe, if any. */
  minute: Date | null
  latencyMs: number | null
  detail: string | null
}

/** The newest probe of every component, and whether it is recent enough to trust. */
export async function componentStatuses(now = new Date()): Promise<ComponentStatus[]> {
  const newest = await Promise.all(
    COMPONENTS.map((component) =>
      db.probeResult.findFirst({
        where: { component, minute: { lte: now } },
        orderBy: { minute: "desc" },
        select: { minute: true, up: true, latencyMs: true, detail: true },
      }),
    ),
  )
  return COMPONENTS.map((component, i) => {
    const row = newest[i]
    if (!row) return { component, state: "unknown", minute: null, latencyMs: null, detail: null }
    const stale = now.getTime() - row.minute.getTime() > STALE_AFTER_MS
    return {
      component,
      state: stale ? "unknown" : row.up ? "up" : "down",
      minute: row.minute,
      latencyMs: row.latencyMs,
      detail: row.detail,
    }
  })
}

export type ComponentUptime = { component: Component; windows: Record<UptimeWindowKey, UptimeFigure> }

/**
 * Uptime of each component over the last 24 h, 7, 30 and 90 days: minutes up over minutes observed
 * among the minutes after the window's start up to `now`. Components never probed in a window
 * have `ratio: null` there (polar and resend when not configured).
 */
export async function uptimeSummary(now = new Date()): Promise<ComponentUptime[]> {
  const starts = windowStarts(now)
  // Minutes are whole-minute timestamps: (start, now] is [start + 1 ms, now + 1 ms).
  const end = new Date(now.getTime() + 1)
  const settledBefore = new Date(now.getTime() - SETTLE_MS)
  const splits = UPTIME_WINDOWS.map((w) => ({
    key: w.key,
    ...splitRange({ from: new Date(starts[w.key].getTime() + 1), to: end }, settledBefore),
  }))
  const liveRows = await probeRows(splits.flatMap((s) => s.live))
  const settled = splits.flatMap((s) => (s.settled ? [s.settled] : []))
  const hours = settled.length
    ? await settledHourStats({
        from: new Date(Math.min(...settled.map((r) => r.from.getTime()))),
        to: new Date(Math.max(...settled.map((r) => r.to.getTime()))),
      })
    : new Map<number, Map<string, HourStats>>()

  return COMPONENTS.map((component) => {
    const windows = {} as Record<UptimeWindowKey, UptimeFigure>
    for (const split of splits) {
      let up = 0
      let observed = 0
      for (const row of liveRows) {
        if (row.component === component && split.live.some((r) => row.minute >= r.from && row.minute < r.to)) {
          observed += 1
          if (row.up) up += 1
        }
      }
      if (split.settled) {
        for (let hour = split.settled.from.getTime(); hour < split.settled.to.getTime(); hour += HOUR_MS) {
          const stats = hours.get(hour)?.get(component)
          observed += stats?.observed ?? 0
          up += stats?.up ?? 0
        }
      }
      windows[split.key] = uptimeFigure(up, observed)
    }
    return { component, windows }
  })
}

export type LatencyPoint = {
  at: Date
  component: Component
  observed: number
  up: number
  avgMs: number | null
  maxMs: number | null
}

/**
 * Probe latency and up-minutes per component in epoch-aligned buckets covering [from, to), at
 * most `maxPoints` buckets. Past two days the buckets are whole hours, summed from the cache.
 */
export async function probeLatencySeries(
  range: TimeRange,
  options: { maxPoints?: number; component?: Component } = {},
): Promise<LatencyPoint[]> {
  const step = range.to.getTime() - range.from.getTime() > 2 * 86_400_000 ? 3600 : 60
  const width = bucketSeconds(range.from, range.to, options.maxPoints ?? 120, step)
  const from = bucketStart(range.from, width)
  const split =
    step === 3600
      ? splitRange({ from, to: range.to }, new Date(Date.now() - SETTLE_MS))
      : { settled: null, live: [{ from, to: range.to }] }
  const buckets = new Map<
    string,
    { at: Date; component: Component; observed: number; up: number; sum: number; count: number; max: number | null }
  >()
  const bucket = (component: Component, at: Date) => {
    const start = bucketStart(at, width)
    const key = `${component}|${start.getTime()}`
    if (!buckets.has(key)) buckets.set(key, { at: start, component, observed: 0, up: 0, sum: 0, count: 0, max: null })
    return buckets.get(key)!
  }
  const wanted = (component: string): component is Component =>
    options.component ? component === options.component : (COMPONENTS as readonly string[]).includes(component)

  if (split.live.length > 0) {
    const rows = await db.$queryRaw<
      {
        component: string
        at: Date
        observed: number
        up: number
        sum: number | null
        count: number
        max: number | null
      }[]
    >`
      SELECT component, to_timestamp(floor(extract(epoch FROM minute) / ${width}) * ${width}) AS at,
             count(*)::int AS observed, count(*) FILTER (WHERE up)::int AS up,
             sum(latency_ms)::float8 AS sum, count(latency_ms)::int AS count, max(latency_ms)::float8 AS max
        FROM probe_results
       WHERE ${inRanges(split.live)}
       GROUP BY 1, 2`
    for (const row of rows) {
      if (!wanted(row.component)) continue
      const b = bucket(row.component, row.at)
      b.observed += row.observed
      b.up += row.up
      b.sum += row.sum ?? 0
      b.count += row.count
      if (row.max !== null) b.max = Math.max(b.max ?? 0, row.max)
    }
  }
  if (split.settled) {
    for (const [hour, components] of await settledHourStats(split.settled)) {
      for (const [component, stats] of components) {
        if (!wanted(component) || stats.observed === 0) continue
        const b = bucket(component, new Date(hour))
        b.observed += stats.observed
        b.up += stats.up
        b.sum += stats.latencySum
        b.count += stats.latencyCount
        if (stats.latencyMax !== null) b.max = Math.max(b.max ?? 0, stats.latencyMax)
      }
    }
  }
  return [...buckets.values()]
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.component.localeCompare(b.component))
    .map((b) => ({
      at: b.at,
      component: b.component,
      observed: b.observed,
      up: b.up,
      avgMs: b.count ? Math.round((b.sum / b.count) * 100) / 100 : null,
      maxMs: b.max,
    }))
}

type ProbeRow = { component: string; minute: Date; up: boolean; latencyMs: number | null }

async function probeRows(ranges: readonly TimeRange[]): Promise<ProbeRow[]> {
  if (ranges.length === 0) return []
  return db.$queryRaw<
    ProbeRow[]
  >`SELECT component, minute, up, latency_ms AS "latencyMs" FROM probe_results WHERE ${inRanges(ranges)}`
}

const inRanges = (ranges: readonly TimeRange[]) =>
  Prisma.join(
    ranges.map((r) => Prisma.sql`(minute >= ${r.from} AND minute < ${r.to})`),
    " OR ",
  )
