import { readdir } from "node:fs/promises"
import path from "node:path"
import { db } from "@/lib/db"

export type Check = { ok: boolean; latencyMs: number; detail?: string }
export type HealthReport = { status: "ok" | "fail"; checks: Record<string, Check> }

async function timed(run: () => Promise<string | undefined>): Promise<Check> {
  const started = performance.now()
  try {
    const detail = await run()
    return { ok: true, latencyMs: round(performance.now() - started), ...(detail ? { detail } : {}) }
  } catch (error) {
    return {
      ok: false,
      latencyMs: round(performance.now() - started),
      detail: error instanceof Error ? error.message : String(error),
    }
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100

export function liveness(): HealthReport {
  return {
    status: "ok",
    checks: { process: { ok: true, latencyMs: 0, detail: `up ${Math.round(process.uptime())}s` } },
  }
}

/** Ready = the database answers and every migration in prisma/migrations has been applied. */
export async function readiness(
  migrationsDir = path.resolve(process.cwd(), "prisma/migrations"),
): Promise<HealthReport> {
  const database = await timed(async () => {
    await db.$queryRaw`SELECT 1`
    return undefined
  })
  const migrations = database.ok
    ? await timed(async () => {
        // Read at run time from the deployed tree; not something to trace into the bundle.
        const expected = (await readdir(/* turbopackIgnore: true */ migrationsDir, { withFileTypes: true }))
          .filter((e) => e.isDirectory())
          .map((e) => e.name)
        const rows = await db.$queryRaw<{ migration_name: string }[]>`
          SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
        const applied = new Set(rows.map((row) => row.migration_name))
        const pending = expected.filter((name) => !applied.has(name))
        if (pending.length) throw new Error(`pending migrations: ${pending.join(", ")}`)
        return `${applied.size} applied`
      })
    : { ok: false, latencyMs: 0, detail: "skipped: database unreachable" }
  const checks = { database, migrations }
  return { status: Object.values(checks).every((c) => c.ok) ? "ok" : "fail", checks }
}
