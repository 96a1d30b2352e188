// A stand-alone embedded database for a benchmark's server: wipes and opens PGlite in the folder
// given, applies the migrations, prints {"url": …} on one line, and serves until SIGTERM. In its
// own process, so the database's work does not share an event loop with the load generator.
// Usage: tsx --conditions=react-server scripts/bench/embedded-database.ts <dir> [maxConnections]
import { rm } from "node:fs/promises"
import { createPool } from "@/lib/database/client"
import { startEmbeddedDatabase } from "@/lib/database/embedded"
import { applyMigrations } from "@/lib/database/migrate"

const dataDir = process.argv[2]
if (!dataDir) {
  console.error("usage: embedded-database.ts <dir> [maxConnections]")
  process.exit(2)
}
await rm(dataDir, { recursive: true, force: true })
const database = await startEmbeddedDatabase({ dataDir, maxConnections: Number(process.argv[3] ?? 2) })
const pool = createPool(database.url, 1)
await applyMigrations(pool)
await pool.end()
console.log(JSON.stringify({ url: database.url }))

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await database.stop()
  process.exit(0)
}
process.on("SIGTERM", () => void stop())
process.on("SIGINT", () => void stop())
