import { randomBytes } from "node:crypto"
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import pg from "pg"
import type { TestProject } from "vitest/node"
import { createPool } from "@/lib/database/client"
import { startEmbeddedDatabase } from "@/lib/database/embedded"
import { applyMigrations } from "@/lib/database/migrate"
import { withDatabase } from "./database-url"

// Migrates once, then every test file gets its own copy: a database cloned from a template on the
// server in DATABASE_URL, or, with no DATABASE_URL, an embedded database loaded from a snapshot.

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { kind: "server"; serverUrl: string; template: string } | { kind: "embedded"; snapshotPath: string }
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl) {
    const template = `acv_template_${randomBytes(4).toString("hex")}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${template}`)
    const pool = createPool(withDatabase(serverUrl, template), 1)
    await applyMigrations(pool)
    await pool.end()
    project.provide("testDatabase", { kind: "server", serverUrl, template })
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)
      await admin.end()
    }
  }
  const embedded = await startEmbeddedDatabase()
  const pool = createPool(embedded.url, 1)
  await applyMigrations(pool)
  await pool.end()
  const snapshot = await embedded.pglite.dumpDataDir("none")
  await embedded.stop()
  const dir = await mkdtemp(path.join(tmpdir(), "acv-test-"))
  const snapshotPath = path.join(dir, "migrated.tar")
  await writeFile(snapshotPath, Buffer.from(await snapshot.arrayBuffer()))
  project.provide("testDatabase", { kind: "embedded", snapshotPath })
  return async () => rm(dir, { recursive: true, force: true })
}
