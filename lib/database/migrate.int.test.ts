import { readFile } from "node:fs/promises"
import type pg from "pg"
import { afterAll, beforeAll, expect, test } from "vitest"
import { createPool } from "./client"
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded"
import { applyMigrations, diffSchemas, SCHEMA_PATH, SNAPSHOT_PATH, SQL_ONLY_INDEXES } from "./migrate"

// The committed migrations must build exactly the database schema.prisma describes, and
// schema.prisma must not have moved on without a migration.

const opened: { pool: pg.Pool; db: EmbeddedDatabase }[] = []
afterAll(async () => {
  for (const { pool, db } of opened) {
    await pool.end()
    await db.stop()
  }
})

async function emptyDatabase(): Promise<pg.Pool> {
  const db = await startEmbeddedDatabase()
  const pool = createPool(db.url, 1)
  opened.push({ pool, db })
  return pool
}

async function catalog(pool: pg.Pool) {
  const query = async (sql: string) => (await pool.query(sql)).rows
  return {
    columns: await query(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`),
    indexes: await query(`SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`),
    // PostgreSQL 17 (PGlite) lists NOT NULL as constraints, 15 does not; columns cover nullability.
    constraints:
      await query(`SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' AND c.contype <> 'n' AND c.conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`),
    enums: await query(`SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      ORDER BY t.typname, e.enumsortorder`),
  }
}

let migrated: pg.Pool
let direct: pg.Pool
let expected: Awaited<ReturnType<typeof catalog>>

beforeAll(async () => {
  migrated = await emptyDatabase()
  direct = await emptyDatabase()
  await direct.query(await diffSchemas(direct, null, await readFile(SCHEMA_PATH, "utf8")))
  for (const index of SQL_ONLY_INDEXES) await direct.query(index)
  expected = await catalog(direct)
})

test("migrating an empty database from zero gives exactly the schema of schema.prisma", async () => {
  expect(await applyMigrations(migrated)).not.toHaveLength(0)
  expect(expected.columns.length).toBeGreaterThan(50)
  expect(await catalog(migrated)).toEqual(expected)
  // Applying again is a no-op.
  expect(await applyMigrations(migrated)).toEqual([])
})

test("the database under test (the server in DATABASE_URL, or embedded) matches schema.prisma too", async () => {
  const pool = createPool(process.env.DATABASE_URL!, 1)
  try {
    expect(await catalog(pool)).toEqual(expected)
  } finally {
    await pool.end()
  }
})

test("schema.prisma has no change that lacks a migration (run npm run db:migration -- <name>)", async () => {
  const [snapshot, schema] = await Promise.all([readFile(SNAPSHOT_PATH, "utf8"), readFile(SCHEMA_PATH, "utf8")])
  const sql = await diffSchemas(direct, snapshot, schema)
  expect(sql.replace(/--.*$/gm, "").trim()).toBe("")
})
