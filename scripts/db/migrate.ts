// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded database in
// .data/ when it is unset (stop the app first: the embedded database serves one process).
import { createPool } from "@/lib/database/client"
import { startEmbeddedDatabase } from "@/lib/database/embedded"
import { EMBEDDED_DB_DIR } from "@/lib/database/local"
import { applyMigrations } from "@/lib/database/migrate"

const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedDatabase({ dataDir: EMBEDDED_DB_DIR })
const pool = createPool(process.env.DATABASE_URL ?? embedded!.url, 1)
try {
  const applied = await applyMigrations(pool, console.log)
  console.log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date")
} finally {
  await pool.end()
  await embedded?.stop()
}
