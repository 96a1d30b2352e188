// npm run bench:monitoring — what request metrics cost, and how fast the dashboard reads them.
// 1. Throughput: two production servers, A recording (REQUEST_METRICS=1) and B not (=0), same build,
//    same database setup; GET /api/health is fired at them in interleaved rounds (A B B A …) so
//    drift in the machine's load falls on both; each server's CPU time per request is read from
//    /proc too, a steadier measure on a shared machine. Then A's flushed rows must count exactly
//    the requests A answered, and a page request must appear under its route pattern.
//    Part 1 is as noisy as the machine is busy (--control shows the spread between two identical
//    servers), so recording is also measured alone: switched on and off inside one bare server
//    process (recording-cost-server.ts), its CPU per request set against the route's.
// 2. Queries: 30 days of minute rows (and their hourly sums) for 50 routes, as three instances'
//    flushes would leave them, inserted with generate_series; each dashboard query is timed.
// Servers, databases and the build: scripts/bench/servers.ts (an embedded database per server in
// .data/bench-monitoring/{a,b}, or scratch databases on DATABASE_URL's server; removed afterwards
// unless --keep). Flags: --requests 2000 --rounds 20 --concurrency 50 --days 30 --routes 50
// --samples 20 --port 3300 --keep; --control runs only part 1 with recording off on both servers
// (the noise floor of the comparison).
import { fork } from "node:child_process"
import { mkdir, writeFile } from "node:fs/promises"
import path from "node:path"
import { parseArgs } from "node:util"
import { fire, summarize } from "./load"
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
const REQUESTS = Number(values.requests ?? 2000)
const ROUNDS = Number(values.rounds ?? 20)
const CONCURRENCY = Number(values.concurrency ?? 50)
const PORT = Number(values.port ?? 3300)
const say = (line: string) => console.log(`[bench] ${line}`)

const servers = new BenchServers({ root: path.resolve(".data/bench-monitoring"), prefix: "acv_bench_monitoring", say })
let exitCode = 0
try {
  const startedAt = new Date()
  // Built once here, then both servers start together from that build.
  buildIfStale(say)
  // --control: both servers without recording, to see how far apart two identical servers measure.
  const [a, b] = await Promise.all([servers.start("a", PORT, { REQUEST_METRICS: values.control ? "0" : "1" }), servers.start("b", PORT + 1, { REQUEST_METRICS: "0" })])
  // Everything below talks to A's database, one connection.
  process.env.DATABASE_URL = a.databaseUrl
  process.env.DATABASE_POOL_MAX = "1"
  const { db, disconnectDb } = await import("@/lib/db")
  try {
    const before = await healthCounts(db)
    const throughput = await measureThroughput(a, b)
    if (!values.control) {
      const recorded = await checkRecorded(db, a, startedAt, throughput.sentToA, before)
      await servers.stop(b)
      const cost = await measureRecordingCost(throughput.report.off.cpuUsPerRequest)
      const loaded = await loadSyntheticMetrics(db, { days: Number(values.days ?? 30), routes: Number(values.routes ?? 50), say })
      const system = await loadSyntheticSystemData(db, { days: Number(values.days ?? 30), say })
      const queries = await timeQueries({ samples: Number(values.samples ?? 20) })
      const report = { at: new Date().toISOString(), database: servers.describe(), throughput: throughput.report, recordingCost: cost, recorded, data: { ...loaded, ...system, loadSeconds: loaded.loadSeconds + system.loadSeconds }, queries, targets: { throughputGapPercent: 5, queryP95Ms: 100 } }
      await mkdir(".bench", { recursive: true })
      await writeFile(".bench/monitoring.json", JSON.stringify(report, null, 2))
      const slowest = Math.max(...queries.map((q) => q.p95))
      const signed = (n: number) => `${n > 0 ? "+" : ""}${n.toFixed(1)}%`
      const cpu = throughput.report.cpuGapPercent === null ? "" : `, server CPU a request ${signed(throughput.report.cpuGapPercent)}`
      const own = cost.percentOfRoute === null ? "" : `; recording alone costs ${cost.costUsPerRequest} µs CPU a request, ${cost.percentOfRoute}% of the route's`
      say(`wrote .bench/monitoring.json — A/B (median of pairs): GET /api/health requests/s ${signed(-throughput.report.gapPercent)} with recording${cpu}${own} (target: under 5%); slowest query p95 ${slowest} ms (target < 100 ms)`)
      if (!recorded.exact) exitCode = 1
      if (servers.describe().endsWith("shared")) await db.$executeRaw`DELETE FROM request_metrics_hourly WHERE route LIKE '/bench/%'`.then(() => db.$executeRaw`DELETE FROM request_metrics WHERE route LIKE '/bench/%'`).then(() => db.$executeRaw`DELETE FROM resource_samples WHERE instance LIKE 'bench-%'`).then(() => db.$executeRaw`DELETE FROM resource_hourly WHERE instance LIKE 'bench-%'`)
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

async function measureThroughput(a: Server, b: Server) {
  const health = (server: Server, count: number) => fire(`${server.base}/api/health`, Array.from({ length: count }, () => null), CONCURRENCY)
  let sentToA = 0
  for (const server of [a, b, a, b]) {
    await health(server, 1000) // warm both up (JIT, pools) before anything counts
    if (server === a) sentToA += 1000
  }
  // A B B A A B B A: each variant runs as often first as second, cancelling a steady drift.
  const order = Array.from({ length: ROUNDS }, (_, i) => ([0, 3].includes(i % 4) ? a : b))
  const rounds: { server: string; perSecond: number; cpuUsPerRequest: number | null; p50: number; p95: number; errors: number }[] = []
  const runs = new Map<Server, { run: Awaited<ReturnType<typeof health>>; cpuMs: number | null }[]>([
    [a, []],
    [b, []],
  ])
  for (const [i, server] of order.entries()) {
    const cpuBefore = servers.cpuMs(server)
    const run = await health(server, REQUESTS)
    const cpuAfter = servers.cpuMs(server)
    const cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore
    if (server === a) sentToA += REQUESTS
    runs.get(server)!.push({ run, cpuMs })
    const s = summarize(run)
    const cpuUsPerRequest = cpuMs === null ? null : Math.round((cpuMs * 1000) / REQUESTS)
    rounds.push({ server: server.name.toUpperCase(), perSecond: s.perSecond, cpuUsPerRequest, p50: s.p50, p95: s.p95, errors: s.errors })
    say(`round ${i + 1}/${ROUNDS}: ${server === a ? (values.control ? "A (off)      " : "A (recording)") : "B (off)      "} ${s.perSecond} req/s, server CPU ${cpuUsPerRequest ?? "?"} µs a request, p50 ${s.p50} ms, p95 ${s.p95} ms`)
  }
  const pooled = (server: Server) => {
    const list = runs.get(server)!
    const summary = summarize({ results: list.flatMap((r) => r.run.results), seconds: list.reduce((sum, r) => sum + r.run.seconds, 0) })
    const cpu = list.every((r) => r.cpuMs !== null) ? list.reduce((sum, r) => sum + r.cpuMs!, 0) : null
    return { ...summary, cpuUsPerRequest: cpu === null ? null : Math.round((cpu * 1000) / summary.requests) }
  }
  const on = pooled(a)
  const off = pooled(b)
  // Rounds pair up as neighbours (A B)(B A)…; the median pair ratio resists the odd round that a
  // minute's scheduled job (each server probes its own landing page) or another process disturbs.
  const pairRatios: number[] = []
  const cpuPairRatios: number[] = []
  for (let i = 0; i + 1 < rounds.length; i += 2) {
    const [x, y] = [rounds[i]!, rounds[i + 1]!]
    const [withIt, without] = x.server === "A" ? [x, y] : [y, x]
    pairRatios.push(withIt.perSecond / without.perSecond)
    if (withIt.cpuUsPerRequest && without.cpuUsPerRequest) cpuPairRatios.push(without.cpuUsPerRequest / withIt.cpuUsPerRequest)
  }
  const medianRatio = median(pairRatios)
  const medianCpuRatio = cpuPairRatios.length ? median(cpuPairRatios) : null
  const ratio = on.perSecond / off.perSecond
  // Server CPU per request is far steadier than throughput on a shared machine; for a CPU-bound
  // route, throughput goes as its inverse.
  const cpuRatio = on.cpuUsPerRequest && off.cpuUsPerRequest ? off.cpuUsPerRequest / on.cpuUsPerRequest : null
  console.table([row("A: REQUEST_METRICS=1", on), row("B: REQUEST_METRICS=0", off)])
  say(`requests/s with recording as a share of without: median of ${pairRatios.length} neighbouring A/B pairs ${(medianRatio * 100).toFixed(1)}%, pooled ${(ratio * 100).toFixed(1)}%`)
  if (cpuRatio && medianCpuRatio) say(`server CPU a request: ${on.cpuUsPerRequest} µs recording, ${off.cpuUsPerRequest} µs without (pooled ${((1 / cpuRatio - 1) * 100).toFixed(1)}% more, median pair ${((1 / medianCpuRatio - 1) * 100).toFixed(1)}% more)`)
  return {
    sentToA,
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
        child.once("message", (usage) => resolve(((usage as NodeJS.CpuUsage).user + (usage as NodeJS.CpuUsage).system) / 1000))
        child.send("cpu")
      })
    const load = () => fire(`http://127.0.0.1:${port}/api/health`, Array.from({ length: 5000 }, () => null), CONCURRENCY)
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
    say(`recording alone: ${on.toFixed(1)} µs CPU a request on, ${off.toFixed(1)} off → ${cost} µs${percentOfRoute === null ? "" : `, ${percentOfRoute}% of the ${routeCpuUs} µs GET /api/health costs the production server`}`)
    return { onUsPerRequest: Math.round(on * 10) / 10, offUsPerRequest: Math.round(off * 10) / 10, costUsPerRequest: cost, routeCpuUsPerRequest: routeCpuUs, percentOfRoute }
  } finally {
    child.kill()
  }
}

function row(name: string, s: ReturnType<typeof summarize> & { cpuUsPerRequest: number | null }) {
  return { server: name, requests: s.requests, "per second": s.perSecond, "CPU µs/request": s.cpuUsPerRequest, "p50 ms": s.p50, "p95 ms": s.p95, "p99 ms": s.p99, errors: s.errors }
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

/** A's flushes must hold exactly the /api/health requests sent to A; a page lands under its pattern. */
/** GET /api/health requests counted so far in each table (a shared database may hold earlier runs'). */
async function healthCounts(db: Db): Promise<{ minute: number; hourly: number }> {
  const [counts] = await db.$queryRaw<{ minute: number; hourly: number }[]>`
    SELECT (SELECT coalesce(sum(count), 0) FROM request_metrics WHERE route = '/api/health' AND method = 'GET')::int AS minute,
           (SELECT coalesce(sum(count), 0) FROM request_metrics_hourly WHERE route = '/api/health' AND method = 'GET')::int AS hourly`
  return counts!
}

async function checkRecorded(db: Db, a: Server, since: Date, sentToA: number, before: { minute: number; hourly: number }) {
  const pages = 5
  for (let i = 0; i < pages; i++) await fetch(`${a.base}/pricing`).then((r) => r.arrayBuffer())
  say("waiting 12 s for A's next flush…")
  await new Promise((resolve) => setTimeout(resolve, 12_000))
  const rows = await db.$queryRaw<{ route: string; method: string; count: number; status_2xx: number }[]>`
    SELECT route, method, sum(count)::int AS count, sum(status_2xx)::int AS status_2xx
    FROM request_metrics WHERE minute >= date_trunc('minute', ${since}::timestamptz) GROUP BY route, method ORDER BY count DESC`
  const after = await healthCounts(db)
  const inMinuteRows = after.minute - before.minute
  const inHourlyRows = after.hourly - before.hourly
  const pricing = rows.find((r) => r.route === "/pricing" && r.method === "GET")?.count ?? 0
  console.table(rows.slice(0, 10))
  const exact = inMinuteRows === sentToA && inHourlyRows === sentToA
  say(`GET /api/health: sent ${sentToA} to A, minute rows count ${inMinuteRows}, hourly rows ${inHourlyRows} — ${exact ? "exact" : "MISMATCH"}; GET /pricing (page): ${pricing} of ${pages}`)
  return { apiSentToA: sentToA, apiInMinuteRows: inMinuteRows, apiInHourlyRows: inHourlyRows, exact, pagesSent: pages, pagesRecorded: pricing, routes: rows.slice(0, 10) }
}
