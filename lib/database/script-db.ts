import { readFile, unlink, writeFile } from "node:fs/promises"
import path from "node:path"
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded"
import { DATA_DIR, EMBEDDED_DB_DIR } from "./local"
import { loadLocalSecrets } from "./local-secrets"

// How command-line tools (CLI, seed, migrate) and the launcher reach the database: DATABASE_URL
// when set; else the embedded database of a running app (it publishes its address); else they
// open .data/pglite themselves. Local secrets fill in what the environment does not set.

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
  const published = await readFile(ADDRESS_FILE, "utf8").then((text) => JSON.parse(text) as Published, () => null)
  return published && alive(published.pid) ? published : null
}

export type ScriptDatabase = { url: string; poolMax: number; embedded?: EmbeddedDatabase; stop: () => Promise<void> }

/** Sets DATABASE_URL, DATABASE_POOL_MAX and missing local secrets in process.env for this process. */
export async function openScriptDatabase(options: { maxConnections?: number } = {}): Promise<ScriptDatabase> {
  await fillLocalSecrets()
  let result: ScriptDatabase
  if (process.env.DATABASE_URL) {
    result = { url: process.env.DATABASE_URL, poolMax: Number(process.env.DATABASE_POOL_MAX ?? 10), stop: async () => {} }
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

export async function fillLocalSecrets(): Promise<void> {
  if (process.env.NEXTAUTH_SECRET && process.env.ENCRYPTION_KEY && process.env.CREDENTIALS_KEY) return
  const secrets = await loadLocalSecrets()
  process.env.NEXTAUTH_SECRET ??= secrets.NEXTAUTH_SECRET
  process.env.ENCRYPTION_KEY ??= secrets.ENCRYPTION_KEY
  process.env.CREDENTIALS_KEY ??= secrets.CREDENTIALS_KEY
}
