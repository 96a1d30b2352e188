// npm start (production server) / npm run dev (development server): brings the whole app up. With no
// DATABASE_URL it starts the embedded PostgreSQL in .data/, migrates, seeds the demo business on
// first start, then runs Next against it. Flags: --dev, --fresh (wipe DATA_DIR first), --no-seed.
// In production (DATABASE_URL set, or APP_MODE=production) it first refuses to start, before any
// build or database work, while a required setting is missing (lib/config/posture.ts).
import { spawn, spawnSync } from "node:child_process"
import { existsSync, readdirSync, statSync } from "node:fs"
import { rm } from "node:fs/promises"
import path from "node:path"
import { parseArgs } from "node:util"
import { createPool, createPrismaClient } from "@/lib/database/client"
import { DATA_DIR } from "@/lib/database/local"
import { applyMigrations } from "@/lib/database/migrate"
import { BILLING_LIFECYCLE_MIGRATION, repairBillingFromDeliveries } from "@/lib/billing/lifecycle/repair"
import { postureChecks, postureProblems } from "@/lib/config/posture"
import { disconnectDb } from "@/lib/db"
import { openScriptDatabase, publishEmbeddedAddress, unpublishEmbeddedAddress } from "@/lib/database/script-db"
import { demoAccounts, isDatabaseSeeded, seedDemoBusiness } from "@/prisma/seed"
import { serverNodeOptions } from "./server-memory"

const { values: flags } = parseArgs({
  options: { dev: { type: "boolean" }, fresh: { type: "boolean" }, "no-seed": { type: "boolean" } },
})
const port = Number(process.env.PORT ?? 3000)
// These machines reach no telemetry host, and a self-hosted business should opt in, not out.
process.env.NEXT_TELEMETRY_DISABLED ??= "1"
const say = (line: string) => console.log(`[start] ${line}`)

// Production fails closed: while a required setting is missing nothing is built, migrated, seeded
// or served. One line per problem; `npm run doctor` shows every check.
const posture = postureChecks(process.env)
const problems = postureProblems(posture)
if (problems.length > 0) {
  for (const problem of problems) console.error(`[start] refusing to start in production: ${problem}`)
  console.error(
    `[start] (production because ${posture.reason}; README, "Production", lists every variable; APP_MODE=demo runs a demo instead)`,
  )
  process.exit(1)
}
// Pinned for the server, which sees DATABASE_URL set even on the embedded database.
process.env.APP_MODE = posture.mode
say(`${posture.mode} mode (${posture.reason})`)
say(`Node ${process.version}`)

if (flags.fresh) await rm(DATA_DIR, { recursive: true, force: true })
if (!flags.dev) buildIfStale()

// The app gets one connection to the embedded database; the second is for the CLI.
const database = await openScriptDatabase({ maxConnections: 2 })
say(
  database.embedded
    ? `embedded PostgreSQL (PGlite) in ${path.relative(process.cwd(), DATA_DIR)}/ at ${new URL(database.url).host}`
    : "PostgreSQL from DATABASE_URL",
)
const pool = createPool(database.url, 1)
const applied = await applyMigrations(pool, say)
if (applied.includes(BILLING_LIFECYCLE_MIGRATION)) {
  // Once, with the migration that began keeping snapshots: existing ledgers and orders are repaired.
  say("recomputing Polar subscriptions from their stored deliveries (once)…")
  await repairBillingFromDeliveries(say)
  await disconnectDb()
}
const prisma = createPrismaClient(pool)
// The demo business goes only into a demo: the embedded database, or DATABASE_URL where SEED_DEMO=1
// asks for it (production refused SEED_DEMO above), never into a production database.
const wantsDemo =
  posture.mode === "demo" && (database.embedded !== undefined || process.env.SEED_DEMO === "1") && !flags["no-seed"]
if (wantsDemo && !(await isDatabaseSeeded(prisma))) {
  say("seeding the demo business (first start only)…")
  const seeded = await seedDemoBusiness(prisma, {
    encryptionKey: process.env.ENCRYPTION_KEY!,
    credentialsKey: process.env.CREDENTIALS_KEY,
    log: say,
    customers: Number(process.env.SEED_CUSTOMERS ?? 2000),
    events: process.env.SEED_EVENTS ? Number(process.env.SEED_EVENTS) : undefined,
  })
  // Random for this database and kept only encrypted: this is the one time they are shown.
  say("demo staff TOTP secrets (shown this once: add them to an authenticator app; --fresh starts over with new ones):")
  for (const member of seeded.staff) say(`  ${member.role.padEnd(10)} ${member.email.padEnd(24)} ${member.totpSecret}`)
}
await prisma.$disconnect()
await pool.end()
if (database.embedded) await publishEmbeddedAddress(database.url)

// Our own HTTP server around Next (scripts/serve.ts): it knows the client's socket address and drains on SIGTERM.
const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...(flags.dev ? ["--dev"] : [])], {
  stdio: ["ignore", "pipe", "inherit"],
  env: {
    ...process.env,
    NODE_ENV: flags.dev ? "development" : "production",
    PORT: String(port),
    ...(flags.dev ? {} : { NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS, process.env.NODE_HEAP_MB) }),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
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

// The server drains and closes its connections first; only then does the embedded database stop.
let stopping = false
const serverExited = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? 1)))
async function stop(signal: NodeJS.Signals | undefined) {
  if (stopping) return
  stopping = true
  if (signal && child.exitCode === null) child.kill(signal)
  const code = await serverExited
  await unpublishEmbeddedAddress()
  await database.stop()
  process.exit(signal ? 0 : code)
}
process.on("SIGINT", () => void stop("SIGINT"))
process.on("SIGTERM", () => void stop("SIGTERM"))
void serverExited.then(() => stop(undefined))

function printBanner() {
  const base = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`
  const lines = [
    "",
    `AI Copilot Vibe is running at ${base} (${posture.mode} mode)`,
    ...(wantsDemo
      ? [
          `Sign in at ${base}/signin with any email; without RESEND_API_KEY the link lands in ${base}/dev/mailbox.`,
          "Demo accounts (staff also need a TOTP code: their secrets were printed once, when this database was seeded; `npm start -- --fresh` starts over with new ones):",
          ...demoAccounts().map(
            (account) =>
              `  ${account.role.padEnd(10)} ${account.email}${account.secondFactor ? "" : " (no second factor)"}`,
          ),
        ]
      : [`Sign in at ${base}/signin; staff set up their second factor on their first sign-in.`]),
    "Press Ctrl+C to stop.",
    "",
  ]
  console.log(lines.join("\n"))
}

/** Builds when there is no production build or a source file is newer than it. */
function buildIfStale() {
  const buildId = path.join(".next", "BUILD_ID")
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0
  if (
    builtAt &&
    !newerThan(builtAt, [
      "app",
      "components",
      "lib",
      "emails",
      "public",
      "next.config.ts",
      "proxy.ts",
      "instrumentation.ts",
      "instrumentation-client.ts",
      "package-lock.json",
    ])
  )
    return
  say(
    builtAt
      ? "sources changed since the last build: rebuilding…"
      : "no production build yet: building (about a minute)…",
  )
  const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
  })
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
