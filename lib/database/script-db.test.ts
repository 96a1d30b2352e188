import { mkdtemp, readdir, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, expect, test } from "vitest"
import { fillLocalSecrets } from "./script-db"

const dirs: string[] = []
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))
async function emptyDir() {
  const dir = await mkdtemp(path.join(tmpdir(), "acv-secrets-"))
  dirs.push(dir)
  return dir
}

test("production never generates a secret: nothing is written and the environment stays as it was", async () => {
  for (const target of [
    { APP_MODE: "production" },
    { DATABASE_URL: "postgres://app@db.internal/copilot" },
    { APP_MODE: "production", NEXTAUTH_SECRET: "set-by-the-operator" },
  ]) {
    const dir = await emptyDir()
    const before = { ...target }
    await fillLocalSecrets(target, dir)
    expect(target).toEqual(before)
    expect(await readdir(dir)).toEqual([])
  }
})

test("a demo generates what the environment lacks into secrets.json once, and reuses it", async () => {
  const dir = await emptyDir()
  const first: Record<string, string | undefined> = { ENCRYPTION_KEY: "" } // blank counts as unset
  await fillLocalSecrets(first, dir)
  const stored = JSON.parse(await readFile(path.join(dir, "secrets.json"), "utf8")) as Record<string, string>
  for (const key of ["NEXTAUTH_SECRET", "ENCRYPTION_KEY", "CREDENTIALS_KEY"]) {
    expect(stored[key]).toMatch(/^[0-9a-f]{64}$/)
    expect(first[key]).toBe(stored[key])
  }
  const second: Record<string, string | undefined> = {
    APP_MODE: "demo",
    DATABASE_URL: "postgres://demo@localhost/demo",
    NEXTAUTH_SECRET: "from-the-environment",
  }
  await fillLocalSecrets(second, dir)
  expect(second).toMatchObject({
    NEXTAUTH_SECRET: "from-the-environment",
    ENCRYPTION_KEY: stored.ENCRYPTION_KEY,
    CREDENTIALS_KEY: stored.CREDENTIALS_KEY,
  })
})
