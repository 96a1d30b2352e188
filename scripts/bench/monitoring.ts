// npm run bench:monitoring — what request metrics cost, and how fast the dashboard reads them.
// 1. Throughput: one production server with recording on (REQUEST_METRICS=1) that switches all
//    recording off and on again at each SIGUSR2 (REQUEST_METRICS_TOGGLE=1, lib/monitoring/
//    recording-toggle.ts). autocannon (a client that leaves the server the cores) fires GET
//    /api/health in rounds, recording on and off in turn (on off off on …), so the comparison runs
//    in one process (two processes differ by more than recording costs) and drift in the
//    machine's load falls on both; the server's CPU time per request is read from /proc too, a
//    steadier measure on a shared machine. Then the flushed rows must count exactly the requests
//    answered while recording was on, and a page request must appear under its route pattern.
//    --control never switches (the noise floor of the comparison). Recording is also measured
//    alone: switched on and off inside one bare server process (recording-cost-server.ts), its CPU
//    per request set against the route's.
// 2. Queries: 30 days of minute rows (and their hourly sums) for 50 routes, as three instances'
//    flushes would leave them, inserted with generate_series; each dashboard query is timed.
// Server, database and the build: scripts/bench/servers.ts (an embedded database in
// .data/bench-monitoring/a, or a scratch database on DATABASE_URL's server; removed afterwards
// unless --keep). Flags: --requests 6000 --rounds 20 --concurrency 50 --days 30 --routes 50
// --samples 20 --port 3300 --keep --control.
import { fork } from "node:child_process"
import { mkdir, writeFile } from "node:fs/promises"
import path from "node:path"
import { parseArgs } from "node:util"
import { hammer, summarize } from "./load"
import { loadSyntheticMetrics, loadSyntheticSystemData, timeQueries } from "./monitoring-data"
import { BenchServers, buildIfStale, type Server } from "./servers"

const { values } = parseArgs({
  options: {
    requests: { type: "string" },
    rounds: { type: "string" },
    concurrency: { type: "string" },
    days: { type: "string" },
    routes: { type: "string" },
    samples: { type: "string" },
    port: { type: "string" },
    keep: { type: "boolean" },
    control: { type: "boolean" },
  },
})
const REQUESTS = Number(values.requests ?? 6000)
const ROUNDS = Number(values.rounds ?? 20)
const CONCURRENCY = Number(values.concurrency ?? 50)
const PORT = Number(values.port ?? 3300)
const say = (line: string) => console.log(`[bench] ${line}`)

const servers = new BenchServers({ root: path.resolve(".data/bench-monitoring"), prefix: "acv_bench_monitoring", say })
let exitCode = 0
try {
  const startedAt = new Date()
  buildIfStale(say)
  const a = await servers.start("a", PORT, { REQUEST_METRICS: "1", REQUEST_METRICS_TOGGLE: "1" })
  // Everything below talks to the server's database, one connection.
  process.env.DATABASE_URL = a.databaseUrl
  process.env.DATABASE_POOL_MAX = "1"
  const { db, disconnectDb } = await import("@/lib/db")
  try {
    const before = await healthCounts(db)
    const throughput = await measureThroughput(a)
    if (!values.control) {
      const recorded = await checkRecorded(db, a, startedAt, throughput.sentRecorded, before)
      const cost = await measureRecordingCost(throughput.report.off.cpuUsPerRequest)
      const loaded = await loadSyntheticMetrics(db, {
        days: Number(values.days ?? 30),
        routes: Number(values.routes ?? 50),
        say,
      })
      const system = await loadSyntheticSystemData(db, { days: Number(values.days ?? 30), say })
      const queries = await timeQueries({ samples: Number(values.samples ?? 20) })
      const report = {
        at: new Date().toISOString(),
        database: servers.describe(),
        throughput: throughput.report,
        recordingCost: cost,
        recorded,
        data: { ...loaded, ...system, loadSeconds: loaded.loadSeconds + system.loadSeconds },
        queries,
        targets: { throughputGapPercent: 5, queryP95Ms: 100 },
      }
      await mkdir(".bench", { recursive: true })
      await writeFile(".bench/monitoring.json", JSON.stringify(report, null, 2))
      const slowest = Math.max(...queries.map((q) => q.p95))
      const signed = (n: number) => `${n > 0 ? "+" : ""}${n.toFixed(1)}%`
      const cpu =
        throughput.report.cpuGapPercent === null
          ? ""
          : `, server CPU a request ${signed(throughput.report.cpuGapPercent)}`
      const own =
        cost.percentOfRoute === null
          ? ""
          : `; recording alone costs ${cost.costUsPerRequest} µs CPU a request, ${cost.percentOfRoute}% of the route's`
      say(
        `wrote .bench/monitoring.json — A/B (median of pairs): GET /api/health requests/s ${signed(-throughput.report.gapPercent)} with recording${cpu}${own} (target: under 5%); slowest query p95 ${slowest} ms (target < 100 ms)`,
      )
      if (!recorded.exact) exitCode = 1
      if (servers.describe().endsWith("shared"))
        await db.$executeRaw`DELETE FROM request_metrics_hourly WHERE route LIKE '/bench/%'`
          .then(() => db.$executeRaw`DELETE FROM request_metrics WHERE route LIKE '/bench/%'`)
          .then(() => db.$executeRaw`DELETE FROM resource_samples WHERE instance LIKE 'bench-%'`)
          .then(() => db.$executeRaw`DELETE FROM resource_hourly WHERE instance LIKE 'bench-%'`)
    }
  } finally {
    await disconnectDb()
  }
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  await servers.close(values.keep)
}
process.exit(exitCode)

async function measureThroughput(server: Server) {
  const health = (count: number) => hammer(`${server.base}/api/health`, count, CONCURRENCY)
  let recording = true
  let sentRecorded = 0
  const setRecording = async (on: boolean) => {
    if (values.control || on === recording) return
    if (servers.signal(server, "SIGUSR2") === 0) throw new Error("found no server process to switch recording in")
    recording = on
    await new Promise((resolve) => setTimeout(resolve, 300)) // the signal is handled between requests
  }
  const fireCounted = async (count: number) => {
    const run = await health(count)
    if (recording) sentRecorded += run.results.length
    return run
  }
  // Warm up with recording on and off (JIT, pools) before anything counts.
  for (const on of [true, false, true, false]) {
    await setRecording(on)
    await fireCounted(1000)
  }
  // on off off on on off off on: each mode runs as often first as second, cancelling a steady drift.
  const modes = Array.from({ length: ROUNDS }, (_, i) => [0, 3].includes(i % 4))
  const rounds: {
    recording: boolean
    perSecond: number
    cpuUsPerRequest: number | null
    p50: number
    p95: number
    errors: number
  }[] = []
  const runs = new Map<boolean, { run: Awaited<ReturnType<typeof health>>; cpuMs: number | null }[]>([
    [true, []],
    [false, []],
  ])
  for (const [i, on] of modes.entries()) {
    await setRecording(on)
    const cpuBefore = servers.cpuMs(server)
    const run = await fireCounted(REQUESTS)
    const cpuAfter = servers.cpuMs(server)
    const cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore
    runs.get(on)!.push({ run, cpuMs })
    const s = summarize(run)
    const cpuUsPerRequest = cpuMs === null ? null : Math.round((cpuMs * 1000) / REQUESTS)
    rounds.push({ recording: on, perSecond: s.perSecond, cpuUsPerRequest, p50: s.p50, p95: s.p95, errors: s.errors })
    say(
      `round ${i + 1}/${ROUNDS}: ${on ? (values.control ? "A (control)  " : "recording on ") : values.control ? "B (control)  " : "recording off"} ${s.perSecond} req/s, server CPU ${cpuUsPerRequest ?? "?"} µs a request, p50 ${s.p50} ms, p95 ${s.p95} ms`,
    )
  }
  await setRecording(true)
  const pooled = (on: boolean) => {
    const list = runs.get(on)!
    const summary = summarize({
      results: list.flatMap((r) => r.run.results),
      seconds: list.reduce((sum, r) => sum + r.run.seconds, 0),
    })
    const cpu = list.every((r) => r.cpuMs !== null) ? list.reduce((sum, r) => sum + r.cpuMs!, 0) : null
    return { ...summary, cpuUsPerRequest: cpu === null ? null : Math.round((cpu * 1000) / summary.requests) }
  }
  const on = pooled(true)
  const off = pooled(false)
  // Rounds pair up as neighbours (on off)(off on)…; the median pair ratio resists the odd round that
  // a minute's scheduled job (the uptime probe renders the landing page) or another process disturbs.
  const pairRatios: number[] = []
  const cpuPairRatios: number[] = []
  for (let i = 0; i + 1 < rounds.length; i += 2) {
    const [x, y] = [rounds[i]!, rounds[i + 1]!]
    const [withIt, without] = x.recording ? [x, y] : [y, x]
    pairRatios.push(withIt.perSecond / without.perSecond)
    if (withIt.cpuUsPerRequest && without.cpuUsPerRequest)
      cpuPairRatios.push(without.cpuUsPerRequest / withIt.cpuUsPerRequest)
  }
  const medianRatio = median(pairRatios)
  const medianCpuRatio = cpuPairRatios.length ? median(cpuPairRatios) : null
  const ratio = on.perSecond / off.perSecond
  // Server CPU per request is far steadier than throughput on a shared machine; for a CPU-bound
  // route, throughput goes as its inverse.
  const cpuRatio = on.cpuUsPerRequest && off.cpuUsPerRequest ? off.cpuUsPerRequest / on.cpuUsPerRequest : null
  console.table([
    row(values.control ? "A (control)" : "recording on", on),
    row(values.control ? "B (control)" : "recording off", off),
  ])
  say(
    `requests/s with recording as a share of without: median of ${pairRatios.length} neighbouring on/off pairs ${(medianRatio * 100).toFixed(1)}%, pooled ${(ratio * 100).toFixed(1)}%`,
  )
  if (cpuRatio && medianCpuRatio)
    say(
      `server CPU a request: ${on.cpuUsPerRequest} µs recording, ${off.cpuUsPerRequest} µs without (pooled ${((1 / cpuRatio - 1) * 100).toFixed(1)}% more, median pair ${((1 / medianCpuRatio - 1) * 100).toFixed(1)}% more)`,
    )
  return {
    sentRecorded,
    report: {
      route: "GET /api/health",
      concurrency: CONCURRENCY,
      requestsPerRound: REQUESTS,
      rounds,
      recording: on,
      off,
      ratio: round3(ratio),
      pairRatios: pairRatios.map(round3),
      medianPairRatio: round3(medianRatio),
      /** The headline: 1 − the median neighbouring-pair ratio, in percent. */
      gapPercent: Math.round((1 - medianRatio) * 1000) / 10,
      pooledGapPercent: Math.round((1 - ratio) * 1000) / 10,
      cpuPerRequestRatio: cpuRatio === null ? null : round3(cpuRatio),
      cpuGapPercent: medianCpuRatio === null ? null : Math.round((1 / medianCpuRatio - 1) * 1000) / 10,
      pooledCpuGapPercent: cpuRatio === null ? null : Math.round((1 / cpuRatio - 1) * 1000) / 10,
    },
  }
}

/**
 * Recording's own cost: a bare server (recording-cost-server.ts) ends requests as the route
 * wrapper does, and recording is switched on and off between rounds in that one process, so the
 * CPU difference is recording alone; set against what GET /api/health costs the real server.
 */
async function measureRecordingCost(routeCpuUs: number | null) {
  const port = PORT + 2
  const child = fork("scripts/bench/recording-cost-server.ts", [String(port)], {
    execArgv: ["--import", "tsx", "--conditions=react-server"],
    env: { ...process.env, REQUEST_METRICS: "1" },
  })
  try {
    await new Promise((resolve, reject) => {
      child.once("message", resolve)
      child.once("exit", (code) => reject(new Error(`the recording-cost server exited with ${code}`)))
    })
    const cpuMs = () =>
      new Promise<number>((resolve) => {
        child.once("message", (usage) =>
          resolve(((usage as NodeJS.CpuUsage).user + (usage as NodeJS.CpuUsage).system) / 1000),
        )
        child.send("cpu")
      })
    const load = () => hammer(`http://127.0.0.1:${port}/api/health`, 20_000, CONCURRENCY)
    await load()
    const totals = { on: { ms: 0, requests: 0 }, off: { ms: 0, requests: 0 } }
    for (let i = 0; i < 16; i++) {
      const mode = [0, 3].includes(i % 4) ? "on" : "off"
      child.send(mode)
      const before = await cpuMs()
      const run = await load()
      totals[mode].ms += (await cpuMs()) - before
      totals[mode].requests += run.results.length
    }
    const on = (totals.on.ms * 1000) / totals.on.requests
    const off = (totals.off.ms * 1000) / totals.off.requests
    const cost = Math.round((on - off) * 10) / 10
    const percentOfRoute = routeCpuUs ? Math.round((cost / routeCpuUs) * 1000) / 10 : null
    say(
      `recording alone: ${on.toFixed(1)} µs CPU a request on, ${off.toFixed(1)} off → ${cost} µs${percentOfRoute === null ? "" : `, ${percentOfRoute}% of the ${routeCpuUs} µs GET /api/health costs the production server`}`,
    )
    return {
      onUsPerRequest: Math.round(on * 10) / 10,
      offUsPerRequest: Math.round(off * 10) / 10,
      costUsPerRequest: cost,
      routeCpuUsPerRequest: routeCpuUs,
      percentOfRoute,
    }
  } finally {
    child.kill()
  }
}

function row(name: string, s: ReturnType<typeof summarize> & { cpuUsPerRequest: number | null }) {
  return {
    server: name,
    requests: s.requests,
    "per second": s.perSecond,
    "CPU µs/request": s.cpuUsPerRequest,
    "p50 ms": s.p50,
    "p95 ms": s.p95,
    "p99 ms": s.p99,
    errors: s.errors,
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q)
  const middle = sorted.length / 2
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000
}

type Db = (typeof import("@/lib/db"))["db"]

/** The flushes must hold exactly the /api/health requests sent while recording was on; a page lands under its pattern. */
/** GET /api/health requests counted so far in each table (a shared database may hold earlier runs'). */
async function healthCounts(db: Db): Promise<{ minute: number; hourly: number }> {
  const [counts] = await db.$queryRaw<{ minute: number; hourly: number }[]>`
    SELECT (SELECT coalesce(sum(count), 0) FROM request_metrics WHERE route = '/api/health' AND method = 'GET')::int AS minute,
           (SELECT coalesce(sum(count), 0) FROM request_metrics_hourly WHERE route = '/api/health' AND method = 'GET')::int AS hourly`
  return counts!
}

async function checkRecorded(
  db: Db,
  server: Server,
  since: Date,
  sentRecorded: number,
  before: { minute: number; hourly: number },
) {
  const pages = 5
  for (let i = 0; i < pages; i++) await fetch(`${server.base}/pricing`).then((r) => r.arrayBuffer())
  say("waiting 12 s for the next flush…")
  await new Promise((resolve) => setTimeout(resolve, 12_000))
  const rows = await db.$queryRaw<{ route: string; method: string; count: number; status_2xx: number }[]>`
    SELECT route, method, sum(count)::int AS count, sum(status_2xx)::int AS status_2xx
    FROM request_metrics WHERE minute >= date_trunc('minute', ${since}::timestamptz) GROUP BY route, method ORDER BY count DESC`
  const after = await healthCounts(db)
  const inMinuteRows = after.minute - before.minute
  const inHourlyRows = after.hourly - before.hourly
  const pricing = rows.find((r) => r.route === "/pricing" && r.method === "GET")?.count ?? 0
  console.table(rows.slice(0, 10))
  const exact = inMinuteRows === sentRecorded && inHourlyRows === sentRecorded
  say(
    `GET /api/health: sent ${sentRecorded} while recording, minute rows count ${inMinuteRows}, hourly rows ${inHourlyRows} — ${exact ? "exact" : "MISMATCH"}; GET /pricing (page): ${pricing} of ${pages}`,
  )
  return {
    apiSentWhileRecording: sentRecorded,
    apiInMinuteRows: inMinuteRows,
    apiInHourlyRows: inHourlyRows,
    exact,
    pagesSent: pages,
    pagesRecorded: pricing,
    routes: rows.slice(0, 10),
  }
}
