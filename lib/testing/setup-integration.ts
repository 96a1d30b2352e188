import { randomBytes } from "node:crypto"
import { readFile } from "node:fs/promises"
import pg from "pg"
import { afterAll, inject } from "vitest"
import { startEmbeddedDatabase } from "@/lib/database/embedded"
import { withDatabase } from "./database-url"

// Runs before each integration test file: its own database, so files never see each other's rows.
const target = inject("testDatabase")
process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("hex")
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("hex")
process.env.CREDENTIALS_KEY ??= randomBytes(32).toString("hex")
// The test database's DATABASE_URL would read as production (lib/config/posture.ts), and so would a
// shell's APP_MODE: tests run as a demo (test-mode billing, an open mailbox) unless one sets it itself.
process.env.APP_MODE = "demo"
// Tests send X-Forwarded-For as the one proxy in front of production would; the tests of no proxy
// at all (the default, 0) set it themselves.
process.env.TRUSTED_PROXY_HOPS ??= "1"

if (target.kind === "server") {
  const name = `acv_test_${randomBytes(6).toString("hex")}`
  const admin = new pg.Client({ connectionString: target.serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${target.template}`)
  process.env.DATABASE_URL = withDatabase(target.serverUrl, name)
  process.env.DATABASE_POOL_MAX = "5"
  afterAll(async () => {
    const { disconnectDb } = await import("@/lib/db")
    await disconnectDb()
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  })
} else {
  const snapshot = new Blob([await readFile(target.snapshotPath)])
  const embedded = await startEmbeddedDatabase({ snapshot })
  process.env.DATABASE_URL = embedded.url
  process.env.DATABASE_POOL_MAX = "1"
  afterAll(async () => {
    const { disconnectDb } = await import("@/lib/db")
    await disconnectDb()
    await embedded.stop()
  })
}
