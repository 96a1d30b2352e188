import type pg from "pg"
import { pool } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { GroupCommit, type GroupCommitStats } from "./group-commit"
import type { EventProps } from "./schemas"

/** One row of analytics_events, as the pipeline builds it. */
export type EventRow = {
  at: Date
  name: string
  visitorId: string
  consented: boolean
  sessionId: string | null
  userId: string | null
  path: string | null
  referrer: string | null
  utmSource: string | null
  utmMedium: string | null
  utmCampaign: string | null
  utmTerm: string | null
  utmContent: string | null
  country: string | null
  browser: string | null
  os: string | null
  device: string | null
  screen: string | null
  props: EventProps | null
}

const COLUMNS = [
  "name",
  "visitorId",
  "consented",
  "sessionId",
  "userId",
  "path",
  "referrer",
  "utmSource",
  "utmMedium",
  "utmCampaign",
  "utmTerm",
  "utmContent",
  "country",
  "browser",
  "os",
  "device",
  "screen",
] as const satisfies readonly (keyof EventRow)[]

// Fixed text, whatever the row count: each column travels as one array parameter and unnest()
// turns them back into rows, so the statement is prepared once per connection. Its name is new for
// every connection: the embedded database keeps one session across reconnections, where a name
// prepared on a dropped connection would collide.
const INSERT_EVENTS_TEXT = `INSERT INTO analytics_events (at, name, visitor_id, consented, session_id, user_id, path, referrer,
      utm_source, utm_medium, utm_campaign, utm_term, utm_content, country, browser, os, device, screen, props)
    SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::text[],
      $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
      $17::text[], $18::text[], $19::jsonb[])`
const statementNames = new WeakMap<pg.PoolClient, string>()
let statements = 0

/**
 * Every row in one statement: all of them are stored or none. Straight through the app's pool
 * (lib/db.ts, shared with Prisma) rather than $executeRaw, which costs about twice as much per
 * statement; the per-flush cost is what bounds ingestion under load.
 */
export async function insertEvents(rows: readonly EventRow[]): Promise<void> {
  if (rows.length === 0) return
  const values: unknown[] = [rows.map((row) => row.at.toISOString())]
  for (const key of COLUMNS) values.push(rows.map((row) => row[key]))
  values.push(rows.map((row) => (row.props ? JSON.stringify(row.props) : null)))
  // Checked out and returned without the error: pool.query() would discard a healthy connection
  // after any failed statement, and on the embedded database (one connection) the reconnection
  // races the old one's close. A connection that is really broken is still discarded by the pool.
  const client = await pool().connect()
  try {
    let name = statementNames.get(client)
    if (!name) statementNames.set(client, (name = `analytics_insert_events_${++statements}`))
    await client.query({ name, text: INSERT_EVENTS_TEXT, values })
  } finally {
    client.release()
  }
}

// On globalThis: Next may load this module in several bundles (a route, next-auth, instrumentation)
// and they must share one queue, so concurrent writers meet in the same flush.
const state = globalThis as unknown as { analyticsCommit?: GroupCommit<EventRow> }

// SQLSTATE classes that the rows' own values cause: 22 data exception (a NUL in text, an escape
// jsonb refuses, a value too long), 23 integrity constraint violation. Anything else (the database
// down, a missing table) is no row's fault.
const REFUSED_VALUE = /^2[23]/

async function writeFlush(rows: EventRow[]): Promise<void> {
  try {
    await insertEvents(rows)
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code
    const refused = typeof code === "string" && REFUSED_VALUE.test(code)
    const outcome = refused ? "a value was refused: only the request holding it fails" : "their requests get 503"
    console.error(
      `[analytics] a write of ${rows.length} events failed (${outcome}):`,
      error instanceof Error ? error.message : error,
    )
    if (refused) throw new AppError("unprocessable_entity", "an event holds a value that cannot be stored")
    throw new AppError("service_unavailable", "events could not be stored just now; retry later")
  }
}

const isRefusedValue = (error: unknown) => error instanceof AppError && error.code === "unprocessable_entity"

function commit(): GroupCommit<EventRow> {
  state.analyticsCommit ??= new GroupCommit<EventRow>({
    write: writeFlush,
    isItemFault: isRefusedValue,
    maxItems: 1000,
    delayMs: 5,
  })
  return state.analyticsCommit
}

/**
 * Resolves once the rows are committed. Rejects with a 422 AppError when the database refused one
 * of these rows (the other requests of the flush are stored all the same), else with a 503 when
 * their flush failed.
 */
export function storeEvents(rows: EventRow[]): Promise<void> {
  return commit().submit(rows)
}

/** Stores every event accepted so far in this process, without waiting out the group commit's delay (shutdown). */
export function drainStoredEvents(): Promise<void> {
  return state.analyticsCommit?.drain() ?? Promise.resolve()
}

/** Flushes, rows and failures so far in this process (the tests count INSERT statements with it). */
export function storeStats(): GroupCommitStats {
  return commit().stats()
}
