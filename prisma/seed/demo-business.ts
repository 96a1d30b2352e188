import { base, en, Faker } from "@faker-js/faker"
import type { Prisma, PrismaClient } from "@/generated/prisma/client"
import type { Role } from "@/generated/prisma/enums"
import { recordSubscriptionChanges, type SubscriptionChangeInput } from "@/lib/revenue/ledger"
import { ledgerEntries } from "@/lib/revenue/mrr"
import { createDemoSubscriber, upsertDemoStaff } from "./accounts"
import { deleteAnalyticsData, type EventSeedResult, seedDemoEvents } from "./events"
import { seedFeedback } from "./feedback"
import { type CustomerLife, simulateCustomerLife } from "./customer-life"
import { planFulfilment } from "./fulfilment"
import { type SeededCommerce, seededCommerce } from "./orders"
import { type PlanSlug, type SeededPlan, upsertDemoPlans } from "./plans"
import { createRandom, type Random } from "./random"
import { deleteBusinessData, isDatabaseSeeded } from "./reset"
import { signupInstants } from "./signups"
import { type SeedSummary, summarizeBusiness } from "./summary"
import { addMs, addUtcMonths, HOUR_MS, startOfUtcHour } from "./time"

export type SeedOptions = {
  /** Generated customers, besides the demo subscriber. Default 2000. */
  customers?: number
  seed?: number
  /** The instant the business is seen from. Default: the start of the current UTC hour. */
  now?: Date
  log?: (line: string) => void
  /** Encrypts the staff TOTP secrets (32 bytes, hex or base64); the secrets themselves are random per seeding. */
  encryptionKey: string
  /** Encrypts the demo seats' credentials; without it delivered demo seats have none to reveal. */
  credentialsKey?: string
  /** Delete every user, plan, subscription and order first. Required when a business exists. */
  reset?: boolean
  /** About how many analytics events (a year of them); default 22 per customer, 0 for none. */
  events?: number
}

export type SeedResult = {
  staff: { email: string; role: Role; totpSecret: string }[]
  customers: number
  summary: SeedSummary
  analytics: EventSeedResult | null
}

const HISTORY_MONTHS = 18
// Short transactions keep the single embedded connection responsive; 500 customers is ~0.2 s of writes.
const MAX_CHUNK = 500

/**
 * A deterministic demo business: plans, one staff account per role, a demo subscriber, and
 * `customers` subscribers over the last 18 months whose every MRR movement goes through the revenue
 * ledger. Same seed and `now`, same business, except the staff's TOTP secrets: new ones every time.
 */
export async function seedDemoBusiness(prisma: PrismaClient, options: SeedOptions): Promise<SeedResult> {
  const customers = options.customers ?? 2000
  if (!Number.isInteger(customers) || customers < 0)
    throw new RangeError(`customers must be a non-negative integer, got ${customers}`)
  if (options.events !== undefined && (!Number.isInteger(options.events) || options.events < 0))
    throw new RangeError(`events must be a non-negative integer, got ${options.events}`)
  const seed = options.seed ?? 42
  const now = options.now ?? startOfUtcHour()
  const log = options.log ?? (() => {})

  if (options.reset) {
    await deleteBusinessData(prisma)
    await deleteAnalyticsData(prisma)
    log("deleted the existing business data")
  } else if (await isDatabaseSeeded(prisma)) {
    throw new Error(
      "The database already holds a business (plans and subscribers). Seed again with reset (--reset) to delete it first.",
    )
  }

  const since = addUtcMonths(now, -HISTORY_MONTHS)
  const plans = await upsertDemoPlans(prisma)
  const staff = await prisma.$transaction(async (tx) => {
    const members = await upsertDemoStaff(tx, { since, now, encryptionKey: options.encryptionKey })
    await createDemoSubscriber(tx, {
      plan: plans.monthly,
      now,
      fulfilledBy: members.find((m) => m.role === "SUPPORT")!.id,
      credentialsKey: options.credentialsKey,
    })
    return members
  })
  const fulfillers = staff
    .filter((m) => m.role === "SUPPORT" || m.role === "ADMIN")
    .map((m) => [m.id, m.role === "SUPPORT" ? 4 : 1] as const)

  const random = createRandom(seed)
  const faker = new Faker({ locale: [en, base] })
  faker.seed(seed)
  const arrivals = plannedArrivals(random, customers, since, now)
  const chunkSize = Math.min(MAX_CHUNK, Math.max(50, Math.ceil(customers / 10)))
  let reported = 0
  for (let start = 0; start < customers; start += chunkSize) {
    const batch = buildBatch({
      random,
      faker,
      plans,
      fulfillers,
      now,
      arrivals: arrivals.slice(start, start + chunkSize),
      firstIndex: start + 1,
      credentialsKey: options.credentialsKey,
    })
    await prisma.$transaction(
      async (tx) => {
        await tx.user.createMany({ data: batch.users })
        await tx.subscription.createMany({ data: batch.subscriptions })
        await recordSubscriptionChanges(tx, batch.changes)
        await tx.payment.createMany({ data: batch.payments })
        await tx.order.createMany({ data: batch.orders })
        await tx.orderEvent.createMany({ data: batch.events })
      },
      { maxWait: 10_000, timeout: 60_000 },
    )
    const done = Math.min(customers, start + chunkSize)
    if (Math.floor((done * 10) / customers) > reported || done === customers) {
      reported = Math.floor((done * 10) / customers)
      log(`seeded ${done}/${customers} customers`)
    }
  }

  const summary = await summarizeBusiness(prisma, now)
  log(
    `demo business: ${customers} customers, ${summary.activeSubscriptions} active subscriptions, MRR $${(summary.mrrCents / 100).toFixed(2)}, ` +
      `${summary.orders} orders (${summary.openOrders} open, ${summary.overdueOrders} overdue)`,
  )
  await seedFeedback(prisma, { seed, now, log })
  const analytics =
    options.events === 0 ? null : await seedDemoEvents(prisma, { seed, now, events: options.events, log })
  return {
    staff: staff.map(({ email, role, totpSecret }) => ({ email, role, totpSecret })),
    customers,
    summary,
    analytics,
  }
}

type Arrival = { at: Date; stuck: boolean }

/**
 * Sign-ups on the growth curve, plus a few customers who bought one to two and a half days ago and
 * whose order nobody finished: without them a small demo could show no missed deadline at all.
 */
function plannedArrivals(random: Random, customers: number, since: Date, now: Date): Arrival[] {
  const backlog = Math.min(customers, Math.max(2, Math.round(customers / 2000)))
  const arrivals: Arrival[] = signupInstants(random, customers - backlog, since, now).map((at) => ({
    at,
    stuck: false,
  }))
  for (let i = 0; i < backlog; i++) arrivals.push({ at: addMs(now, -random.between(26, 60) * HOUR_MS), stuck: true })
  return arrivals.sort((a, b) => a.at.getTime() - b.at.getTime())
}

type Batch = SeededCommerce & {
  users: Prisma.UserCreateManyInput[]
  subscriptions: Prisma.SubscriptionCreateManyInput[]
  changes: SubscriptionChangeInput[]
}

function buildBatch(input: {
  random: Random
  faker: Faker
  plans: Record<PlanSlug, SeededPlan>
  fulfillers: (readonly [string, number])[]
  now: Date
  arrivals: Arrival[]
  firstIndex: number
  credentialsKey?: string
}): Batch {
  const { random, faker, plans, now } = input
  const batch: Batch = { users: [], subscriptions: [], changes: [], payments: [], orders: [], events: [] }
  input.arrivals.forEach((arrival, offset) => {
    const index = input.firstIndex + offset
    const [first, last] = [faker.person.firstName(), faker.person.lastName()]
    const userId = random.id()
    const subscriptionId = random.id()
    const life = simulateCustomerLife(random, plans, arrival.at, now)
    assertLedgerAgrees(life)
    const email = `${asciiSlug(first)}.${asciiSlug(last)}.${index}@example.com`
    batch.users.push({
      id: userId,
      email,
      name: `${first} ${last}`,
      role: "SUBSCRIBER",
      emailVerified: arrival.at,
      createdAt: arrival.at,
    })
    batch.subscriptions.push({
      id: subscriptionId,
      userId,
      planId: plans[life.plan].id,
      status: life.status,
      // mrrCents is left at 0: the ledger moves it, as it does in the app.
      startedAt: life.startedAt,
      currentPeriodStart: life.currentPeriodStart,
      currentPeriodEnd: life.currentPeriodEnd,
      cancelAtPeriodEnd: life.cancelAtPeriodEnd,
      canceledAt: life.canceledAt,
      endedAt: life.endedAt,
      createdAt: arrival.at,
    })
    for (const change of life.changes) {
      batch.changes.push({
        subscriptionId,
        nextMrrCents: change.nextMrrCents,
        planId: plans[change.plan].id,
        effectiveAt: change.at,
        reason: change.reason,
      })
    }
    // Same draws in the same order as before receipts and timelines existed: the business is unchanged.
    const handled = life.orders.map((order) => {
      const fulfilment = planFulfilment(random, order.paidAt, now, { stuck: arrival.stuck })
      const assigneeId = random.weighted(input.fulfillers)
      return { id: random.id(), fulfilment, assigneeId: fulfilment.assignedAt ? assigneeId : null }
    })
    const commerce = seededCommerce(
      { life, subscriptionId, userId, email, now, credentialsKey: input.credentialsKey },
      handled,
    )
    batch.payments.push(...commerce.payments)
    batch.orders.push(...commerce.orders)
    batch.events.push(...commerce.events)
  })
  return batch
}

/** The simulation's idea of the final MRR must be what the ledger will end on; a mismatch is a bug here. */
function assertLedgerAgrees(life: CustomerLife): void {
  const { end } = ledgerEntries(
    { mrrCents: 0, hasHistory: false },
    life.changes.map((change) => change.nextMrrCents),
  )
  if (end.mrrCents !== life.mrrCents)
    throw new Error(`seed bug: a ${life.status} life ends at ${life.mrrCents} cents but its ledger at ${end.mrrCents}`)
}

/** "Zoë O'Hara" → "zoe" / "ohara": email local parts in plain lower-case ASCII. */
function asciiSlug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[^a-zA-Z]/g, "")
      .toLowerCase() || "customer"
  )
}
