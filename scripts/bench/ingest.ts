// npm run bench:ingest — POST /api/events against the production server, next to a bare JSON route
// (GET /api/health) measured in the same run, with autocannon:
//   1. bare route req/s and single-event POST req/s, in alternating rounds (target ≥ 85% of bare,
//      judged on the median of the rounds' ratios, which resists a round another process disturbed);
//   2. events/s in batches of 50 (target ≥ 25,000);
//   3. latency at an offered rate of half the measured single-event capacity (target p99 < 50 ms);
//   4. rows landed, counted by this run's tag, against the events of the 202s received (exact);
//   5. the server's peak resident memory, sampled from /proc all along (target < 512 MB).
// Requests come from 10,000 addresses in turn (x-forwarded-for): 10,000 visitors active at once,
// whose hashes and countries vary as in real traffic, each well under the per-visitor rate limit. Write phases send
// a fixed number of requests (autocannon `amount`), so every request sent is answered and counted.
// Builds when sources changed, then starts the app server (scripts/serve.ts) itself on DATABASE_URL (a scratch database
// on that server when it may create one) or on a fresh embedded database in .data/bench-ingest.
// Flags: --duration 10 --connections 50 --batch 50 --rounds 4 --port 3400 --keep; the server gets the
// heap limit `npm start` gives it (scripts/server-memory.ts), --heap <MB> another one (as NODE_HEAP_MB),
// and --node-options=<flags> more V8 or Node flags.
import { randomBytes } from "node:crypto"
import type { ChildProcess } from "node:child_process"
import { mkdir, rm, writeFile } from "node:fs/promises"
import path from "node:path"
import { parseArgs } from "node:util"
import autocannon from "autocannon"
import pg from "pg"
import { withDatabase } from "@/lib/testing/database-url"
import { serverNodeOptions } from "../server-memory"
import {
  buildIfStale,
  migrateDatabase,
  processGroupRssMb,
  startEmbeddedDatabaseProcess,
  startNext,
  stopProcessGroup,
} from "./server"

const { values } = parseArgs({
  options: {
    duration: { type: "string" },
    connections: { type: "string" },
    batch: { type: "string" },
    rounds: { type: "string" },
    port: { type: "string" },
    heap: { type: "string" },
    "node-options": { type: "string" },
    keep: { type: "boolean" },
  },
})
const DURATION = Number(values.duration ?? 10)
const CONNECTIONS = Number(values.connections ?? 50)
const BATCH = Number(values.batch ?? 50)
const ROUNDS = Number(values.rounds ?? 4)
const PORT = Number(values.port ?? 3400)
const BASE = `http://127.0.0.1:${PORT}`
const DATA_DIR = path.resolve(".data/bench-ingest")
const SERVER_URL = process.env.DATABASE_URL
const SCRATCH = "acv_bench_ingest"
const run = randomBytes(3).toString("hex")
const say = (line: string) => console.log(`[bench] ${line}`)
const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"

type Phase = {
  latencies?: number[]
  name: string
  peakRssMb: number
  requests: number
  seconds: number
  perSecond: number
  eventsPerSecond: number
  p50: number
  p95: number
  p99: number
  statuses: Record<string, number>
  errors: number
  timeouts: number
  eventsPerRequest: number
}

let database: ChildProcess | undefined
let server: ChildProcess | undefined
let scratchCreated = false
let peakRssMb = 0
// The largest resident size seen since the running phase started (each phase reports its own).
let phasePeakRssMb = 0
let addressCounter = 0
// Events sent in requests that got 202, per phase tag: what must have landed.
const phasesSent = new Map<string, number>()
let exitCode = 0
const sampler = setInterval(() => {
  const rss = server ? processGroupRssMb(server) : null
  if (rss !== null && rss > peakRssMb) peakRssMb = rss
  if (rss !== null && rss > phasePeakRssMb) phasePeakRssMb = rss
}, 200)

try {
  buildIfStale()
  const databaseUrl = await prepareDatabase()
  say(`app server on :${PORT} (${SERVER_URL ? "PostgreSQL" : "embedded database"})…`)
  server = await startNext(PORT, {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: SERVER_URL ? (process.env.DATABASE_POOL_MAX ?? "10") : "1",
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    CREDENTIALS_KEY: randomBytes(32).toString("hex"),
    POLAR_ACCESS_TOKEN: "",
    RESEND_API_KEY: "",
    SENTRY_DSN: "",
    // The load generator plays the one proxy in front: its 10,000 X-Forwarded-For addresses are 10,000 visitors.
    TRUSTED_PROXY_HOPS: "1",
    ...nodeOptions(),
  })
  const phases: Phase[] = []
  say("warming up…")
  await bare(3)
  await events("warm", 1, 2000)
  await events("warm", BATCH, 200)

  const bares: Phase[] = []
  const singles: Phase[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    const b = await bare(DURATION)
    const s = await events(`single${round}`, 1, Math.max(2000, Math.round(b.perSecond * DURATION)))
    bares.push(b)
    singles.push(s)
    say(
      `round ${round}/${ROUNDS}: bare ${b.perSecond} req/s, single-event ${s.perSecond} req/s (${pct(s.perSecond / b.perSecond)}), p99 ${s.p99} ms`,
    )
  }
  const bareAll = pooled("GET /api/health (bare)", bares)
  const singleAll = pooled("POST /api/events, 1 event", singles)
  const batch = await events("batch", BATCH, Math.max(1000, Math.round((bareAll.perSecond / 2) * DURATION)))
  const rate = Math.max(1, Math.round(singleAll.perSecond / 2))
  const paced = await pacedEvents("paced", rate)
  phases.push(
    bareAll,
    singleAll,
    { ...batch, name: `POST /api/events, ${BATCH} events` },
    { ...paced, name: `POST /api/events, 1 event at ${rate} req/s` },
  )

  await new Promise((resolve) => setTimeout(resolve, 500))
  const landed = await countLanded(databaseUrl)
  const expected = [...phasesSent.values()].reduce((sum, n) => sum + n, 0)
  const exact = landed === expected
  const pooledRatio = singleAll.perSecond / bareAll.perSecond
  const ratio = median(singles.map((s, i) => s.perSecond / bares[i]!.perSecond))
  console.table(
    phases.map((p) => ({
      phase: p.name,
      requests: p.requests,
      "req/s": p.perSecond,
      "events/s": p.eventsPerSecond,
      "p50 ms": p.p50,
      "p95 ms": p.p95,
      "p99 ms": p.p99,
      "non-202/200": p.requests - (p.statuses["202"] ?? 0) - (p.statuses["200"] ?? 0),
      timeouts: p.timeouts,
      "peak RSS MB": p.peakRssMb,
    })),
  )
  const checks = {
    singleVsBare: { value: round3(ratio), target: "≥ 0.85 (median of rounds)", pass: ratio >= 0.85 },
    singleVsBarePooled: { value: round3(pooledRatio), target: "(all rounds together)", pass: pooledRatio >= 0.85 },
    batchEventsPerSecond: { value: batch.eventsPerSecond, target: "≥ 25000", pass: batch.eventsPerSecond >= 25_000 },
    p99AtHalfCapacityMs: { value: paced.p99, target: "< 50", pass: paced.p99 < 50 },
    rowsLanded: { value: landed, expected, pass: exact },
    peakRssMb: { value: peakRssMb, target: "< 512", pass: peakRssMb > 0 && peakRssMb < 512 },
  }
  console.table(
    Object.fromEntries(
      Object.entries(checks).map(([k, v]) => [
        k,
        { value: v.value, target: "target" in v ? v.target : `= ${v.expected}`, pass: v.pass },
      ]),
    ),
  )
  const strip = (p: Phase): Phase => ({ ...p, latencies: undefined })
  const report = {
    run,
    at: new Date().toISOString(),
    database: SERVER_URL
      ? scratchCreated
        ? "postgresql (scratch database on DATABASE_URL's server)"
        : "postgresql (DATABASE_URL)"
      : "embedded (PGlite)",
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    heapLimitMb: values.heap ? Number(values.heap) : null,
    nodeOptions: nodeOptions().NODE_OPTIONS,
    rounds: { bare: bares.map(strip), single: singles.map(strip) },
    phases: phases.map(strip),
    checks,
  }
  await mkdir(".bench", { recursive: true })
  await writeFile(".bench/ingest.json", JSON.stringify(report, null, 2))
  say(
    `wrote .bench/ingest.json — single-event ${pct(ratio)} of bare (median of ${ROUNDS} rounds; pooled ${pct(pooledRatio)}); ${batch.eventsPerSecond} events/s in batches of ${BATCH}; p99 ${paced.p99} ms at ${rate} req/s; rows ${landed}/${expected} ${exact ? "exact" : "MISMATCH"}; peak RSS ${peakRssMb} MB`,
  )
  if (!exact) exitCode = 1
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  clearInterval(sampler)
  await stopProcessGroup(server)
  await stopProcessGroup(database)
  say("server stopped")
  if (!values.keep) {
    if (!SERVER_URL) await rm(DATA_DIR, { recursive: true, force: true })
    if (scratchCreated) await adminQuery(`DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`).catch(() => {})
  }
}
process.exit(exitCode)

/** The server's NODE_OPTIONS as `npm start` sets them; --heap for NODE_HEAP_MB, --node-options added (to compare V8 settings). */
function nodeOptions(): { NODE_OPTIONS: string } {
  const extra = [process.env.NODE_OPTIONS, values["node-options"]].filter(Boolean).join(" ")
  return { NODE_OPTIONS: serverNodeOptions(extra, values.heap ?? process.env.NODE_HEAP_MB) }
}

/** A scratch database on DATABASE_URL's server (else DATABASE_URL itself), or a fresh embedded one. */
async function prepareDatabase(): Promise<string> {
  if (!SERVER_URL) {
    say(`embedded database in ${path.relative(process.cwd(), DATA_DIR)}…`)
    const started = await startEmbeddedDatabaseProcess(path.join(DATA_DIR, "pglite"), 2)
    database = started.child
    return started.url
  }
  let url = SERVER_URL
  try {
    await adminQuery(`DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`)
    await adminQuery(`CREATE DATABASE ${SCRATCH}`)
    scratchCreated = true
    url = withDatabase(SERVER_URL, SCRATCH)
  } catch (error) {
    say(
      `no scratch database (${error instanceof Error ? error.message : String(error)}): using DATABASE_URL, rows tagged ${run}`,
    )
  }
  await migrateDatabase(url)
  return url
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}

/** Public-looking addresses, 10,000 in turn. */
function nextAddress(): string {
  const n = (++addressCounter % 10_000) + 1
  return `${1 + (n % 200)}.${(n >> 8) & 255}.${n & 255}.${(n * 7) & 255}`
}

function body(tag: string, count: number): string {
  const events = Array.from({ length: count }, (_, i) => ({
    name: i % 5 === 4 ? "feature_used" : "page_view",
    path: `/bench/${run}/${tag}`,
    sessionId: `bench${run}${i}`,
    screen: "1920x1080",
    referrer: "https://news.ycombinator.com/item?id=1",
    utm: { source: "bench", campaign: run },
    ...(i % 5 === 4 ? { props: { feature: "export", n: i } } : {}),
  }))
  return JSON.stringify({ events })
}

async function bare(seconds: number): Promise<Phase> {
  return cannon("GET /api/health", { url: `${BASE}/api/health`, duration: seconds }, 0)
}

async function events(
  tag: string,
  count: number,
  amount: number,
  overallRate?: number,
  connections = CONNECTIONS,
): Promise<Phase> {
  const payload = body(tag, count)
  const phase = await cannon(
    tag,
    {
      url: `${BASE}/api/events`,
      amount: Math.max(amount, connections),
      overallRate,
      connections,
      requests: [
        {
          method: "POST",
          path: "/api/events",
          headers: { "content-type": "application/json", "user-agent": CHROME },
          body: payload,
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, "x-forwarded-for": nextAddress() },
          }),
        },
      ],
    },
    count,
  )
  phasesSent.set(tag, (phasesSent.get(tag) ?? 0) + (phase.statuses["202"] ?? 0) * count)
  return phase
}

/**
 * A steady offered rate. autocannon paces each connection per second (its requests go out as fast as
 * they can at the start of each second), so one instance would offer the rate in one burst a
 * second; ten instances started 100 ms apart spread it over the second.
 */
async function pacedEvents(tag: string, rate: number): Promise<Phase> {
  const parts = 10
  const runs = await Promise.all(
    Array.from({ length: parts }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * 1000) / parts))
      const share = Math.max(1, Math.round(rate / parts))
      return events(tag, 1, share * DURATION, share, Math.max(1, Math.round(CONNECTIONS / parts)))
    }),
  )
  const phase = pooled(tag, runs)
  const seconds = Math.max(...runs.map((run, i) => i / parts + run.seconds))
  return {
    ...phase,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(phase.requests / seconds),
    eventsPerSecond: Math.round(phase.requests / seconds),
  }
}

async function cannon(name: string, options: autocannon.Options, eventsPerRequest: number): Promise<Phase> {
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  phasePeakRssMb = 0
  const started = performance.now()
  let last = started
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { connections: CONNECTIONS, timeout: 30, ...options },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    )
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      statuses[status] = (statuses[status] ?? 0) + 1
      latencies.push(ms)
      last = performance.now()
    })
  })
  // Up to the last response: autocannon notices the end of an `amount` run only on its next
  // one-second tick, which would round every phase up to whole seconds.
  const seconds = (last - started) / 1000
  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10
  const ok = (statuses["202"] ?? 0) + (statuses["200"] ?? 0)
  return {
    latencies,
    name,
    peakRssMb: phasePeakRssMb,
    requests: latencies.length,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(latencies.length / seconds),
    eventsPerSecond: Math.round((ok * eventsPerRequest) / seconds),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    eventsPerRequest,
  }
}

/** Several rounds of one phase as one: requests, time and latencies put together. */
function pooled(name: string, rounds: Phase[]): Phase {
  const requests = rounds.reduce((sum, p) => sum + p.requests, 0)
  const seconds = rounds.reduce((sum, p) => sum + p.seconds, 0)
  const latencies = rounds.flatMap((p) => p.latencies ?? []).sort((a, b) => a - b)
  const at = (q: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10
  const statuses: Record<string, number> = {}
  for (const p of rounds) for (const [k, v] of Object.entries(p.statuses)) statuses[k] = (statuses[k] ?? 0) + v
  const ok = (statuses["202"] ?? 0) + (statuses["200"] ?? 0)
  return {
    name,
    peakRssMb: Math.max(...rounds.map((p) => p.peakRssMb)),
    requests,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(requests / seconds),
    eventsPerSecond: Math.round((ok * rounds[0]!.eventsPerRequest) / seconds),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    statuses,
    errors: rounds.reduce((sum, p) => sum + p.errors, 0),
    timeouts: rounds.reduce((sum, p) => sum + p.timeouts, 0),
    eventsPerRequest: rounds[0]!.eventsPerRequest,
  }
}

async function countLanded(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM analytics_events WHERE path LIKE $1",
      [`/bench/${run}/%`],
    )
    if (SERVER_URL && !scratchCreated && !values.keep)
      await client.query("DELETE FROM analytics_events WHERE path LIKE $1", [`/bench/${run}/%`])
    return rows[0]!.n
  } finally {
    await client.end()
  }
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q)
  const middle = sorted.length / 2
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000
}
