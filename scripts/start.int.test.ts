import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdtemp, readdir, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, expect, test } from "vitest"

// `npm start` in production refuses to start, one line per missing setting, before it builds,
// opens a database or seeds anything: each start below exits within seconds and leaves its
// DATA_DIR empty (no secret generated, no embedded database created).

const COMPLETE: Record<string, string> = {
  APP_MODE: "production",
  NEXTAUTH_URL: "https://copilot.example.test",
  NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
  ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  CREDENTIALS_KEY: randomBytes(32).toString("hex"),
  POLAR_ACCESS_TOKEN: "polar_oat_test",
  POLAR_WEBHOOK_SECRET: "polar_whs_test",
}

const dirs: string[] = []
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))

type Outcome = { code: number | null; stdout: string; stderr: string; dataDir: string[] }

/** Runs the launcher with exactly `variables` (plus PATH and HOME) and a DATA_DIR of its own. */
async function start(variables: Record<string, string>): Promise<Outcome> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "acv-start-"))
  dirs.push(dataDir)
  // `npx tsx --conditions=react-server scripts/start.ts`, without npx's own start-up. --dev: should
  // the refusal ever break, nothing is built into the shared .next (the check runs before any flag
  // is acted on); the process group is killed if it has not exited in 30 s.
  const tsx = path.join("node_modules", "tsx", "dist", "cli.mjs")
  const child = spawn(process.execPath, [tsx, "--conditions=react-server", "scripts/start.ts", "--dev", "--no-seed"], {
    cwd: process.cwd(),
    detached: true,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: "3999",
      DATA_DIR: dataDir,
      ...variables,
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 30_000)
  const code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)))
  clearTimeout(timer)
  return { code, stdout, stderr, dataDir: await readdir(dataDir) }
}

const without = (name: string) => Object.fromEntries(Object.entries(COMPLETE).filter(([key]) => key !== name))

const refusals: [string, Record<string, string>, RegExp][] = [
  ["NEXTAUTH_URL missing", without("NEXTAUTH_URL"), /NEXTAUTH_URL is not set/],
  [
    "NEXTAUTH_URL on http",
    { ...COMPLETE, NEXTAUTH_URL: "http://copilot.example.test" },
    /NEXTAUTH_URL must be https:\/\//,
  ],
  [
    "NEXTAUTH_SECRET missing",
    without("NEXTAUTH_SECRET"),
    /NEXTAUTH_SECRET is not set \(generate one with: openssl rand -base64 32\)/,
  ],
  [
    "ENCRYPTION_KEY missing",
    without("ENCRYPTION_KEY"),
    /ENCRYPTION_KEY is not set \(generate one with: openssl rand -hex 32/,
  ],
  [
    "CREDENTIALS_KEY missing",
    without("CREDENTIALS_KEY"),
    /CREDENTIALS_KEY is not set \(generate one with: openssl rand -hex 32/,
  ],
  [
    "POLAR_ACCESS_TOKEN missing (and no BILLING_TEST_MODE)",
    without("POLAR_ACCESS_TOKEN"),
    /POLAR_ACCESS_TOKEN is not set .*BILLING_TEST_MODE=1/,
  ],
  [
    "POLAR_WEBHOOK_SECRET missing (and no BILLING_TEST_MODE)",
    without("POLAR_WEBHOOK_SECRET"),
    /POLAR_WEBHOOK_SECRET is not set .*BILLING_TEST_MODE=1/,
  ],
  ["SEED_DEMO=1", { ...COMPLETE, SEED_DEMO: "1" }, /SEED_DEMO=1 is refused in production/],
]

test.concurrent.each(refusals)(
  "refuses to start in production with %s, naming it, and touches nothing",
  async (_, variables, line) => {
    const outcome = await start(variables)
    expect(outcome.code).toBe(1)
    const problems = outcome.stderr
      .split("\n")
      .filter((text) => text.startsWith("[start] refusing to start in production: "))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(line)
    expect(outcome.stdout).not.toMatch(/embedded PostgreSQL|PostgreSQL from DATABASE_URL|migrat|seeding|building/i)
    expect(outcome.dataDir).toEqual([])
  },
)

test("DATABASE_URL alone means production: with nothing else set, one line for each missing variable", async () => {
  // An address nothing listens on: the refusal comes before any connection is tried.
  const outcome = await start({ DATABASE_URL: "postgres://nobody@127.0.0.1:9/none" })
  expect(outcome.code).toBe(1)
  const named = outcome.stderr
    .split("\n")
    .filter((text) => text.startsWith("[start] refusing to start in production: "))
    .map((text) => text.split(": ")[1]!.split(" ")[0])
  expect(named).toEqual([
    "NEXTAUTH_URL",
    "NEXTAUTH_SECRET",
    "ENCRYPTION_KEY",
    "CREDENTIALS_KEY",
    "POLAR_ACCESS_TOKEN",
    "POLAR_WEBHOOK_SECRET",
  ])
  expect(outcome.stderr).toContain("production because DATABASE_URL is set")
  expect(outcome.dataDir).toEqual([])
})
