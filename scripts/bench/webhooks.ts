// npm run bench:webhooks — throughput of POST /api/webhooks/polar against a production server,
// next to a bare JSON route (GET /api/health) measured in the same run. Starts the server itself
// (scripts/start.ts: DATABASE_URL, else a fresh embedded database in .data/bench), loads plans and
// buyers, pre-signs every delivery, fires N distinct deliveries plus duplicates at C concurrent
// connections, then checks in the database that every effect happened exactly once.
// Flags: --deliveries 2000 --duplicates 500 --concurrency 50 --port 3200; --attach <url> measures a
// server already running on DATABASE_URL instead (to profile it, say).
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
import { fire, type Phase, summarize } from "./load"

const { values } = parseArgs({
  options: { deliveries: { type: "string" }, duplicates: { type: "string" }, concurrency: { type: "string" }, port: { type: "string" }, attach: { type: "string" } },
})
const DELIVERIES = Number(values.deliveries ?? 2000)
const DUPLICATES = Number(values.duplicates ?? 500)
const CONCURRENCY = Number(values.concurrency ?? 50)
const PORT = Number(values.port ?? 3200)
const BASE = values.attach ?? `http://127.0.0.1:${PORT}`
const DATA_DIR = path.resolve(".data/bench")
const run = randomBytes(3).toString("hex")
const say = (line: string) => console.log(`[bench] ${line}`)

const server = values.attach ? null : startServer()
let exitCode = 0
try {
  await waitUntilReady()
  const databaseUrl = process.env.DATABASE_URL || (JSON.parse(readFileSync(path.join(DATA_DIR, "embedded.json"), "utf8")) as { url: string }).url
  const pool = createPool(databaseUrl, 1)
  const prisma = createPrismaClient(pool)
  try {
    // Each buyer is two deliveries: the subscription, and its first paid order (which opens a seat order).
    const buyers = DELIVERIES / 2
    const plans = await loadPlans(prisma)
    const warmUp = signAll(await loadBuyers(prisma, `benchwarm-${run}-`, 25), plans, `warm${run}`)
    const distinct = signAll(await loadBuyers(prisma, `bench-${run}-`, buyers), plans, run)
    const stream = shuffle([...distinct, ...Array.from({ length: DUPLICATES }, (_, i) => distinct[(i * 7919) % distinct.length]!)])
    say(`signed ${distinct.length} distinct deliveries and ${DUPLICATES} duplicates for ${buyers} buyers`)

    await fire(`${BASE}/api/health`, Array.from({ length: 300 }, () => null), CONCURRENCY)
    await fire(`${BASE}/api/webhooks/polar`, warmUp, CONCURRENCY)
    const bare = await fire(`${BASE}/api/health`, Array.from({ length: stream.length }, () => null), CONCURRENCY)
    const hooks = await fire(`${BASE}/api/webhooks/polar`, stream, CONCURRENCY)
    const effects = await checkEffects(prisma, buyers)
    const report = { run, at: new Date().toISOString(), database: process.env.DATABASE_URL ? "postgresql (DATABASE_URL)" : "embedded (PGlite)", concurrency: CONCURRENCY, deliveries: DELIVERIES, duplicates: DUPLICATES, bare: summarize(bare), webhooks: summarize(hooks), effects }
    const ratio = report.webhooks.perSecond / report.bare.perSecond
    printTable(report.bare, report.webhooks, ratio)
    console.table(effects.counts)
    await mkdir(".bench", { recursive: true })
    await writeFile(".bench/webhooks.json", JSON.stringify({ ...report, ratio: Math.round(ratio * 1000) / 1000, target: 0.4 }, null, 2))
    say(`wrote .bench/webhooks.json — ${effects.exact ? "every effect exactly once" : "EFFECTS WRONG"}; ratio ${(ratio * 100).toFixed(1)}% (target ≥ 40%)`)
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
  say(`starting the production server on :${PORT} (${process.env.DATABASE_URL ? "DATABASE_URL" : `embedded database in ${path.relative(process.cwd(), DATA_DIR)}`})…`)
  const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/start.ts", "--fresh", "--no-seed"], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORT: String(PORT), DATA_DIR, NEXTAUTH_URL: BASE, POLAR_ACCESS_TOKEN: "", POLAR_WEBHOOK_SECRET: "", RESEND_API_KEY: "" },
  })
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
    const ok = await fetch(`${BASE}/api/health/ready`).then((r) => r.ok, () => false)
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
    const plan = await prisma.plan.upsert({ where: { slug: def.slug }, create: { ...def, description: def.name, features: [] }, update: {} })
    plans.push({ productId: plan.polarProductId ?? plan.id, name: plan.name, interval: plan.interval, priceCents: plan.priceCents, currency: plan.currency })
  }
  return plans
}

async function loadBuyers(prisma: Prisma, prefix: string, count: number) {
  const data = Array.from({ length: count }, (_, i) => ({ email: `${prefix}${i}@bench.test`, name: `Bench ${i}` }))
  await prisma.user.createMany({ data })
  return prisma.user.findMany({ where: { email: { startsWith: prefix } }, select: { id: true, email: true, name: true }, orderBy: { email: "asc" } })
}

/** Two signed deliveries per buyer, signed before the clock starts: signing is Polar's cost, not ours. */
function signAll(users: { id: string; email: string; name: string | null }[], plans: TestPlan[], tag: string): Phase[] {
  const now = new Date()
  return users.flatMap((user, i) => {
    const plan = plans[i % plans.length]!
    const customer = { userId: user.id, email: user.email, name: user.name }
    const sub = { id: `sub_bench_${tag}_${i}`, status: "active" as const, createdAt: now, modifiedAt: null, currentPeriodStart: now, currentPeriodEnd: new Date(now.getTime() + 30 * 86_400_000) }
    const events = [
      { id: `msg_bench_${tag}_${i}_sub`, event: testEvent("subscription.created", subscriptionPayload(sub, plan, customer), now) },
      { id: `msg_bench_${tag}_${i}_ord`, event: testEvent("order.paid", orderPayload({ id: `ord_bench_${tag}_${i}`, createdAt: now, billingReason: "subscription_create", subscription: sub }, plan, customer), now) },
    ]
    return events.map(({ id, event }) => {
      const body = JSON.stringify(event)
      return { body, headers: { "content-type": "application/json", ...signWebhook(TEST_MODE_WEBHOOK_SECRET, { id, timestamp: now.getTime() / 1000, body }) } }
    })
  })
}

async function checkEffects(prisma: Prisma, buyers: number) {
  const mine = { user: { email: { startsWith: `bench-${run}-` } } }
  const ids = (await prisma.user.findMany({ where: mine.user, select: { id: true } })).map((u) => u.id)
  const counts = {
    subscriptions: await prisma.subscription.count({ where: mine }),
    ledgerRows: await prisma.subscriptionChange.count({ where: { subscription: mine } }),
    payments: await prisma.payment.count({ where: { userId: { in: ids } } }),
    orders: await prisma.order.count({ where: mine }),
    processedDeliveries: await prisma.webhookDelivery.count({ where: { eventId: { startsWith: `msg_bench_${run}_` }, status: "PROCESSED" } }),
    failedDeliveries: await prisma.webhookDelivery.count({ where: { eventId: { startsWith: `msg_bench_${run}_` }, status: { not: "PROCESSED" } } }),
  }
  const expected = { subscriptions: buyers, ledgerRows: buyers, payments: buyers, orders: buyers, processedDeliveries: buyers * 2, failedDeliveries: 0 }
  const exact = (Object.keys(expected) as (keyof typeof expected)[]).every((key) => counts[key] === expected[key])
  return { exact, counts: Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, { expected: expected[key as keyof typeof expected], got: value }])) }
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

function printTable(bare: ReturnType<typeof summarize>, hooks: ReturnType<typeof summarize>, ratio: number) {
  const row = (name: string, s: ReturnType<typeof summarize>) => ({ route: name, requests: s.requests, "per second": s.perSecond, "p50 ms": s.p50, "p95 ms": s.p95, "p99 ms": s.p99, retried: s.retried, errors: s.errors })
  console.table([row("GET /api/health (bare)", bare), row("POST /api/webhooks/polar", hooks)])
  say(`webhook deliveries per second are ${(ratio * 100).toFixed(1)}% of the bare route's requests per second`)
}
