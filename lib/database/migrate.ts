import { readdir, readFile } from "node:fs/promises"
import path from "node:path"
import type { MigrationList } from "@prisma/schema-engine-wasm"
import type pg from "pg"
import { openSchemaEngine } from "./schema-engine"

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations")
export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma")
/** The schema as of the newest migration: the "from" side when diffing the next one. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema-snapshot.prisma")

/**
 * Indexes schema.prisma cannot express (INCLUDE columns, a WHERE predicate), created in SQL by a
 * migration of their own; Prisma's diff leaves them alone. The schema test builds a database from
 * schema.prisma plus these and expects the migrations to give exactly the same.
 */
export const SQL_ONLY_INDEXES: readonly string[] = [
  // Session durations (lib/analytics/reports/traffic.ts): a median bucket's values in order, by start.
  `CREATE INDEX "analytics_sessions_duration_idx" ON "analytics_sessions" (((extract(epoch FROM "ended_at" - "started_at") * 1000000)::bigint), "started_at") INCLUDE ("ended_at")`,
  // Kept funnels (lib/analytics/funnels/kept-queries.ts), each covering what the report reads so no
  // entry row is visited: a median bucket's entries, per step; the entries of people returning;
  // the cells of a range.
  ...[1, 2, 3, 4, 5, 6, 7].map(
    (k) =>
      `CREATE INDEX "analytics_funnel_entries_d${k}_idx" ON "analytics_funnel_entries" ("funnel", "d${k}") INCLUDE ("entry_day", "previous_entry_day", "person", "country", "device", "utm_source", "variant") WHERE "d${k}" IS NOT NULL`,
  ),
  `CREATE INDEX "analytics_funnel_entries_returning_idx" ON "analytics_funnel_entries" ("funnel", "entry_day") INCLUDE ("previous_entry_day", "person", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "country", "device", "utm_source", "variant") WHERE "previous_entry_day" IS NOT NULL`,
  `CREATE INDEX "analytics_funnel_entries_returned_idx" ON "analytics_funnel_entries" ("funnel", "previous_entry_day") INCLUDE ("entry_day", "person", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "country", "device", "utm_source", "variant") WHERE "previous_entry_day" IS NOT NULL`,
  // Web vitals (lib/analytics/reports/web-vitals.ts): every field the report reads, by instant.
  `CREATE INDEX "analytics_web_vitals_at_idx" ON "analytics_web_vitals" ("at") INCLUDE ("metric", "path", "value")`,
  `CREATE INDEX "analytics_funnel_cells_range_idx" ON "analytics_funnel_cells" ("funnel", "breakdown", "entry_day") INCLUDE ("segment", "step", "bucket", "people", "total_us", "min_us", "max_us")`,
]

const noFilter = { externalTables: [], externalEnums: [] }

export async function loadMigrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql")
      const content = await readFile(file, "utf8").then(
        (sql) => ({ tag: "ok" as const, value: sql }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      )
      return { path: name, migrationFile: { path: "migration.sql", content } }
    }),
  )
  const lockPath = path.join(dir, "migration_lock.toml")
  const lockContent = await readFile(lockPath, "utf8").catch(() => null)
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  }
}

/** Applies every pending migration and records it in `_prisma_migrations`, as `prisma migrate deploy` does. */
export async function applyMigrations(pool: pg.Pool, log: (line: string) => void = () => {}): Promise<string[]> {
  const datamodel = await readFile(SCHEMA_PATH, "utf8")
  const engine = await openSchemaEngine(pool, datamodel)
  try {
    const migrationsList = await loadMigrationList()
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilter })
    for (const name of appliedMigrationNames) log(`applied migration ${name}`)
    return appliedMigrationNames
  } finally {
    engine.free()
  }
}

/** SQL that turns schema `from` (null: an empty database) into schema `to`; empty when they agree. */
export async function diffSchemas(pool: pg.Pool, from: string | null, to: string): Promise<string> {
  const engine = await openSchemaEngine(pool, to)
  try {
    const toTarget = { tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content: to }] }
    const fromTarget =
      from === null
        ? { tag: "empty" as const }
        : { tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content: from }] }
    const result = await engine.diff({
      from: fromTarget,
      to: toTarget,
      script: true,
      exitCode: null,
      filters: noFilter,
    })
    return result.stdout ?? ""
  } finally {
    engine.free()
  }
}

/** SQL that turns the live database into `to`; empty when the database matches the schema. */
export async function diffDatabaseToSchema(pool: pg.Pool, to: string): Promise<string> {
  const engine = await openSchemaEngine(pool, to)
  try {
    const files = [{ path: "schema.prisma", content: to }]
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: noFilter,
    })
    return result.stdout ?? ""
  } finally {
    engine.free()
  }
}
