import fc from "fast-check"
import { beforeAll, expect, test } from "vitest"
import { db } from "@/lib/db"
import { readBusinessState } from "@/lib/billing/testing/business-state"
import {
  type Business,
  type LifecycleDelivery,
  type LifecyclePlans,
  lifecycleArbitrary,
  renderDeliveries,
  scopeOf,
} from "@/lib/billing/testing/lifecycle-arbitrary"
import { ensurePlans, post } from "@/lib/billing/testing/polar-events"
import { POLAR_PROVIDER } from "./deliveries"
import { replayDelivery } from "./replay"

// Polar delivers every webhook at least once, retried, in any order (a newer event goes ahead while
// an older one keeps failing; staff replay stored deliveries). Whatever the order, the database must
// end in the same state: this delivers one generated business four ways, each to its own copy of it
// (fresh ids), lets Polar retry what failed, and compares the four final states.

const RUNS = Number(process.env.LIFECYCLE_RUNS ?? 8)
const SEED = process.env.LIFECYCLE_SEED === undefined ? undefined : Number(process.env.LIFECYCLE_SEED)
const PATH = process.env.LIFECYCLE_PATH
// Shrinking a failure can take long; CI stops it here and reports the smallest case found so far.
const TIME_LIMIT_MS = Number(process.env.LIFECYCLE_TIME_LIMIT_MS ?? 20_000)
/** Polar retries a failed delivery for days; a few rounds at the end stand for that. */
const RETRY_ROUNDS = 4
const TEST_FILE = "lib/billing/webhooks/delivery-order.int.test.ts"

let plans: LifecyclePlans
beforeAll(async () => {
  plans = await ensurePlans()
})

/**
 * Another order of the deliveries: each move takes the delivery at `from` to `to` (both taken modulo
 * the number of deliveries, so a move means something whatever the business); no moves is Polar's order.
 */
type Moves = [from: number, to: number][]
const reorder = <T>(items: T[], moves: Moves): T[] => {
  const result = [...items]
  for (const [from, to] of moves) result.splice(to % result.length, 0, result.splice(from % result.length, 1)[0]!)
  return result
}

// The ways of delivering are drawn apart from the business (not chained to it), so fast-check
// shrinks both: a smaller business with the same moves usually fails the same way.
const movesArb = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, size: "medium" })
const caseArbitrary = fc.record({
  business: lifecycleArbitrary(),
  permuted: movesArb,
  duplicates: fc.array(fc.record({ index: fc.nat(), later: fc.nat(8), concurrent: fc.boolean() }), {
    minLength: 1,
    maxLength: 12,
  }),
  beforeReplay: movesArb,
  replays: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
})
type Case = typeof caseArbitrary extends fc.Arbitrary<infer T> ? T : never

/** Something that went wrong, said once however many variants it happened in. */
type Problem = { variant: string; what: string }

/** What one copy of the business saw: the last answer to each delivery, and every 5xx. */
class Courier {
  readonly last = new Map<string, { delivery: LifecycleDelivery; status: number; why: string }>()
  readonly problems: Problem[] = []
  constructor(readonly variant: string) {}

  async send(delivery: LifecycleDelivery): Promise<void> {
    const response = await post(delivery)
    const why = ok(response.status) ? "" : await explain(delivery, response)
    if (response.status >= 500)
      this.problems.push({ variant: this.variant, what: `${delivery.label}\n      → ${response.status}: ${why}` })
    this.last.set(delivery.id, { delivery, status: response.status, why })
  }

  /** Polar's retries: every delivery not yet acknowledged, again, in the order it was first sent. */
  async retryUnacknowledged(): Promise<void> {
    for (let round = 0; round < RETRY_ROUNDS; round++) {
      const pending = [...this.last.values()].filter((a) => !ok(a.status))
      if (pending.length === 0) return
      for (const { delivery } of pending) await this.send(delivery)
    }
    for (const { delivery, status, why } of this.last.values()) {
      if (!ok(status))
        this.problems.push({
          variant: this.variant,
          what: `${delivery.label}\n      → still ${status} after ${RETRY_ROUNDS} retries: ${why}`,
        })
    }
  }
}
const ok = (status: number) => status >= 200 && status < 300

/** Why a delivery was refused: the answer's error, and for a failure the error stored with the delivery. */
async function explain(delivery: LifecycleDelivery, response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string; details?: unknown } } | null
  // The request id differs on every attempt; without it one failure reads the same each time.
  const message = body?.error?.message?.replace(/ \(request [^)]*\)/, "")
  const answer = `${message ?? "(no error body)"}${body?.error?.details ? ` ${JSON.stringify(body.error.details).slice(0, 300)}` : ""}`
  if (response.status < 500) return answer
  const stored = await db.webhookDelivery
    .findUnique({
      where: { provider_eventId: { provider: POLAR_PROVIDER, eventId: delivery.id } },
      select: { status: true, error: true },
    })
    .then((row) => (row ? `${row.status} ${row.error ?? ""}`.trim() : "nothing"))
    .catch((error: unknown) => `unreadable (${String(error)})`)
  return `${answer}; stored: ${stored}`
}

/** One line per distinct problem, with the variants it happened in. */
function report(
  problems: Problem[],
  legend = "a Polar's order, b permuted, c with duplicates, d permuted then replayed",
): string {
  const variants = new Map<string, string[]>()
  for (const p of problems) variants.set(p.what, [...(variants.get(p.what) ?? []), p.variant.slice(0, 1)])
  const lines = [...variants].map(([what, where]) => `[${[...new Set(where)].join("")}] ${what}`)
  const shown = lines.slice(0, 25).join("\n  ")
  return `${lines.length} problem(s) [${legend}]:\n  ${shown}${lines.length > 25 ? `\n  … and ${lines.length - 25} more` : ""}`
}

// Every copy of a business gets its own namespace in all Polar ids, emails and message ids (lower
// case: we keep emails lower-cased), so copies never meet in one database or in the settled-id cache.
let copies = 0
const runId = Math.random().toString(36).slice(2, 6)
const newNamespace = () => `lc${runId}${(copies++).toString(36)}x`

/** Delivers a fresh copy of the business the way `deliver` says, then reads its final state. */
async function runVariant(
  business: Business,
  variant: string,
  deliver: (deliveries: LifecycleDelivery[], courier: Courier) => Promise<void>,
) {
  const namespace = newNamespace()
  const deliveries = renderDeliveries(business, { plans, namespace })
  const courier = new Courier(variant)
  await deliver(deliveries, courier)
  await courier.retryUnacknowledged()
  return { variant, problems: courier.problems, state: await readBusinessState(scopeOf(business, namespace)) }
}

const inOrder = async (deliveries: LifecycleDelivery[], courier: Courier) => {
  for (const d of deliveries) await courier.send(d)
}

async function checkCase({ business, permuted, duplicates, beforeReplay, replays }: Case): Promise<void> {
  const polar = await runVariant(business, "a: Polar's order", inOrder)
  const others = [
    await runVariant(business, "b: permuted", (deliveries, courier) => inOrder(reorder(deliveries, permuted), courier)),
    await runVariant(business, "c: with duplicates", async (deliveries, courier) => {
      // Each duplicate is resent a few deliveries later, or at the same moment as the first copy.
      const schedule = deliveries.map((d) => [d])
      for (const dup of duplicates) {
        const d = deliveries[dup.index % deliveries.length]!
        const at = schedule.findIndex((batch) => batch[0] === d)
        if (dup.concurrent) schedule[at]!.push(d)
        else schedule.splice(Math.min(schedule.length, at + 1 + dup.later), 0, [d])
      }
      for (const batch of schedule) await Promise.all(batch.map((d) => courier.send(d)))
    }),
    await runVariant(business, "d: permuted, then stored deliveries replayed", async (deliveries, courier) => {
      await inOrder(reorder(deliveries, beforeReplay), courier)
      for (const index of replays) {
        const d = deliveries[index % deliveries.length]!
        const row = await db.webhookDelivery.findUnique({
          where: { provider_eventId: { provider: POLAR_PROVIDER, eventId: d.id } },
          select: { id: true, status: true },
        })
        // Staff replay what failed; anything else is Polar sending it again.
        if (row?.status !== "FAILED") await courier.send(d)
        else
          await replayDelivery(row.id).catch((error: unknown) =>
            courier.problems.push({
              variant: courier.variant,
              what: `${d.label}\n      → replay threw: ${String(error)}`,
            }),
          )
      }
    }),
  ]
  const problems = [...polar.problems, ...others.flatMap((o) => o.problems)]
  for (const other of others) {
    const diff = differences(polar.state, other.state)
    if (diff.length > 0)
      problems.push({
        variant: other.variant,
        what: `final state differs from Polar's order (there ≠ here):\n      ${diff.join("\n      ")}`,
      })
  }
  if (problems.length > 0) throw new Error(report(problems))
}

/** Where two states differ, as `path: in Polar's order ≠ here` lines (the first 20). */
function differences(expected: unknown, actual: unknown, path = "state"): string[] {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return []
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null
  if (!isRecord(expected) || !isRecord(actual) || Array.isArray(expected) !== Array.isArray(actual)) {
    return [`${path}: ${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`]
  }
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])]
  return keys.flatMap((key) => differences(expected[key], actual[key], `${path}.${key}`)).slice(0, 20)
}

test(
  "the final state depends on what happened at Polar, not on the order its webhooks arrive in",
  async () => {
    await fc.assert(fc.asyncProperty(caseArbitrary, checkCase), {
      numRuns: RUNS,
      seed: SEED,
      path: PATH,
      endOnFailure: PATH !== undefined,
      plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS)],
      asyncReporter: async (details) => {
        if (!details.failed) return
        const rerun = `LIFECYCLE_SEED=${details.seed} LIFECYCLE_PATH=${details.counterexamplePath} npx vitest run --project integration ${TEST_FILE}`
        const error =
          details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
        throw new Error(
          `${await fc.asyncDefaultReportMessage(details)}\n\nGot: ${error}\n\nRe-run this case alone:\n  ${rerun}`,
        )
      },
    })
  },
  TIME_LIMIT_MS + 120_000,
)

// Kept out of the property: on the embedded database a NUL delivery has broken the connection every
// later delivery of the file shares, which would make every later case fail for the wrong reason.
test("a customer name with a NUL character is acknowledged, and the deliveries after it still are", async () => {
  const [business] = fc.sample(lifecycleArbitrary(), { seed: 42, numRuns: 1 })
  // Only the name differs between the copies; a plain address, so nothing else can refuse them.
  const named = (name: string) => ({
    ...business!,
    happenings: business!.happenings.map((h) => ({
      ...h,
      customer: { ...h.customer, name, address: { local: "nul", domain: "example.com" } },
    })),
  })
  const problems: Problem[] = []
  for (const [variant, copy] of [
    ["n: NUL in a name", named("Null\u0000Byte")],
    ["o: ordinary, after it", named("Ada Lovelace")],
  ] as const) {
    const courier = new Courier(variant)
    await inOrder(renderDeliveries(copy, { plans, namespace: newNamespace() }), courier)
    await courier.retryUnacknowledged()
    problems.push(...courier.problems)
  }
  const legend = "n with a NUL in every name, o an ordinary copy delivered after it"
  expect(report(problems, legend)).toBe(report([], legend))
}, 60_000)
