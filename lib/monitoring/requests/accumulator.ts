import { BUCKET_COUNT, bucketOf } from "./histogram"

// One instance's request histograms per (minute, route, method), kept in memory until a flush adds
// them to the database. Recording is a map lookup and a few increments: it runs on every request.

export type MetricRow = {
  /** Start of the minute, epoch milliseconds (UTC). */
  minute: number
  route: string
  method: string
  count: number
  status2xx: number
  status3xx: number
  status4xx: number
  status5xx: number
  sumMs: number
  buckets: number[]
}

export const OTHER_ROUTE = "other"

export type AccumulatorOptions = {
  /** Distinct (route, method) pairs per minute; more go to the route "other". */
  maxRoutesPerMinute?: number
  /** Rows kept back after failed flushes; past it the oldest minutes are dropped. */
  maxRetainedRows?: number
}

export class RequestAccumulator {
  private minutes = new Map<number, Map<string, MetricRow>>()
  private lastMinute = -1
  private lastSlot: Map<string, MetricRow> | undefined
  private readonly maxRoutes: number
  private readonly maxRetained: number
  /** Rows given up after repeated flush failures (surfaced in logs). */
  droppedRows = 0

  constructor(options: AccumulatorOptions = {}) {
    this.maxRoutes = options.maxRoutesPerMinute ?? 200
    this.maxRetained = options.maxRetainedRows ?? 20_000
  }

  record(route: string, method: string, status: number, durationMs: number, at: number = Date.now()): void {
    const minute = at - (at % 60_000)
    let slot = this.lastSlot
    if (minute !== this.lastMinute || !slot) {
      slot = this.minutes.get(minute)
      if (!slot) {
        slot = new Map()
        this.minutes.set(minute, slot)
      }
      this.lastMinute = minute
      this.lastSlot = slot
    }
    let key = `${method} ${route}`
    let row = slot.get(key)
    if (!row) {
      if (slot.size >= this.maxRoutes) {
        route = OTHER_ROUTE
        key = `${method} ${route}`
        row = slot.get(key)
      }
      if (!row) {
        row = newRow(minute, route, method)
        slot.set(key, row)
      }
    }
    row.count++
    if (status >= 500) row.status5xx++
    else if (status >= 400) row.status4xx++
    else if (status >= 300) row.status3xx++
    else if (status >= 200) row.status2xx++
    const ms = durationMs > 0 ? durationMs : 0
    row.sumMs += ms
    row.buckets[bucketOf(ms)]!++
  }

  /** Takes every row out (oldest minute first); recording starts afresh. */
  drain(): MetricRow[] {
    const rows: MetricRow[] = []
    for (const minute of [...this.minutes.keys()].sort((a, b) => a - b))
      rows.push(...this.minutes.get(minute)!.values())
    this.minutes = new Map()
    this.lastMinute = -1
    this.lastSlot = undefined
    return rows
  }

  /** Puts rows that could not be written back, adding them to whatever was recorded since. */
  restore(rows: readonly MetricRow[]): void {
    for (const row of rows) {
      let slot = this.minutes.get(row.minute)
      if (!slot) {
        slot = new Map()
        this.minutes.set(row.minute, slot)
      }
      const key = `${row.method} ${row.route}`
      const held = slot.get(key)
      if (held) addInto(held, row)
      else slot.set(key, { ...row, buckets: [...row.buckets] })
    }
    this.lastSlot = undefined
    this.lastMinute = -1
    this.trim()
  }

  get rowCount(): number {
    let total = 0
    for (const slot of this.minutes.values()) total += slot.size
    return total
  }

  private trim(): void {
    let excess = this.rowCount - this.maxRetained
    if (excess <= 0) return
    for (const minute of [...this.minutes.keys()].sort((a, b) => a - b)) {
      if (excess <= 0) break
      const size = this.minutes.get(minute)!.size
      this.minutes.delete(minute)
      this.droppedRows += size
      excess -= size
    }
  }
}

function newRow(minute: number, route: string, method: string): MetricRow {
  return {
    minute,
    route,
    method,
    count: 0,
    status2xx: 0,
    status3xx: 0,
    status4xx: 0,
    status5xx: 0,
    sumMs: 0,
    buckets: new Array<number>(BUCKET_COUNT).fill(0),
  }
}

export function addInto(target: MetricRow, row: MetricRow): void {
  target.count += row.count
  target.status2xx += row.status2xx
  target.status3xx += row.status3xx
  target.status4xx += row.status4xx
  target.status5xx += row.status5xx
  target.sumMs += row.sumMs
  for (let i = 0; i < row.buckets.length; i++) target.buckets[i] = (target.buckets[i] ?? 0) + row.buckets[i]!
}

/** Sums minute rows into hour rows (epoch-aligned UTC hours), as the hourly table holds them. */
export function hourRows(rows: readonly MetricRow[]): MetricRow[] {
  const hours = new Map<string, MetricRow>()
  for (const row of rows) {
    const hour = row.minute - (row.minute % 3_600_000)
    const key = `${hour} ${row.method} ${row.route}`
    const held = hours.get(key)
    if (held) addInto(held, row)
    else hours.set(key, { ...row, minute: hour, buckets: [...row.buckets] })
  }
  return [...hours.values()]
}
