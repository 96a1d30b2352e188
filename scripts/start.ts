// npm start (production server) / npm run dev (next dev): brings the whole app up. With no
// DATABASE_URL it starts the embedded PostgreSQL in .data/, migrates, seeds the demo business on
// first start, then runs Next against it. Flags: --dev, --fresh (wipe DATA_DIR first), --no-seed.
import { spawn, spawnSync } from "node:child_process"
import { existsSync, readdirSync, statSync } from "node:fs"
import { rm } from "node:fs/promises"
import path from "node:path"
import { parseArgs } from "node:util"
import { createPool, createPrismaClient } from "@/lib/database/client"
import { DATA_DIR } from "@/lib/database/local"
import { applyMigrations } from "@/lib/database/migrate"
import { BILLING_LIFECYCLE_MIGRATION, repairBillingFromDeliveries } from "@/lib/billing/lifecycle/repair"
import { disconnectDb } from "@/lib/db"
import { openScriptDatabase, publishEmbeddedAddress, unpublishEmbeddedAddress } from "@/lib/database/script-db"
import { demoStaffCredentials, isDatabaseSeeded, seedDemoBusiness } from "@/lib/seed"
import { serverNodeOptions } from "./server-memory"

const { values: flags } = parseArgs({ options: { dev: { type: "boolean" }, fresh: { type: "boolean" }, "no-seed": { type: "boolean" } } })
const port = Number(process.env.PORT ?? 3000)
// These machines reach no telemetry host, and a self-hosted business should opt in, not out.
process.env.NEXT_TELEMETRY_DISABLED ??= "1"
const say = (line: string) => console.log(`[start] ${line}`)

if (flags.fresh) await rm(DATA_DIR, { recursive: true, force: true })
if (!flags.dev) buildIfStale()

// The app gets one connection to the embedded database; the second is for the CLI.
const database = await openScriptDatabase({ maxConnections: 2 })
say(database.embedded ? `embedded PostgreSQL (PGlite) in ${path.relative(process.cwd(), DATA_DIR)}/ at ${new URL(database.url).host}` : "PostgreSQL from DATABASE_URL")
const pool = createPool(database.url, 1)
const applied = await applyMigrations(pool, say)
if (applied.includes(BILLING_LIFECYCLE_MIGRATION)) {
  // Once, with the migration that began keeping snapshots: existing ledgers and orders are repaired.
  say("recomputing Polar subscriptions from their stored deliveries (once)…")
  await repairBillingFromDeliveries(say)
  await disconnectDb()
}
const prisma = createPrismaClient(pool)
// The demo business goes only into the embedded database, or where SEED_DEMO=1 asks for it:
// never into an empty production database by accident.
const wantsDemo = (database.embedded !== undefined || process.env.SEED_DEMO === "1") && !flags["no-seed"]
if (wantsDemo && !(await isDatabaseSeeded(prisma))) {
  say("seeding the demo business (first start only)…")
  await seedDemoBusiness(prisma, {
    encryptionKey: process.env.ENCRYPTION_KEY!,
    credentialsKey: process.env.CREDENTIALS_KEY,
    log: say,
    customers: Number(process.env.SEED_CUSTOMERS ?? 2000),
    events: process.env.SEED_EVENTS ? Number(process.env.SEED_EVENTS) : undefined,
  })
}
await prisma.$disconnect()
await pool.end()
if (database.embedded) await publishEmbeddedAddress(database.url)

const nextBin = path.join("node_modules", "next", "dist", "bin", "next")
const child = spawn(process.execPath, [nextBin, flags.dev ? "dev" : "start", "-p", String(port)], {
  stdio: ["ignore", "pipe", "inherit"],
  env: {
    ...process.env,
    NODE_ENV: flags.dev ? "development" : "production",
    ...(flags.dev ? {} : { NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS, process.env.NODE_HEAP_MB) }),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    // Local mode without an email service: the mailbox page is how sign-in links arrive.
    DEV_MAILBOX: process.env.DEV_MAILBOX ?? (process.env.RESEND_API_KEY ? "0" : "1"),
  },
})
let bannerShown = false
child.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk)
  if (!bannerShown && /Ready|started server|Local:/i.test(chunk.toString())) {
    bannerShown = true
    printBanner()
  }
})

let stopping = false
async function stop(code: number) {
  if (stopping) return
  stopping = true
  child.kill("SIGTERM")
  await unpublishEmbeddedAddress()
  await database.stop()
  process.exit(code)
}
process.on("SIGINT", () => void stop(0))
process.on("SIGTERM", () => void stop(0))
child.on("exit", (code) => void stop(code ?? 0))

function printBanner() {
  const base = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`
  const lines = [
    "",
    `AI Copilot Vibe is running at ${base}`,
    `Sign in at ${base}/signin with any email; without RESEND_API_KEY the link lands in ${base}/dev/mailbox.`,
    "Demo accounts (staff also need the TOTP code from an authenticator app holding the secret):",
    ...demoStaffCredentials().map((s) => `  ${s.role.padEnd(10)} ${s.email.padEnd(24)} ${s.totpSecret ? `TOTP secret ${s.totpSecret}` : ""}`),
    "Press Ctrl+C to stop.",
    "",
  ]
  console.log(lines.join("\n"))
}

/** Builds when there is no production build or a source file is newer than it. */
function buildIfStale() {
  const buildId = path.join(".next", "BUILD_ID")
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0
  if (builtAt && !newerThan(builtAt, ["app", "components", "lib", "emails", "public", "next.config.ts", "package-lock.json"])) return
  say(builtAt ? "sources changed since the last build: rebuilding…" : "no production build yet: building (about a minute)…")
  const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

function newerThan(time: number, roots: string[]): boolean {
  const stack = roots.filter((root) => existsSync(root))
  while (stack.length) {
    const entry = stack.pop()!
    const stat = statSync(entry)
    if (stat.isDirectory()) stack.push(...readdirSync(entry).map((name) => path.join(entry, name)))
    else if (stat.mtimeMs > time) return true
  }
  return false
}
