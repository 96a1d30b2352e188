// bench:product, part 1: the database it times the dashboard on. A scratch database on
// DATABASE_URL's server (reused as it is with --reuse when an earlier --keep left one seeded), else
// a fresh embedded database in its own process; then the demo business with its year of events,
// rolled up and analysed.
import type { ChildProcess } from "node:child_process"
import pg from "pg"
import { createPool, createPrismaClient } from "@/lib/database/client"
import { withDatabase } from "@/lib/testing/database-url"
import { migrateDatabase, startEmbeddedDatabaseProcess } from "./server"

type Say = (line: string) => void

export type BenchDatabase = { url: string; kind: "scratch" | "embedded"; reused: boolean }

/**
 * A scratch database `name` on serverUrl's server, or (serverUrl unset) an embedded one in dataDir
 * whose process is handed to `started` at once, so it is stopped even if a later step fails.
 */
export async function openBenchDatabase(input: {
  serverUrl: string | undefined
  name: string
  dataDir: string
  reuse: boolean
  say: Say
  started: (child: ChildProcess) => void
}): Promise<BenchDatabase> {
  const { serverUrl, name, say } = input
  if (!serverUrl) {
    // embedded-database.ts always starts from an empty folder: nothing to reuse.
    if (input.reuse) say("--reuse needs DATABASE_URL (the embedded database starts empty): seeding")
    say(`embedded database in ${input.dataDir}…`)
    // Two connections: the server's pool of one and this process's.
    const embedded = await startEmbeddedDatabaseProcess(input.dataDir, 2)
    input.started(embedded.child)
    return { url: embedded.url, kind: "embedded", reused: false }
  }
  const url = withDatabase(serverUrl, name)
  if (input.reuse && (await adminQuery(serverUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name])).length > 0) {
    await migrateDatabase(url)
    if (await holdsDemo(url)) {
      say(`reusing the seeded scratch database ${name}`)
      return { url, kind: "scratch", reused: true }
    }
    say(`${name} holds no seeded demo: starting it again`)
  }
  await dropBenchDatabase(serverUrl, name)
  // Not user input, and CREATE DATABASE takes no parameters.
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`)
  say(`scratch database ${name} created`)
  await migrateDatabase(url)
  return { url, kind: "scratch", reused: false }
}

export async function dropBenchDatabase(serverUrl: string, name: string): Promise<void> {
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
}

export type SeedFigures = {
  customers: number
  eventsGenerated: number
  seedSeconds: number
  eventSeedSeconds: number
  rollupSeconds: number
  vacuumSeconds: number
}

/**
 * The demo business with about `events` analytics events (the seed prints its progress), every
 * rollup caught up, then VACUUM ANALYZE: what autovacuum would long since have done on a live
 * database, so the planner and index-only scans see it as they would there.
 */
export async function seedBenchData(
  url: string,
  input: { customers: number; events: number; encryptionKey: string; credentialsKey: string; say: Say },
): Promise<SeedFigures> {
  const pool = createPool(url, 1)
  const prisma = createPrismaClient(pool)
  try {
    const { seedDemoBusiness } = await import("@/prisma/seed")
    const { runRollups } = await import("@/lib/analytics/rollups")
    const started = performance.now()
    const seeded = await seedDemoBusiness(prisma, {
      customers: input.customers,
      events: input.events,
      encryptionKey: input.encryptionKey,
      credentialsKey: input.credentialsKey,
      log: (line) => input.say(`seed: ${line}`),
    })
    const seedSeconds = secondsSince(started)
    // The seed rolls its events up once; this run proves nothing is left (and would finish the job).
    const rolling = performance.now()
    const rolled = await runRollups({
      client: prisma,
      batchEvents: 250_000,
      log: (line) => input.say(`rollups: ${line}`),
    })
    if (!rolled.caughtUp) throw new Error("the rollups did not catch up")
    input.say(
      `rollups caught up (${rolled.events} events left to roll after the seed's own run, ${secondsSince(rolling)} s)`,
    )
    const vacuuming = performance.now()
    await prisma.$executeRawUnsafe("VACUUM (ANALYZE)")
    const vacuumSeconds = secondsSince(vacuuming)
    input.say(`VACUUM (ANALYZE) in ${vacuumSeconds} s`)
    return {
      customers: seeded.customers,
      eventsGenerated: seeded.analytics?.events ?? 0,
      seedSeconds,
      eventSeedSeconds: seeded.analytics?.seconds ?? 0,
      rollupSeconds: (seeded.analytics?.rollupSeconds ?? 0) + secondsSince(rolling),
      vacuumSeconds,
    }
  } finally {
    await prisma.$disconnect()
    await pool.end()
  }
}

/** Plans, subscribers and analytics events: an earlier run's complete seed. */
async function holdsDemo(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ plans: number; subscribers: number; events: boolean }>(
      `SELECT (SELECT count(*) FROM plans)::int AS plans, (SELECT count(*) FROM users WHERE role = 'SUBSCRIBER')::int AS subscribers, EXISTS (SELECT 1 FROM analytics_events) AS events`,
    )
    return rows[0]!.plans > 0 && rows[0]!.subscribers > 1 && rows[0]!.events
  } finally {
    await client.end()
  }
}

async function adminQuery(serverUrl: string, sql: string, values: unknown[] = []): Promise<unknown[]> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    return (await admin.query(sql, values)).rows
  } finally {
    await admin.end()
  }
}

function secondsSince(started: number): number {
  return Math.round((performance.now() - started) / 100) / 10
}
