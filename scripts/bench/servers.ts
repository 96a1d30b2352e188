// Production servers for a benchmark that compares several at once. Builds once when sources
// changed (the rule of scripts/start.ts), then runs the app server (scripts/serve.ts) itself: scripts/start.ts checks
// for a rebuild on every start, which could replace the build under a server already running.
// Each server gets its own database: a fresh embedded one (scripts/bench/embedded-database.ts) in
// <root>/<name>, or, with DATABASE_URL, a scratch database on that server (without CREATEDB
// rights, the database itself, shared). Own databases keep the scheduled jobs (the uptime probe
// renders the landing page every minute) on every server alike.
import { type ChildProcess, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { existsSync } from "node:fs"
import { rm } from "node:fs/promises"
import path from "node:path"
import pg from "pg"
import { withDatabase } from "@/lib/testing/database-url"
import { listProcesses, migrateDatabase } from "./server"

export { buildIfStale } from "./server"

export type Server = { name: string; base: string; databaseUrl: string; children: ChildProcess[] }

export class BenchServers {
  readonly external: boolean
  private readonly serverUrl: string | undefined
  private readonly servers: Server[] = []
  private readonly scratch: string[] = []
  private readonly secrets = { NEXTAUTH_SECRET: hex(), ENCRYPTION_KEY: hex(), CREDENTIALS_KEY: hex() }

  constructor(private readonly options: { root: string; prefix: string; say: (line: string) => void }) {
    this.serverUrl = process.env.DATABASE_URL
    this.external = Boolean(this.serverUrl)
  }

  /** Which database the servers use, for reports. */
  describe(): string {
    if (!this.external) return "embedded (PGlite), one per server"
    return this.scratch.length
      ? "postgresql (DATABASE_URL's server), a scratch database per server"
      : "postgresql (DATABASE_URL), shared"
  }

  async start(name: string, port: number, env: Record<string, string>): Promise<Server> {
    const base = `http://127.0.0.1:${port}`
    const server: Server = { name, base, databaseUrl: "", children: [] }
    this.servers.push(server)
    server.databaseUrl = this.external ? await this.scratchDatabase(name) : await this.embeddedDatabase(server)
    this.options.say(
      `server ${name.toUpperCase()}: app server on :${port} ${Object.entries(env)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ")}`,
    )
    // The app's own server (scripts/serve.ts), as `npm start` runs it: the one that names itself
    // acv-server, which signal() looks for.
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      detached: true,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        ...this.secrets,
        NODE_ENV: "production",
        PORT: String(port),
        // A demo: http on localhost, throwaway secrets (as scripts/bench/server.ts startNext).
        APP_MODE: "demo",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: server.databaseUrl,
        DATABASE_POOL_MAX: this.external ? (process.env.DATABASE_POOL_MAX ?? "10") : "1",
        NEXTAUTH_URL: base,
        POLAR_ACCESS_TOKEN: "",
        RESEND_API_KEY: "",
        SENTRY_DSN: "",
        ...env,
      },
    })
    server.children.push(child)
    const deadline = Date.now() + 3 * 60_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server ${name} exited with ${child.exitCode}`)
      if (
        await fetch(`${base}/api/health/ready`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return server
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    throw new Error(`server ${name} did not become ready in 3 minutes`)
  }

  /** The server first, then its database. */
  async stop(server: Server): Promise<void> {
    for (const child of [...server.children].reverse()) {
      if (child.exitCode !== null || !child.pid) continue
      const exited = new Promise((resolve) => child.once("exit", resolve))
      process.kill(-child.pid, "SIGTERM")
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL")
    }
    this.options.say(`server ${server.name.toUpperCase()} stopped`)
  }

  /** Stops everything started and, unless kept, removes the databases made for it. */
  async close(keep = false): Promise<void> {
    for (const server of this.servers) await this.stop(server)
    if (keep) return
    if (!this.external) await rm(this.options.root, { recursive: true, force: true })
    if (this.scratch.length) {
      const admin = new pg.Client({ connectionString: this.serverUrl })
      await admin.connect()
      for (const database of this.scratch) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
      await admin.end()
    }
  }

  /** CPU time (user + system, ms) used so far by a server's processes (its process group); Linux only. */
  cpuMs(server: Server): number | null {
    const pgid = server.children.at(-1)?.pid
    if (!pgid || !existsSync("/proc")) return null
    return listProcesses()
      .filter((proc) => proc.pgrp === pgid)
      .reduce((sum, proc) => sum + proc.cpuMs, 0)
  }

  /** Sends a signal to the server's process (scripts/serve.ts names itself acv-server); Linux only. */
  signal(server: Server, signal: NodeJS.Signals): number {
    const pgid = server.children.at(-1)?.pid
    if (!pgid) return 0
    const targets = listProcesses().filter((proc) => proc.pgrp === pgid && proc.comm.startsWith("acv-server"))
    for (const proc of targets) process.kill(proc.pid, signal)
    return targets.length
  }

  private async embeddedDatabase(server: Server): Promise<string> {
    const dataDir = path.join(this.options.root, server.name)
    this.options.say(
      `server ${server.name.toUpperCase()}: embedded database in ${path.relative(process.cwd(), dataDir)}…`,
    )
    const database = spawn(
      process.execPath,
      [
        path.join("node_modules", "tsx", "dist", "cli.mjs"),
        "--conditions=react-server",
        "scripts/bench/embedded-database.ts",
        path.join(dataDir, "pglite"),
        "2",
      ],
      {
        detached: true,
        stdio: ["ignore", "pipe", "inherit"],
      },
    )
    server.children.push(database)
    return new Promise<string>((resolve, reject) => {
      let output = ""
      database.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString()
        const line = output.split("\n").find((l) => l.startsWith("{"))
        if (line) resolve((JSON.parse(line) as { url: string }).url)
      })
      database.once("exit", (code) => reject(new Error(`server ${server.name}'s database exited with ${code}`)))
    })
  }

  private async scratchDatabase(name: string): Promise<string> {
    const url = this.serverUrl!
    const database = `${this.options.prefix}_${name}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
      await admin.query(`CREATE DATABASE ${database}`)
      this.scratch.push(database)
    } catch (error) {
      this.options.say(
        `cannot create a scratch database (${error instanceof Error ? error.message : String(error)}): the servers share DATABASE_URL, and whichever claims the scheduled jobs does more work`,
      )
      await migrateDatabase(url)
      return url
    } finally {
      await admin.end()
    }
    const target = withDatabase(url, database)
    await migrateDatabase(target)
    return target
  }
}

const hex = () => randomBytes(32).toString("hex")
