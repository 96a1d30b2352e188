import { readFile, unlink, writeFile } from "node:fs/promises"
import path from "node:path"
import { appMode } from "@/lib/config/posture"
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded"
import { DATA_DIR, EMBEDDED_DB_DIR } from "./local"
import { loadLocalSecrets } from "./local-secrets"

// How command-line tools (CLI, seed, migrate) and the launcher reach the database: DATABASE_URL
// when set; else the embedded database of a running app (it publishes its address); else they
// open .data/pglite themselves. In a demo, local secrets fill in what the environment does not set;
// production never generates one (scripts/start.ts refuses to start without them).

const ADDRESS_FILE = path.join(DATA_DIR, "embedded.json")

type Published = { pid: number; url: string }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export async function publishEmbeddedAddress(url: string): Promise<void> {
  await writeFile(ADDRESS_FILE, JSON.stringify({ pid: process.pid, url } satisfies Published))
}

export async function unpublishEmbeddedAddress(): Promise<void> {
  await unlink(ADDRESS_FILE).catch(() => {})
}

async function runningEmbedded(): Promise<Published | null> {
  const published = await readFile(ADDRESS_FILE, "utf8").then(
    (text) => JSON.parse(text) as Published,
    () => null,
  )
  return published && alive(published.pid) ? published : null
}

export type ScriptDatabase = { url: string; poolMax: number; embedded?: EmbeddedDatabase; stop: () => Promise<void> }

/** Sets APP_MODE, DATABASE_URL, DATABASE_POOL_MAX and (demo) missing local secrets in process.env for this process. */
export async function openScriptDatabase(options: { maxConnections?: number } = {}): Promise<ScriptDatabase> {
  // Decided before DATABASE_URL points at the embedded database, which would read as production.
  process.env.APP_MODE ??= appMode(process.env)
  await fillLocalSecrets()
  let result: ScriptDatabase
  if (process.env.DATABASE_URL) {
    result = {
      url: process.env.DATABASE_URL,
      poolMax: Number(process.env.DATABASE_POOL_MAX ?? 10),
      stop: async () => {},
    }
  } else {
    const running = await runningEmbedded()
    if (running) {
      result = { url: running.url, poolMax: 1, stop: async () => {} }
    } else {
      const embedded = await startEmbeddedDatabase({ dataDir: EMBEDDED_DB_DIR, maxConnections: options.maxConnections })
      result = { url: embedded.url, poolMax: 1, embedded, stop: embedded.stop }
    }
  }
  process.env.DATABASE_URL = result.url
  process.env.DATABASE_POOL_MAX = String(result.poolMax)
  return result
}

/** Demo only: the secrets the environment does not set, from (or generated into) `dir`/secrets.json. */
export async function fillLocalSecrets(
  target: Record<string, string | undefined> = process.env,
  dir = DATA_DIR,
): Promise<void> {
  if (appMode(target) === "production") return
  if (target.NEXTAUTH_SECRET && target.ENCRYPTION_KEY && target.CREDENTIALS_KEY) return
  const secrets = await loadLocalSecrets(dir)
  target.NEXTAUTH_SECRET ||= secrets.NEXTAUTH_SECRET
  target.ENCRYPTION_KEY ||= secrets.ENCRYPTION_KEY
  target.CREDENTIALS_KEY ||= secrets.CREDENTIALS_KEY
}
