// Pieces a benchmark needs to run the production server itself: build when sources changed (never
// two builds at once), an embedded database in its own process, the app server (scripts/serve.ts), the resident memory
// of the server's processes, stopping everything it started, and migrating a bench database.
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs"
import path from "node:path"
import { createPool } from "@/lib/database/client"
import { applyMigrations } from "@/lib/database/migrate"
import { serverNodeOptions } from "../server-memory"

const benchSay = (line: string) => console.log(`[bench] ${line}`)

/** The rule of scripts/start.ts: build when there is none or a source is newer than it. */
export function buildIfStale(say: (line: string) => void = benchSay): void {
  for (;;) {
    while (otherBuildRunning()) {
      say("another next build is running here: waiting for it…")
      spawnSync("sleep", ["10"])
    }
    if (!buildIsStale()) return
    say("building the production server…")
    const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    })
    if (result.status === 0) return
    // Another build may have started between the check and ours (Next refuses a second one).
    if (!otherBuildRunning()) throw new Error(`next build failed (${result.status})`)
  }
}

function buildIsStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID")
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0
  if (builtAt === 0) return true
  const stack = [
    "app",
    "components",
    "lib",
    "emails",
    "public",
    "next.config.ts",
    "proxy.ts",
    "instrumentation.ts",
    "instrumentation-client.ts",
    "package-lock.json",
  ].filter((root) => existsSync(root))
  while (stack.length) {
    const entry = stack.pop()!
    const stat = statSync(entry)
    if (stat.isDirectory()) stack.push(...readdirSync(entry).map((name) => path.join(entry, name)))
    else if (stat.mtimeMs > builtAt) return true
  }
  return false
}

/** Two builds into one .next corrupt each other (Linux: looks through /proc). */
function otherBuildRunning(): boolean {
  if (!existsSync("/proc")) return false
  return pids().some((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")
      // A running build renames its process "next-build (v…)"; just started, it is `… next build`.
      const building =
        argv[0]!.startsWith("next-build") ||
        (argv.some((arg) => arg === "next" || arg.endsWith("/next")) && argv.includes("build"))
      return building && readlinkSync(`/proc/${pid}/cwd`) === process.cwd()
    } catch {
      return false
    }
  })
}

function pids(): string[] {
  return readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))
}

/** A fresh embedded database in `dir`, migrated, in its own process (scripts/bench/embedded-database.ts). */
export async function startEmbeddedDatabaseProcess(
  dir: string,
  maxConnections = 2,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      path.join("node_modules", "tsx", "dist", "cli.mjs"),
      "--conditions=react-server",
      "scripts/bench/embedded-database.ts",
      dir,
      String(maxConnections),
    ],
    {
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let output = ""
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString()
      const line = output.split("\n").find((l) => l.startsWith("{"))
      if (line) resolve((JSON.parse(line) as { url: string }).url)
    })
    child.once("exit", (code) => reject(new Error(`the embedded database exited with ${code}`)))
  })
  return { child, url }
}

/**
 * The app's server (scripts/serve.ts, as `npm start` runs it) in its own process group, resolved
 * once /api/health/ready answers. A demo unless `env`
 * says otherwise: a bench server is plain http on localhost with throwaway secrets and simulated
 * payments, which production (any DATABASE_URL) would refuse (lib/config/posture.ts).
 */
export async function startNext(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    // As `npm start` runs it: the production heap limit unless `env` brings its own NODE_OPTIONS.
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      APP_MODE: "demo",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS, process.env.NODE_HEAP_MB),
      ...env,
    },
  })
  const deadline = Date.now() + 3 * 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
    if (
      await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error("the server did not become ready in 3 minutes")
}

/** SIGTERM to the process group, SIGKILL after 10 s. */
export async function stopProcessGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once("exit", resolve))
  process.kill(-child.pid, "SIGTERM")
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
  if (child.exitCode === null) process.kill(-child.pid, "SIGKILL")
}

export type ProcessSample = { pid: number; comm: string; pgrp: number; cpuMs: number }

/** Every process with its name, process group and CPU time so far (user + system); empty off Linux. */
export function listProcesses(): ProcessSample[] {
  if (!existsSync("/proc")) return []
  const found: ProcessSample[] = []
  for (const pid of pids()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"))
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      // pgrp, utime, stime; USER_HZ is 100 on Linux
      found.push({
        pid: Number(pid),
        comm,
        pgrp: Number(fields[2]),
        cpuMs: (Number(fields[11]) + Number(fields[12])) * 10,
      })
    } catch {
      // the process ended between listing and reading
    }
  }
  return found
}

/** Resident memory (VmRSS) of every process in `child`'s process group, in MB; null off Linux. */
export function processGroupRssMb(child: ChildProcess): number | null {
  const pgid = child.pid
  if (!pgid || !existsSync("/proc")) return null
  let kb = 0
  for (const pid of pids()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== pgid) continue
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0)
    } catch {
      // the process ended between listing and reading
    }
  }
  return Math.round(kb / 102.4) / 10
}

/** Brings the database at `url` to the latest migration, over a connection of its own. */
export async function migrateDatabase(url: string): Promise<void> {
  const pool = createPool(url, 1)
  try {
    await applyMigrations(pool)
  } finally {
    await pool.end()
  }
}
