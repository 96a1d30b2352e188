import { randomBytes } from "node:crypto"
import { db } from "@/lib/db"

// One secret salt per UTC day, shared by every instance through analytics_salts: the first request
// of a day creates it, and anything older than yesterday is deleted then, so an anonymous id can be
// recomputed for at most two days. Yesterday's stays for events that were queued before midnight.

const DAY_MS = 86_400_000
const cache = new Map<string, Promise<string>>()
/** The salts of `cache` that have loaded, for the synchronous path of every request after the first. */
const loaded = new Map<string, string>()
let rotatedFor: string | undefined
let rotation: Promise<void> = Promise.resolve()
// toISOString costs about a microsecond and ingestion asks for a few days per event: remember them.
const dayNames = new Map<number, string>()

/** "2026-11-26" for the UTC day of `at`. */
export function utcDay(at: Date): string {
  return dayName(Math.floor(at.getTime() / DAY_MS))
}

function dayName(dayNumber: number): string {
  let name = dayNames.get(dayNumber)
  if (name === undefined) {
    if (dayNames.size >= 64) dayNames.clear()
    name = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10)
    dayNames.set(dayNumber, name)
  }
  return name
}

/** The day whose salt hashes an event at `at`: its own day, but never before yesterday. */
export function saltDayFor(at: Date, now = new Date()): string {
  const today = Math.floor(now.getTime() / DAY_MS)
  return dayName(Math.min(today, Math.max(today - 1, Math.floor(at.getTime() / DAY_MS))))
}

/** The salt of `day` when this process already holds it and today's rotation has run; else undefined. */
export function loadedSalt(day: string, now = new Date()): string | undefined {
  return rotatedFor === utcDay(now) ? loaded.get(day) : undefined
}

/**
 * The salt of `day` (created on first use), cached in memory. The first call of each UTC day
 * first deletes the salts older than yesterday.
 */
export function daySalt(day: string, now = new Date()): Promise<string> {
  const today = utcDay(now)
  if (rotatedFor !== today) {
    rotatedFor = today
    const yesterday = utcDay(new Date(now.getTime() - DAY_MS))
    for (const known of cache.keys()) if (known < yesterday) cache.delete(known)
    for (const known of loaded.keys()) if (known < yesterday) loaded.delete(known)
    rotation = deleteSaltsBefore(yesterday).then(
      () => undefined,
      (error: unknown) => {
        rotatedFor = undefined // try again on the next call
        console.error("[analytics] could not delete old salts:", error instanceof Error ? error.message : error)
      },
    )
  }
  let salt = cache.get(day)
  if (!salt) {
    const loading = rotation.then(() => loadSalt(day))
    cache.set(day, loading)
    // A failed read must not stick: the next request tries again.
    loading.then(
      (value) => cache.get(day) === loading && loaded.set(day, value),
      () => cache.get(day) === loading && cache.delete(day),
    )
    salt = loading
  }
  return salt
}

async function loadSalt(day: string): Promise<string> {
  // The insert wins once across instances; a loser reads the winner's salt in the same statement.
  const rows = await db.$queryRaw<{ salt: string }[]>`
    WITH created AS (
      INSERT INTO analytics_salts (day, salt) VALUES (${day}::date, ${randomBytes(32).toString("base64url")})
      ON CONFLICT (day) DO NOTHING
      RETURNING salt
    )
    SELECT salt FROM created UNION ALL SELECT salt FROM analytics_salts WHERE day = ${day}::date
    LIMIT 1`
  if (!rows[0]) throw new Error(`no analytics salt for ${day}`)
  return rows[0].salt
}

/** Deletes salts of days before `day`; returns how many. */
export async function deleteSaltsBefore(day: string): Promise<number> {
  return db.$executeRaw`DELETE FROM analytics_salts WHERE day < ${day}::date`
}

/** Tests move the clock: forget what this process knows. */
export function resetSaltCache(): void {
  cache.clear()
  loaded.clear()
  rotatedFor = undefined
  rotation = Promise.resolve()
}
