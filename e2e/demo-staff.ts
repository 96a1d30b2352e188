import { readFile } from "node:fs/promises"
import path from "node:path"
import pg from "pg"
import { DEMO_STAFF } from "@/prisma/seed/accounts"
import { decryptSecret } from "@/lib/security/crypto"
import { E2E_DATA_DIR } from "./data-dir"

let secrets: Promise<Map<string, string>> | undefined

/**
 * A demo staff member's TOTP secret. They are random per database (prisma/seed), printed once when it
 * is seeded, so the journeys read them back as the app itself does: from the server's database,
 * decrypted with its ENCRYPTION_KEY. Read once per worker.
 */
export async function demoTotpSecret(email: string): Promise<string> {
  secrets ??= readDemoTotpSecrets()
  const secret = (await secrets).get(email)
  if (!secret) throw new Error(`${email} is not an enrolled demo staff member of the e2e database`)
  return secret
}

async function readDemoTotpSecrets(): Promise<Map<string, string>> {
  const dir = path.resolve(E2E_DATA_DIR)
  const read = (file: string) =>
    readFile(path.join(dir, file), "utf8").then((text) => JSON.parse(text) as Record<string, string>)
  // scripts/start.ts publishes the embedded database's address while it runs, and keeps it a
  // second connection: the one the CLI uses, here for one query.
  const { url } = await read("embedded.json")
  // The server's key: the environment's (the server inherits it), else the one generated into DATA_DIR.
  const key = process.env.ENCRYPTION_KEY || (await read("secrets.json")).ENCRYPTION_KEY
  if (!url || !key)
    throw new Error(`no running e2e server: ${path.join(dir, "embedded.json")} or its ENCRYPTION_KEY is missing`)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ email: string; sealed: string }>(
      "SELECT email, totp_secret_enc AS sealed FROM users WHERE email = ANY($1) AND totp_secret_enc IS NOT NULL",
      [DEMO_STAFF.map((member) => member.email)],
    )
    return new Map(rows.map((row) => [row.email, decryptSecret(row.sealed, key)]))
  } finally {
    await client.end()
  }
}
