// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that turns the schema of the last migration into prisma/schema.prisma. Needs no database
// server: the diff runs on an in-memory embedded database.
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises"
import path from "node:path"
import { createPool } from "@/lib/database/client"
import { startEmbeddedDatabase } from "@/lib/database/embedded"
import { diffSchemas, MIGRATIONS_DIR, SCHEMA_PATH, SNAPSHOT_PATH } from "@/lib/database/migrate"

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lower-case letters, digits and _)")
  process.exit(2)
}

const previous = await readFile(SNAPSHOT_PATH, "utf8").catch(() => null)
const current = await readFile(SCHEMA_PATH, "utf8")
const embedded = await startEmbeddedDatabase()
const pool = createPool(embedded.url, 1)
try {
  const sql = await diffSchemas(pool, previous, current)
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
    console.log("schema.prisma matches the last migration: nothing to write")
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14)
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`)
    await mkdir(dir, { recursive: true })
    await writeFile(path.join(dir, "migration.sql"), sql)
    await copyFile(SCHEMA_PATH, SNAPSHOT_PATH)
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then npm run db:migrate`)
  }
} finally {
  await pool.end()
  await embedded.stop()
}
