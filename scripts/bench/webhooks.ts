// npm run bench:webhooks — throughput of POST /api/webhooks/polar against a production server,
// next to a bare JSON route (GET /api/health) measured in the same run. Starts the server itself
// (scripts/start.ts: DATABASE_URL, else a fresh embedded database in .data/bench), loads plans and
// buyers, pre-signs every delivery, warms the server up, then fires N distinct deliveries plus
// duplicates, shuffled (a renewal often arrives before the first payment, an upgrade before the
// subscription), at C concurrent connections in rounds that alternate with as many bare requests,
// each round on a settled server, and checks in the database that every effect happened exactly
// once: one seat order per subscription, one receipt per payment, the ledger and MRR as in order.
// Prints requests per second (all rounds pooled), latency percentiles and the CPU time each request
// cost the server and PostgreSQL (Linux).
// Flags: --deliveries 2000 --duplicates 500 --concurrency 50 --rounds 5 --port 3200; --attach <url>
// measures a server already running on DATABASE_URL instead (to profile it, say).
import { type ChildProcess, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { existsSync, readFileSync } from "node:fs"
import { mkdir, writeFile } from "node:fs/promises"
import path from "node:path"
import { parseArgs } from "node:util"
import { createPool, createPrismaClient } from "@/lib/database/client"
import { orderPayload, subscriptionPayload, type TestPlan, testEvent } from "@/lib/billing/test-mode/payloads"
import { signWebhook } from "@/lib/billing/test-mode/sign"
import { TEST_MODE_WEBHOOK_SECRET } from "@/lib/billing/webhook-secret"
import { fire, type Phase, type Run, summarize } from "./load"
import { listProcesses } from "./server"

const { values } = parseArgs({
  options: {
    deliveries: { type: "string" },
    duplicates: { type: "string" },
    concurrency: { type: "string" },
    rounds: { type: "string" },
    port: { type: "string" },
    attach: { type: "string" },
  },
})
const DELIVERIES = Number(values.deliveries ?? 2000)
const DUPLICATES = Number(values.duplicates ?? 500)
const CONCURRENCY = Number(values.concurrency ?? 50)
const WARM_UP_BUYERS = 125
const EVENTS_PER_BUYER = 4
/** What a purchase writes to, and reads. */
const WEBHOOK_TABLES = [
  "users",
  "subscriptions",
  "subscription_changes",
  "payments",
  "orders",
  "order_events",
  "webhook_deliveries",
  "email_messages",
  "analytics_events",
]
const ROUNDS = Math.max(1, Number(values.rounds ?? 5))
const PORT = Number(values.port ?? 3200)
const BASE = values.attach ?? `http://127.0.0.1:${PORT}`
const DATA_DIR = path.resolve(".data/bench")
const run = randomBytes(3).toString("hex")
const say = (line: string) => console.log(`[bench] ${line}`)

const server = values.attach ? null : startServer()
let exitCode = 0
try {
  await waitUntilReady()
  const databaseUrl =
    process.env.DATABASE_URL ||
    (JSON.parse(readFileSync(path.join(DATA_DIR, "embedded.json"), "utf8")) as { url: string }).url
  const pool = createPool(databaseUrl, 1)
  const prisma = createPrismaClient(pool)
  try {
    // Each buyer is four deliveries: the subscription, its first paid order (which opens the seat
    // order), a renewal paid a month later, and (every third buyer) an upgrade, else a renewal's update.
    const buyers = Math.floor(DELIVERIES / EVENTS_PER_BUYER)
    const plans = await loadPlans(prisma)
    // A warm server, as one that has been up a while is: JIT-compiled paths, statements prepared on
    // every pooled connection, caches filled. Cold, the first rounds run at half speed.
    const warmUp = signAll(await loadBuyers(prisma, `benchwarm-${run}-`, WARM_UP_BUYERS), plans, `warm${run}`)
    const distinct = signAll(await loadBuyers(prisma, `bench-${run}-`, buyers), plans, run)
    const stream = shuffle([
      ...distinct,
      ...Array.from({ length: DUPLICATES }, (_, i) => distinct[(i * 7919) % distinct.length]!),
    ])
    say(`signed ${distinct.length} distinct deliveries and ${DUPLICATES} duplicates for ${buyers} buyers, shuffled`)
    // Earlier runs leave rows behind in a database that may not vacuum by itself (autovacuum off).
    await prisma.$executeRawUnsafe(`VACUUM (ANALYZE) ${WEBHOOK_TABLES.join(", ")}`)

    await fire(
      `${BASE}/api/health`,
      Array.from({ length: warmUp.length * 2 }, () => null),
      CONCURRENCY,
    )
    await fire(`${BASE}/api/webhooks/polar`, warmUp, CONCURRENCY)
    // Rounds of the bare route and the webhooks in turn, each started on a settled server, so that
    // what else the server or the machine does now and then (a scheduled job, the mail a burst of
    // deliveries queued) lands on both sides alike instead of on whichever phase ran at the time.
    const bareRounds: Measured[] = []
    const hookRounds: Measured[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const slice = stream.slice(
        Math.floor((round * stream.length) / ROUNDS),
        Math.floor(((round + 1) * stream.length) / ROUNDS),
      )
      await settle()
      bareRounds.push(
        await withCpu(() =>
          fire(
            `${BASE}/api/health`,
            slice.map(() => null),
            CONCURRENCY,
          ),
        ),
      )
      await settle()
      hookRounds.push(await withCpu(() => fire(`${BASE}/api/webhooks/polar`, slice, CONCURRENCY)))
      say(
        `round ${round + 1}/${ROUNDS}: bare ${describe(bareRounds.at(-1)!)}; webhooks ${describe(hookRounds.at(-1)!)}`,
      )
    }
    const bare = pooled(bareRounds)
    const hooks = pooled(hookRounds)
    const effects = await checkEffects(prisma, buyers, plans)
    const report = {
      run,
      at: new Date().toISOString(),
      database: process.env.DATABASE_URL ? "postgresql (DATABASE_URL)" : "embedded (PGlite)",
      concurrency: CONCURRENCY,
      deliveries: DELIVERIES,
      duplicates: DUPLICATES,
      rounds: ROUNDS,
      bare: { ...summarize(bare), cpu: cpuPerRequest(bare) },
      webhooks: { ...summarize(hooks), cpu: cpuPerRequest(hooks) },
      effects,
    }
    const ratio = report.webhooks.perSecond / report.bare.perSecond
    printTable(report.bare, report.webhooks, ratio)
    console.table(effects.counts)
    await mkdir(".bench", { recursive: true })
    await writeFile(
      ".bench/webhooks.json",
      JSON.stringify({ ...report, ratio: Math.round(ratio * 1000) / 1000, target: 0.4 }, null, 2),
    )
    say(
      `wrote .bench/webhooks.json — ${effects.exact ? "every effect exactly once" : "EFFECTS WRONG"}; ratio ${(ratio * 100).toFixed(1)}% (target ≥ 40%)`,
    )
    if (!effects.exact || hooks.results.some((r) => r.status >= 300)) exitCode = 1
  } finally {
    await prisma.$disconnect()
    await pool.end()
  }
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  if (server) await stopServer(server)
}
process.exit(exitCode)

function startServer(): ChildProcess {
  say(
    `starting the production server on :${PORT} (${process.env.DATABASE_URL ? "DATABASE_URL" : `embedded database in ${path.relative(process.cwd(), DATA_DIR)}`})…`,
  )
  const child = spawn(
    process.execPath,
    [
      path.join("node_modules", "tsx", "dist", "cli.mjs"),
      "--conditions=react-server",
      "scripts/start.ts",
      "--fresh",
      "--no-seed",
    ],
    {
      detached: true,
      stdio: ["ignore", "ignore", "inherit"],
      // A demo even on DATABASE_URL: http, generated secrets and test-mode billing (the deliveries are signed with its secret).
      env: {
        ...process.env,
        APP_MODE: "demo",
        PORT: String(PORT),
        DATA_DIR,
        NEXTAUTH_URL: BASE,
        POLAR_ACCESS_TOKEN: "",
        POLAR_WEBHOOK_SECRET: "",
        RESEND_API_KEY: "",
      },
    },
  )
  return child
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return
  const exited = new Promise((resolve) => child.once("exit", resolve))
  process.kill(-child.pid, "SIGTERM")
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
  if (child.exitCode === null) process.kill(-child.pid, "SIGKILL")
  say("server stopped")
}

async function waitUntilReady(): Promise<void> {
  const deadline = Date.now() + 8 * 60_000
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`)
    const ok = await fetch(`${BASE}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok && (process.env.DATABASE_URL || existsSync(path.join(DATA_DIR, "embedded.json")))) return
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error("the server did not become ready in 8 minutes")
}

type Prisma = ReturnType<typeof createPrismaClient>

async function loadPlans(prisma: Prisma): Promise<TestPlan[]> {
  const defs = [
    { slug: "monthly", name: "Copilot Monthly", interval: "MONTH", priceCents: 1999 },
    { slug: "annual", name: "Copilot Annual", interval: "YEAR", priceCents: 19900 },
    { slug: "team", name: "Copilot Team", interval: "MONTH", priceCents: 4900 },
  ] as const
  const plans: TestPlan[] = []
  for (const def of defs) {
    const plan = await prisma.plan.upsert({
      where: { slug: def.slug },
      create: { ...def, description: def.name, features: [] },
      update: {},
    })
    plans.push({
      productId: plan.polarProductId ?? plan.id,
      name: plan.name,
      interval: plan.interval,
      priceCents: plan.priceCents,
      currency: plan.currency,
    })
  }
  return plans
}

async function loadBuyers(prisma: Prisma, prefix: string, count: number) {
  const data = Array.from({ length: count }, (_, i) => ({ email: `${prefix}${i}@bench.test`, name: `Bench ${i}` }))
  await prisma.user.createMany({ data })
  return prisma.user.findMany({
    where: { email: { startsWith: prefix } },
    select: { id: true, email: true, name: true },
    orderBy: { email: "asc" },
  })
}

/** Four signed deliveries per buyer, signed before the clock starts: signing is Polar's cost, not ours. */
function signAll(users: { id: string; email: string; name: string | null }[], plans: TestPlan[], tag: string): Phase[] {
  const start = new Date(Date.now() - 40 * 86_400_000)
  const later = (days: number) => new Date(start.getTime() + days * 86_400_000)
  return users.flatMap((user, i) => {
    const plan = plans[i % plans.length]!
    const customer = { userId: user.id, email: user.email, name: user.name }
    const sub = {
      id: `sub_bench_${tag}_${i}`,
      status: "active" as const,
      createdAt: start,
      modifiedAt: null,
      currentPeriodStart: start,
      currentPeriodEnd: later(30),
    }
    const renewed = { ...sub, modifiedAt: later(30), currentPeriodStart: later(30), currentPeriodEnd: later(60) }
    const upgraded = { ...renewed, modifiedAt: later(35) }
    const events = [
      {
        id: `msg_bench_${tag}_${i}_sub`,
        event: testEvent("subscription.created", subscriptionPayload(sub, plan, customer), start),
      },
      {
        id: `msg_bench_${tag}_${i}_ord`,
        event: testEvent(
          "order.paid",
          orderPayload(
            { id: `ord_bench_${tag}_${i}`, createdAt: start, billingReason: "subscription_create", subscription: sub },
            plan,
            customer,
          ),
          start,
        ),
      },
      {
        id: `msg_bench_${tag}_${i}_cyc`,
        event: testEvent(
          "order.paid",
          orderPayload(
            {
              id: `ord_bench_${tag}_${i}_2`,
              createdAt: later(30),
              billingReason: "subscription_cycle",
              subscription: renewed,
            },
            plan,
            customer,
          ),
          later(30),
        ),
      },
      i % 3 === 0 && plan !== plans[2]
        ? {
            id: `msg_bench_${tag}_${i}_upg`,
            event: testEvent("subscription.updated", subscriptionPayload(upgraded, plans[2]!, customer), later(35)),
          }
        : {
            id: `msg_bench_${tag}_${i}_upd`,
            event: testEvent("subscription.updated", subscriptionPayload(renewed, plan, customer), later(30)),
          },
    ]
    return events.map(({ id, event }) => {
      const body = JSON.stringify(event)
      return {
        body,
        headers: {
          "content-type": "application/json",
          ...signWebhook(TEST_MODE_WEBHOOK_SECRET, { id, timestamp: Date.now() / 1000, body }),
        },
      }
    })
  })
}

/** What the buyers' stories add up to, had every delivery arrived once and in order. */
function expectedEffects(buyers: number, plans: TestPlan[]) {
  const mrrOf = (plan: TestPlan) => (plan.interval === "YEAR" ? Math.round(plan.priceCents / 12) : plan.priceCents)
  let upgrades = 0
  let mrr = 0
  for (let i = 0; i < buyers; i++) {
    const plan = plans[i % plans.length]!
    const upgrade = i % 3 === 0 && plan !== plans[2]
    upgrades += upgrade ? 1 : 0
    mrr += mrrOf(upgrade ? plans[2]! : plan)
  }
  return {
    subscriptions: buyers,
    ledgerRows: buyers + upgrades,
    payments: 2 * buyers,
    orders: buyers,
    processedDeliveries: buyers * EVENTS_PER_BUYER,
    failedDeliveries: 0,
    mrrCents: mrr,
  }
}

async function checkEffects(prisma: Prisma, buyers: number, plans: TestPlan[]) {
  const mine = { user: { email: { startsWith: `bench-${run}-` } } }
  const ids = (await prisma.user.findMany({ where: mine.user, select: { id: true } })).map((u) => u.id)
  const counts = {
    subscriptions: await prisma.subscription.count({ where: mine }),
    ledgerRows: await prisma.subscriptionChange.count({ where: { subscription: mine } }),
    payments: await prisma.payment.count({ where: { userId: { in: ids } } }),
    orders: await prisma.order.count({ where: mine }),
    processedDeliveries: await prisma.webhookDelivery.count({
      where: { eventId: { startsWith: `msg_bench_${run}_` }, status: "PROCESSED" },
    }),
    failedDeliveries: await prisma.webhookDelivery.count({
      where: { eventId: { startsWith: `msg_bench_${run}_` }, status: { not: "PROCESSED" } },
    }),
    mrrCents:
      (await prisma.subscriptionChange.aggregate({ where: { subscription: mine }, _sum: { mrrDeltaCents: true } }))._sum
        .mrrDeltaCents ?? 0,
  }
  const expected = expectedEffects(buyers, plans)
  const exact = (Object.keys(expected) as (keyof typeof expected)[]).every((key) => counts[key] === expected[key])
  return {
    exact,
    counts: Object.fromEntries(
      Object.entries(counts).map(([key, value]) => [
        key,
        { expected: expected[key as keyof typeof expected], got: value },
      ]),
    ),
  }
}

type CpuTotals = { serverMs: number; databaseMs: number }
type Measured = Run & { cpu: CpuTotals | null }
type CpuPerRequest = { serverMs: number; databaseMs: number | null }

/**
 * A phase with the CPU time it cost: the app server's (acv-server) and PostgreSQL's (its
 * processes, when it runs on this machine). Unlike requests per second, these hardly move with
 * what else the machine is doing. Linux only; null elsewhere.
 */
async function withCpu(phase: () => Promise<Run>): Promise<Measured> {
  const before = cpuNow()
  const run = await phase()
  const after = cpuNow()
  if (!before || !after) return { ...run, cpu: null }
  return {
    ...run,
    cpu: { serverMs: after.serverMs - before.serverMs, databaseMs: after.databaseMs - before.databaseMs },
  }
}

function cpuNow(): CpuTotals | null {
  const processes = listProcesses()
  const appServer = processes.filter(
    (proc) => proc.comm.startsWith("acv-server") && (!server?.pid || proc.pgrp === server.pid),
  )
  if (appServer.length === 0) return null
  const sum = (list: typeof processes) => list.reduce((total, proc) => total + proc.cpuMs, 0)
  return { serverMs: sum(appServer), databaseMs: sum(processes.filter((proc) => proc.comm === "postgres")) }
}

/** Waits (up to 15 s) until the server has used under 5% of a core for half a second. */
async function settle(): Promise<void> {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    const before = cpuNow()
    await new Promise((resolve) => setTimeout(resolve, 500))
    const after = cpuNow()
    if (!before || !after || after.serverMs - before.serverMs < 25) return
  }
}

/** All rounds as one run: every request, the time spent firing, the CPU used. */
function pooled(rounds: Measured[]): Measured {
  const cpu = rounds.every((round) => round.cpu)
    ? {
        serverMs: rounds.reduce((sum, round) => sum + round.cpu!.serverMs, 0),
        databaseMs: rounds.reduce((sum, round) => sum + round.cpu!.databaseMs, 0),
      }
    : null
  return {
    results: rounds.flatMap((round) => round.results),
    seconds: rounds.reduce((sum, round) => sum + round.seconds, 0),
    cpu,
  }
}

function cpuPerRequest(run: Measured): CpuPerRequest | null {
  if (!run.cpu) return null
  const per = (ms: number) => Math.round((ms / run.results.length) * 1000) / 1000
  return { serverMs: per(run.cpu.serverMs), databaseMs: run.cpu.databaseMs === 0 ? null : per(run.cpu.databaseMs) }
}

function describe(run: Measured): string {
  const cpu = cpuPerRequest(run)
  return (
    `${Math.round(run.results.length / run.seconds)}/s` +
    (cpu ? ` (server ${cpu.serverMs} ms, database ${cpu.databaseMs ?? "n/a"} ms of CPU a request)` : "")
  )
}

function shuffle<T>(items: T[]): T[] {
  let state = 42
  for (let i = items.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    const j = state % (i + 1)
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}

type Summary = ReturnType<typeof summarize> & { cpu: CpuPerRequest | null }

function printTable(bare: Summary, hooks: Summary, ratio: number) {
  const row = (name: string, s: Summary) => ({
    route: name,
    requests: s.requests,
    "per second": s.perSecond,
    "p50 ms": s.p50,
    "p95 ms": s.p95,
    "p99 ms": s.p99,
    retried: s.retried,
    errors: s.errors,
    "server CPU ms/req": s.cpu?.serverMs ?? "n/a",
    "database CPU ms/req": s.cpu?.databaseMs ?? "n/a",
  })
  console.table([row("GET /api/health (bare)", bare), row("POST /api/webhooks/polar", hooks)])
  say(`webhook deliveries per second are ${(ratio * 100).toFixed(1)}% of the bare route's requests per second`)
}
