// npm run db:seed -- [--customers 2000] [--events 1000000] [--seed 42] [--reset] [--now 2026-11-25T21:00:00Z]
// Seeds the demo business into DATABASE_URL, or into the embedded database in .data/ when it is unset
// (the running app's, if one is up). Migrates first. Prints the staff accounts and their TOTP secrets
// (new for every seeding, shown only here). Refused in production (lib/config/posture.ts): a demo
// database on DATABASE_URL needs APP_MODE=demo.
import { parseArgs } from "node:util"
import { appMode } from "@/lib/config/posture"
import { createPool, createPrismaClient } from "@/lib/database/client"
import { applyMigrations } from "@/lib/database/migrate"
import { openScriptDatabase } from "@/lib/database/script-db"
import { seedDemoBusiness } from "./index"

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "2000" },
    // About this many analytics events over the last year; default 22 per customer, 0 for none.
    events: { type: "string" },
    seed: { type: "string", default: "42" },
    reset: { type: "boolean", default: false },
    now: { type: "string" },
  },
})

const customers = Number(values.customers)
const events = values.events === undefined ? undefined : Number(values.events)
const seed = Number(values.seed)
const now = values.now ? new Date(values.now) : undefined
if (!Number.isInteger(customers) || customers < 0) fail(`--customers must be a whole number, got "${values.customers}"`)
if (events !== undefined && (!Number.isInteger(events) || events < 0))
  fail(`--events must be a whole number, got "${values.events}"`)
if (!Number.isInteger(seed)) fail(`--seed must be a whole number, got "${values.seed}"`)
if (now && Number.isNaN(now.getTime())) fail(`--now must be an ISO date, got "${values.now}"`)
if (appMode(process.env) === "production")
  fail(
    "refusing to seed the demo business in production (DATABASE_URL or APP_MODE=production): set APP_MODE=demo to seed a demo database",
  )

// Fills ENCRYPTION_KEY from .data/secrets.json when the environment does not set it (demo).
const database = await openScriptDatabase()
// One connection is all a sequential seed needs, and all the embedded database allows.
const pool = createPool(database.url, 1)
const prisma = createPrismaClient(pool)
let code = 0
try {
  await applyMigrations(pool, console.log)
  const started = performance.now()
  const result = await seedDemoBusiness(prisma, {
    customers,
    events,
    seed,
    now,
    reset: values.reset,
    encryptionKey: process.env.ENCRYPTION_KEY!,
    credentialsKey: process.env.CREDENTIALS_KEY,
    log: console.log,
  })
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  console.log(
    "\nStaff accounts (sign in by email link, then a TOTP code from an authenticator holding the secret; new secrets, shown only now):",
  )
  for (const member of result.staff)
    console.log(`  ${member.role.padEnd(9)} ${member.email.padEnd(22)} TOTP secret ${member.totpSecret}`)
  console.log("  SUBSCRIBER subscriber@demo.test (no second factor)")
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  code = 1
} finally {
  await prisma.$disconnect()
  await pool.end()
  await database.stop()
}
// The migration engine keeps the event loop alive for ~10 s after it is done.
process.exit(code)

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}
