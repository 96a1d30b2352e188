import { createHash, randomBytes } from "node:crypto"
import type pg from "pg"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { PrismaClient } from "@/generated/prisma/client"
import { createPool, createPrismaClient } from "@/lib/database/client"
import { mrrAt } from "@/lib/revenue/mrr"
import { currentMrrCents } from "@/lib/revenue/queries"
import { decryptSecret } from "@/lib/security/crypto"
import { DEMO_SUBSCRIBER_EMAIL, demoAccounts, isDatabaseSeeded, type SeedResult, seedDemoBusiness } from "@/prisma/seed"

const now = new Date("2026-11-25T21:00:00Z")
const encryptionKey = randomBytes(32).toString("hex")
const credentialsKey = randomBytes(32).toString("hex")
const HOUR = 3_600_000

let pool: pg.Pool
let prisma: PrismaClient
let seeded: SeedResult

beforeAll(async () => {
  pool = createPool(process.env.DATABASE_URL!, 1)
  prisma = createPrismaClient(pool)
  seeded = await seedDemoBusiness(prisma, { customers: 200, seed: 42, now, encryptionKey, credentialsKey })
})

afterAll(async () => {
  await prisma.$disconnect()
  await pool.end()
})

/** What must not change between two seeds with the same seed and `now`. */
async function fingerprint() {
  const emails = await prisma.user.findMany({ select: { email: true }, orderBy: { email: "asc" } })
  const ledger = await prisma.subscriptionChange.findMany({
    select: {
      kind: true,
      mrrDeltaCents: true,
      mrrAfterCents: true,
      effectiveAt: true,
      subscription: { select: { user: { select: { email: true } } } },
    },
    orderBy: [{ effectiveAt: "asc" }, { subscriptionId: "asc" }, { mrrAfterCents: "asc" }],
  })
  return {
    emails: createHash("sha256")
      .update(emails.map((u) => u.email).join("\n"))
      .digest("hex"),
    users: emails.length,
    subscriptions: await prisma.subscription.count(),
    orders: await prisma.order.count(),
    ledgerRows: ledger.length,
    mrrCents: await currentMrrCents(prisma, now),
    firstRows: ledger
      .slice(0, 20)
      .map((row) => [row.subscription.user.email, row.kind, row.mrrDeltaCents, row.effectiveAt.toISOString()]),
  }
}

describe("seedDemoBusiness", () => {
  test("receipts, order timelines, seat releases and encrypted demo credentials agree with the orders", async () => {
    const orders = await prisma.order.findMany({ include: { payment: true, events: { orderBy: { at: "asc" } } } })
    expect(orders.every((o) => o.payment !== null && o.payment.paidAt.getTime() === o.paidAt.getTime())).toBe(true)
    for (const order of orders) {
      const types = order.events.map((e) => e.type)
      expect(types[0]).toBe("PAID")
      expect(types.includes("FULFILLED")).toBe(order.status === "FULFILLED")
      expect(types.includes("RELEASED")).toBe(order.releasedAt !== null)
      // A released seat no longer exists, so its credentials are gone.
      if (order.releasedAt) expect(order.credentialsEnc).toBeNull()
    }
    // Renewals are receipts too: more payments than orders.
    expect(await prisma.payment.count({ where: { billingReason: "subscription_cycle" } })).toBeGreaterThan(0)
    expect(await prisma.order.count({ where: { releaseDueAt: { not: null } } })).toBeGreaterThan(0)
    const demo = await prisma.order.findFirstOrThrow({
      where: { user: { email: DEMO_SUBSCRIBER_EMAIL }, status: "FULFILLED" },
    })
    expect(JSON.parse(decryptSecret(demo.credentialsEnc!, credentialsKey))).toMatchObject({
      login: DEMO_SUBSCRIBER_EMAIL,
      password: expect.stringMatching(/^[0-9a-f]{16}$/),
    })
  })

  test("refuses to seed over a business, and reseeds the very same business with reset", async () => {
    expect(await isDatabaseSeeded(prisma)).toBe(true)
    const before = await fingerprint()
    await expect(seedDemoBusiness(prisma, { customers: 200, seed: 42, now, encryptionKey })).rejects.toThrow(
      /already holds a business/,
    )
    const again = await seedDemoBusiness(prisma, {
      customers: 200,
      seed: 42,
      now,
      encryptionKey,
      credentialsKey,
      reset: true,
    })
    expect(await fingerprint()).toEqual(before)
    const accounts = (result: SeedResult) => result.staff.map(({ email, role }) => ({ email, role }))
    expect(accounts(again)).toEqual(accounts(seeded))
    // The one thing a re-seed does not repeat: every staff member gets a new TOTP secret.
    for (const member of again.staff)
      expect(member.totpSecret).not.toBe(seeded.staff.find((s) => s.email === member.email)!.totpSecret)
    seeded = again // the database now holds these secrets
    expect(again.summary).toEqual(seeded.summary)
    expect(before.users).toBe(200 + 1 + 4)
  })

  test("every subscription's ledger sums to its mrrCents; MRR is 0 exactly when it has ended", async () => {
    const rows = await prisma.$queryRaw<
      { id: string; status: string; mrrCents: number; ledger: number; lastAfter: number | null; endedAt: Date | null }[]
    >`
      SELECT s.id, s.status::text AS status, s.mrr_cents AS "mrrCents", s.ended_at AS "endedAt",
             COALESCE(SUM(c.mrr_delta_cents), 0)::int AS ledger,
             (SELECT c2.mrr_after_cents FROM subscription_changes c2 WHERE c2.subscription_id = s.id ORDER BY c2.effective_at DESC LIMIT 1) AS "lastAfter"
      FROM subscriptions s LEFT JOIN subscription_changes c ON c.subscription_id = s.id
      GROUP BY s.id`
    expect(rows).toHaveLength(201)
    for (const row of rows) {
      expect(row.ledger, row.id).toBe(row.mrrCents)
      expect(row.lastAfter, row.id).toBe(row.mrrCents)
      expect(row.mrrCents === 0, row.id).toBe(row.status === "CANCELED")
      expect(row.endedAt !== null, row.id).toBe(row.status === "CANCELED")
    }
    const statuses = new Set(rows.map((row) => row.status))
    expect(statuses).toContain("ACTIVE")
    expect(statuses).toContain("CANCELED")
  })

  test("MRR from the ledger at now equals the sum of the subscriptions' mrrCents", async () => {
    const changes = await prisma.subscriptionChange.findMany({ select: { mrrDeltaCents: true, effectiveAt: true } })
    const { _sum } = await prisma.subscription.aggregate({ _sum: { mrrCents: true } })
    expect(mrrAt(changes, now)).toBe(_sum.mrrCents)
    expect(await currentMrrCents(prisma, now)).toBe(_sum.mrrCents)
    expect(seeded.summary.mrrCents).toBe(_sum.mrrCents)
    expect(changes.every((change) => change.effectiveAt <= now)).toBe(true)
    const kinds = await prisma.subscriptionChange.groupBy({ by: ["kind"], _count: true })
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(["NEW", "CHURN"]))
  })

  test("orders: due 24 h after payment, fulfilled ones assigned to support or admin, some open and at least one overdue", async () => {
    const orders = await prisma.order.findMany({
      select: {
        status: true,
        paidAt: true,
        dueAt: true,
        assigneeId: true,
        assignedAt: true,
        fulfilledAt: true,
        assignee: { select: { role: true } },
      },
    })
    for (const order of orders) expect(order.dueAt.getTime() - order.paidAt.getTime()).toBe(24 * HOUR)
    const fulfilled = orders.filter((o) => o.status === "FULFILLED")
    expect(
      fulfilled.every(
        (o) =>
          o.fulfilledAt &&
          o.fulfilledAt > o.paidAt &&
          o.fulfilledAt <= now &&
          ["SUPPORT", "ADMIN"].includes(o.assignee!.role),
      ),
    ).toBe(true)
    const open = orders.filter((o) => o.status === "PENDING" || o.status === "IN_PROGRESS")
    expect(open.length).toBeGreaterThan(0)
    expect(open.some((o) => o.dueAt < now)).toBe(true)
    expect(open.every((o) => o.fulfilledAt === null && (o.status === "PENDING") === (o.assigneeId === null))).toBe(true)
    expect(seeded.summary.overdueOrders).toBe(open.filter((o) => o.dueAt < now).length)
  })

  test("one staff member per role, enrolled in TOTP with the secret the seed returned", async () => {
    const staff = await prisma.user.findMany({
      where: { role: { not: "SUBSCRIBER" } },
      select: { email: true, role: true, totpSecretEnc: true, totpEnabledAt: true, emailVerified: true },
    })
    expect(staff.map((s) => s.role).sort()).toEqual(["ADMIN", "ENGINEER", "OWNER", "SUPPORT"])
    for (const member of staff) {
      const returned = seeded.staff.find((s) => s.email === member.email)!
      expect(returned.totpSecret).toMatch(/^[A-Z2-7]{32}$/)
      expect(decryptSecret(member.totpSecretEnc!, encryptionKey)).toBe(returned.totpSecret)
      expect(member.totpEnabledAt).toEqual(now)
      expect(member.emailVerified).not.toBeNull()
    }
    // Random, not derived from anything public: four different secrets.
    expect(new Set(seeded.staff.map((s) => s.totpSecret)).size).toBe(4)
    expect(
      demoAccounts()
        .filter((a) => a.secondFactor)
        .map(({ role, email }) => ({ role, email })),
    ).toEqual(seeded.staff.map(({ role, email }) => ({ role, email })))
  })

  test("the demo subscriber has an active monthly subscription, one fulfilled order and one pending", async () => {
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: DEMO_SUBSCRIBER_EMAIL },
      select: {
        subscriptions: { select: { status: true, mrrCents: true, plan: { select: { slug: true } } } },
        orders: { select: { status: true } },
      },
    })
    expect(user.subscriptions).toEqual([{ status: "ACTIVE", mrrCents: 1999, plan: { slug: "monthly" } }])
    expect(user.orders.map((o) => o.status).sort()).toEqual(["FULFILLED", "PENDING"])
  })

  test("customers: deterministic lower-case ASCII emails, signed up over 18 months before now", async () => {
    const customers = await prisma.user.findMany({
      where: { role: "SUBSCRIBER", email: { not: DEMO_SUBSCRIBER_EMAIL } },
      select: { email: true, createdAt: true },
    })
    expect(customers).toHaveLength(200)
    expect(customers.every((c) => /^[a-z]+\.[a-z]+\.\d+@example\.com$/.test(c.email))).toBe(true)
    const earliest = Math.min(...customers.map((c) => c.createdAt.getTime()))
    expect(earliest).toBeGreaterThanOrEqual(new Date("2025-05-25T21:00:00Z").getTime())
    expect(Math.max(...customers.map((c) => c.createdAt.getTime()))).toBeLessThanOrEqual(now.getTime())
    const plans = await prisma.plan.findMany({
      select: { slug: true, priceCents: true, interval: true, seats: true },
      orderBy: { sortOrder: "asc" },
    })
    expect(plans).toEqual([
      { slug: "monthly", priceCents: 1999, interval: "MONTH", seats: 1 },
      { slug: "annual", priceCents: 19900, interval: "YEAR", seats: 1 },
      { slug: "team", priceCents: 4900, interval: "MONTH", seats: 5 },
    ])
  })
})
