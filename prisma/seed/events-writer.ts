import type { PrismaClient } from "@/generated/prisma/client"
import type { EventRow } from "@/lib/analytics/ingest/store"

// Buffers generated events and writes them in batches, each one INSERT of a single JSON parameter
// (an array of row tuples, in order, so ids follow the order events were made): through Prisma
// that is about four times as fast as one array parameter per column. A progress line every
// tenth of the target or every few seconds.

const BATCH_ROWS = 5000
const REPORT_EVERY_MS = 5000

export class EventWriter {
  private buffer: EventRow[] = []
  private kept = 0
  private written = 0
  // One write in flight while the next batch is generated: the database and this process work at once.
  private inFlight: Promise<void> = Promise.resolve()
  private failure: unknown = null
  private reportedTenths = 0
  private reportedAt = performance.now()
  private reportedWritten = -1
  private readonly started = performance.now()
  /** Events are "received" when they happened, but never later than just before the seed ran, so the rollups take them all. */
  private readonly latestReceipt = new Date(Date.now() - 60_000)

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: { target: number; keep: (row: EventRow) => boolean; log: (line: string) => void },
  ) {}

  /** Events kept so far, written, being written or waiting. */
  get total(): number {
    return this.kept
  }

  readonly emit = (row: EventRow): void => {
    if (this.options.keep(row)) {
      this.buffer.push(row)
      this.kept += 1
    }
  }

  async flushIfFull(): Promise<void> {
    while (this.buffer.length >= BATCH_ROWS) await this.startWrite(this.buffer.splice(0, BATCH_ROWS))
  }

  async flush(): Promise<void> {
    await this.flushIfFull()
    if (this.buffer.length) await this.startWrite(this.buffer.splice(0))
    await this.settle()
    this.report(true)
  }

  /** Waits for the write in flight, then starts this one without waiting for it. */
  private async startWrite(rows: EventRow[]): Promise<void> {
    await this.settle()
    // Caught at once so a failure is never an unhandled rejection; the next settle() rethrows it.
    this.inFlight = this.write(rows).catch((error: unknown) => {
      this.failure = error
    })
  }

  private async settle(): Promise<void> {
    await this.inFlight
    if (this.failure) throw this.failure
  }

  private async write(rows: EventRow[]): Promise<void> {
    const latest = this.latestReceipt.getTime()
    const tuples = rows.map((r) => [
      r.at.toISOString(),
      new Date(Math.min(r.at.getTime(), latest)).toISOString(),
      r.name,
      r.visitorId,
      r.consented,
      r.sessionId,
      r.userId,
      r.path,
      r.referrer,
      r.utmSource,
      r.utmMedium,
      r.utmCampaign,
      r.utmTerm,
      r.utmContent,
      r.country,
      r.browser,
      r.os,
      r.device,
      r.screen,
      r.props,
    ])
    await this.prisma.$executeRaw`
      INSERT INTO analytics_events (at, received_at, name, visitor_id, consented, session_id, user_id, path, referrer, utm_source, utm_medium,
        utm_campaign, utm_term, utm_content, country, browser, os, device, screen, props)
      SELECT (r->>0)::timestamptz, (r->>1)::timestamptz, r->>2, r->>3, (r->>4)::boolean, r->>5, r->>6, r->>7, r->>8, r->>9, r->>10,
        r->>11, r->>12, r->>13, r->>14, r->>15, r->>16, r->>17, r->>18, nullif(r->19, 'null'::jsonb)
      FROM jsonb_array_elements(${JSON.stringify(tuples)}::jsonb) WITH ORDINALITY AS t(r, i)
      ORDER BY i`
    this.written += rows.length
    this.report(false)
  }

  private report(last: boolean): void {
    const { target, log } = this.options
    const tenths = Math.min(10, Math.floor((this.written * 10) / Math.max(1, target)))
    const now = performance.now()
    if (
      last
        ? this.written === this.reportedWritten
        : tenths <= this.reportedTenths && now - this.reportedAt < REPORT_EVERY_MS
    )
      return
    this.reportedWritten = this.written
    this.reportedTenths = tenths
    this.reportedAt = now
    const rate = Math.round(this.written / Math.max(0.001, (now - this.started) / 1000))
    log(
      `analytics events ${this.written.toLocaleString("en-US")}/${target.toLocaleString("en-US")} (${Math.round((this.written * 100) / Math.max(1, target))}%), ${rate.toLocaleString("en-US")} events/s`,
    )
  }
}
