import type pg from "pg"
import { afterAll, beforeAll, expect, test } from "vitest"
import type { PrismaClient } from "@/generated/prisma/client"
import { createPool, createPrismaClient } from "@/lib/database/client"
import { recordSubscriptionChange, recordSubscriptionChanges } from "./ledger"
import { currentMrrCents } from "./queries"

let pool: pg.Pool
let prisma: PrismaClient
let planId: string

beforeAll(async () => {
  pool = createPool(process.env.DATABASE_URL!, 1)
  prisma = createPrismaClient(pool)
  const plan = await prisma.plan.create({
    data: { slug: `ledger-test-${Date.now()}`, name: "Test", description: "", interval: "MONTH", priceCents: 1999 },
  })
  planId = plan.id
})

afterAll(async () => {
  await prisma.$disconnect()
  await pool.end()
})

async function newSubscription(email: string): Promise<string> {
  const start = new Date("2026-01-01T00:00:00Z")
  const user = await prisma.user.create({ data: { email } })
  const subscription = await prisma.subscription.create({
    data: {
      userId: user.id,
      planId,
      status: "ACTIVE",
      startedAt: start,
      currentPeriodStart: start,
      currentPeriodEnd: new Date("2026-02-01T00:00:00Z"),
    },
  })
  return subscription.id
}

const steps = [
  { nextMrrCents: 1999, effectiveAt: new Date("2026-01-01T00:00:00Z"), reason: "checkout" },
  { nextMrrCents: 4900, effectiveAt: new Date("2026-01-15T12:00:00Z"), reason: "upgraded" },
  { nextMrrCents: 4900, effectiveAt: new Date("2026-01-20T00:00:00Z"), reason: "renewed" },
  { nextMrrCents: 0, effectiveAt: new Date("2026-02-01T00:00:00Z"), reason: "canceled" },
  { nextMrrCents: 1999, effectiveAt: new Date("2026-02-20T00:00:00Z"), reason: "reactivated" },
]

test("recordSubscriptionChange classifies each move, keeps mrrCents in step and writes nothing for no move", async () => {
  const subscriptionId = await newSubscription("ledger-single@example.com")
  const written = []
  for (const step of steps)
    written.push(await prisma.$transaction((tx) => recordSubscriptionChange(tx, { subscriptionId, planId, ...step })))
  expect(written.map((row) => row && [row.kind, row.mrrDeltaCents, row.mrrAfterCents])).toEqual([
    ["NEW", 1999, 1999],
    ["EXPANSION", 2901, 4900],
    null,
    ["CHURN", -4900, 0],
    ["REACTIVATION", 1999, 1999],
  ])
  const subscription = await prisma.subscription.findUniqueOrThrow({
    where: { id: subscriptionId },
    select: { mrrCents: true },
  })
  expect(subscription.mrrCents).toBe(1999)
  // 1999 + 2901 = 4900 on Jan 20; 0 on Feb 10; 1999 from Feb 20
  expect(await currentMrrCents(prisma, new Date("2026-01-20T00:00:00Z"))).toBe(4900)
  expect(await currentMrrCents(prisma, new Date("2026-02-10T00:00:00Z"))).toBe(0)
  expect(await currentMrrCents(prisma, new Date("2026-02-20T00:00:00Z"))).toBe(1999)
})

test("the batched path writes exactly the rows the single path does", async () => {
  const single = await newSubscription("ledger-one-by-one@example.com")
  const batched = await newSubscription("ledger-batched@example.com")
  for (const step of steps)
    await prisma.$transaction((tx) => recordSubscriptionChange(tx, { subscriptionId: single, planId, ...step }))
  const count = await prisma.$transaction((tx) =>
    recordSubscriptionChanges(
      tx,
      steps.map((step) => ({ subscriptionId: batched, planId, ...step })),
    ),
  )
  expect(count).toBe(4)
  const rows = async (subscriptionId: string) =>
    prisma.subscriptionChange.findMany({
      where: { subscriptionId },
      select: { kind: true, mrrDeltaCents: true, mrrAfterCents: true, planId: true, effectiveAt: true, reason: true },
      orderBy: { effectiveAt: "asc" },
    })
  expect(await rows(batched)).toEqual(await rows(single))
  const mrr = await prisma.subscription.findMany({
    where: { id: { in: [single, batched] } },
    select: { mrrCents: true },
  })
  expect(mrr).toEqual([{ mrrCents: 1999 }, { mrrCents: 1999 }])
})

test("an unknown subscription is an error, not a silent no-op", async () => {
  await expect(
    prisma.$transaction((tx) =>
      recordSubscriptionChange(tx, { subscriptionId: "nope", planId, nextMrrCents: 1999, effectiveAt: new Date() }),
    ),
  ).rejects.toThrow(/not found/)
})
