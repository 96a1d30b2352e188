import { randomBytes } from "node:crypto"
import { mkdir, readFile, writeFile } from "node:fs/promises"
import path from "node:path"
import { DATA_DIR } from "./local"

export type LocalSecrets = { NEXTAUTH_SECRET: string; ENCRYPTION_KEY: string; CREDENTIALS_KEY: string }

/**
 * Demo mode (no secrets configured): generated once and kept in .data/secrets.json, so sessions
 * and encrypted secrets survive restarts. Never called in production, which sets them all in the
 * environment (lib/config/posture.ts; fillLocalSecrets in script-db.ts checks the mode).
 */
export async function loadLocalSecrets(dir = DATA_DIR): Promise<LocalSecrets> {
  const file = path.join(dir, "secrets.json")
  const existing = await readFile(file, "utf8").then(
    (text) => JSON.parse(text) as Partial<LocalSecrets>,
    () => ({}) as Partial<LocalSecrets>,
  )
  const secrets: LocalSecrets = {
    NEXTAUTH_SECRET: existing.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex"),
    ENCRYPTION_KEY: existing.ENCRYPTION_KEY ?? randomBytes(32).toString("hex"),
    CREDENTIALS_KEY: existing.CREDENTIALS_KEY ?? randomBytes(32).toString("hex"),
  }
  if ((Object.keys(secrets) as (keyof LocalSecrets)[]).some((key) => existing[key] !== secrets[key])) {
    await mkdir(dir, { recursive: true })
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  }
  return secrets
}
