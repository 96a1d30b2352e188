import "server-only"
import { randomUUID } from "node:crypto"
import type { ErrorGroupStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { appRelease } from "./release"
import { fingerprint, type ErrorShape, type ErrorSource } from "./fingerprint"
import { symbolicateStack } from "./source-map"

export type ErrorReport = {
  source: ErrorSource
  /** Whatever was thrown, or a browser's report of it. */
  error: unknown
  route?: string | null
  userId?: string | null
  /** Defaults to this process's release. */
  release?: string | null
  at?: Date
}

export type RecordedError = {
  groupId: string
  fingerprint: string
  status: ErrorGroupStatus
  count: number
  created: boolean
  regressed: boolean
}

const MAX_NAME = 200
const MAX_MESSAGE = 2000
const MAX_STACK = 16_000
const MAX_ROUTE = 500

// An error object reaches us once even if two paths see it (the route wrapper and Next's
// onRequestError, a render that fails twice). On globalThis, since those are bundled apart.
const SEEN = Symbol.for("ai-copilot-vibe.monitoring.recorded-errors")
const store = globalThis as typeof globalThis & { [SEEN]?: WeakSet<object> }

/** Whatever was thrown, as name, message and stack. */
export function describeError(error: unknown): ErrorShape {
  if (error instanceof Error) return { name: error.name || "Error", message: error.message, stack: error.stack ?? null }
  if (error && typeof error === "object") {
    const { name, message, stack } = error as Record<string, unknown>
    if (typeof message === "string")
      return {
        name: typeof name === "string" && name ? name : "Error",
        message,
        stack: typeof stack === "string" ? stack : null,
      }
  }
  let text: string
  try {
    text = typeof error === "string" ? error : (JSON.stringify(error) ?? String(error))
  } catch {
    text = String(error)
  }
  return { name: "NonError", message: text, stack: null }
}

/**
 * Counts one sighting of an error into its group (created on first sight) and keeps the sighting
 * for the trend and the affected users. A resolved group seen again reopens as a regression; an
 * ignored one keeps counting quietly. One statement, so concurrent sightings never lose a count or
 * create a group twice. Never throws: monitoring must not turn one failure into two.
 */
export async function recordError(report: ErrorReport): Promise<RecordedError | null> {
  try {
    if (report.error && typeof report.error === "object") {
      store[SEEN] ??= new WeakSet()
      if (store[SEEN].has(report.error)) return null
      store[SEEN].add(report.error)
    }
    const described = describeError(report.error)
    const shape =
      report.source === "server" && described.stack
        ? { ...described, stack: symbolicateStack(described.stack, process.cwd()) }
        : described
    const { fingerprint: key, topFrame } = fingerprint(report.source, shape)
    const at = report.at ?? new Date()
    const release = clip(report.release ?? appRelease(), 200)
    const route = clip(report.route ?? null, MAX_ROUTE)
    const userId = report.userId ?? null
    const rows = await db.$queryRaw<
      Array<{ id: string; status: ErrorGroupStatus; count: number; inserted: boolean; regressed_at: Date | null }>
    >`
      WITH g AS (
        INSERT INTO error_groups (id, fingerprint, source, name, message, top_frame, route, release, count, first_seen_at, last_seen_at, status, sample_stack)
        VALUES (${randomUUID()}, ${key}, ${report.source}, ${clip(shape.name, MAX_NAME)}, ${clip(shape.message, MAX_MESSAGE)}, ${topFrame},
                ${route}, ${release}, 1, ${at}, ${at}, 'OPEN', ${clip(shape.stack ?? null, MAX_STACK)})
        ON CONFLICT (fingerprint) DO UPDATE SET
          count = error_groups.count + 1,
          last_seen_at = GREATEST(error_groups.last_seen_at, EXCLUDED.last_seen_at),
          -- The newest sighting's route, release and stack, by when it happened, not by which write lands last.
          route = CASE WHEN EXCLUDED.last_seen_at >= error_groups.last_seen_at
                       THEN COALESCE(EXCLUDED.route, error_groups.route) ELSE error_groups.route END,
          release = CASE WHEN EXCLUDED.last_seen_at >= error_groups.last_seen_at
                         THEN COALESCE(EXCLUDED.release, error_groups.release) ELSE error_groups.release END,
          sample_stack = CASE WHEN EXCLUDED.last_seen_at >= error_groups.last_seen_at
                              THEN COALESCE(EXCLUDED.sample_stack, error_groups.sample_stack) ELSE error_groups.sample_stack END,
          regressed_at = CASE WHEN error_groups.status = 'RESOLVED' AND EXCLUDED.last_seen_at >= COALESCE(error_groups.resolved_at, '-infinity')
                              THEN EXCLUDED.last_seen_at ELSE error_groups.regressed_at END,
          status = CASE WHEN error_groups.status = 'RESOLVED' AND EXCLUDED.last_seen_at >= COALESCE(error_groups.resolved_at, '-infinity')
                        THEN 'OPEN'::"ErrorGroupStatus" ELSE error_groups.status END
        RETURNING id, status, count, (xmax = 0) AS inserted, regressed_at
      ), occurrence AS (
        INSERT INTO error_occurrences (group_id, at, user_id, route, release)
        SELECT id, ${at}, ${userId}, ${route}, ${release} FROM g
      )
      SELECT id, status, count, inserted, regressed_at FROM g`
    const row = rows[0]!
    const regressed = !row.inserted && row.regressed_at?.getTime() === at.getTime()
    return { groupId: row.id, fingerprint: key, status: row.status, count: row.count, created: row.inserted, regressed }
  } catch (error) {
    console.error("[monitoring] could not record an error", error)
    return null
  }
}

function clip(text: string | null, max: number): string | null {
  return text === null ? null : text.length > max ? text.slice(0, max) : text
}
