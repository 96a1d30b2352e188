import { randomBytes } from "node:crypto"
import { beforeAll, expect, test } from "vitest"
import { db } from "@/lib/db"
import { productIdOf } from "@/lib/billing/polar"
import { delivery, post } from "@/lib/billing/testing/polar-events"
import { subscriptionPayload, type TestPlan, testEvent } from "@/lib/billing/test-mode/payloads"
import { monthlyRecurringCents } from "@/lib/revenue/mrr"
import { currentMrrCents } from "@/lib/revenue/queries"
import { seedDemoBusiness } from "@/prisma/seed"
import { SUBSCRIPTION_ID_METADATA_KEY } from "./apply-subscription"

// The ledger is the source of truth for MRR; this checks it against the other way of getting the
// figure, from each subscription's state, for a whole seeded business and after webhooks move it.

beforeAll(async () => {
  // Through the app's own client: the embedded test database serves one connection.
  await seedDemoBusiness(db, { customers: 300, seed: 7, encryptionKey: randomBytes(32).toString("hex") })
}, 120_000)

/** MRR from state: live (active, trialing, past due) and not ended → the plan's monthly amount. */
async function mrrFromStates(): Promise<number> {
  const subs = await db.subscription.findMany({
    select: { status: true, endedAt: true, plan: { select: { interval: true, priceCents: true } } },
  })
  return subs
    .filter((s) => ["ACTIVE", "TRIALING", "PAST_DUE"].includes(s.status) && s.endedAt === null)
    .reduce((sum, s) => sum + monthlyRecurringCents(s.plan), 0)
}

test("MRR summed from the ledger equals MRR recomputed from subscription states, before and after webhooks", async () => {
  const before = await currentMrrCents(db)
  expect(before).toBeGreaterThan(0)
  expect(before).toBe(await mrrFromStates())

  const plans = Object.fromEntries((await db.plan.findMany()).map((p) => [p.slug, p]))
  const asTestPlan = (slug: string): TestPlan => {
    const p = plans[slug]!
    return {
      productId: productIdOf(p),
      name: p.name,
      interval: p.interval,
      priceCents: p.priceCents,
      currency: p.currency,
    }
  }
  const now = new Date()
  const live = (slug: string) =>
    db.subscription.findFirstOrThrow({
      where: { status: "ACTIVE", endedAt: null, cancelAtPeriodEnd: false, plan: { slug } },
      include: { user: true },
      orderBy: { id: "asc" },
    })

  // A seeded monthly subscriber upgrades to team, a seeded team subscriber is revoked: both
  // subscriptions predate Polar and are linked by the metadata test mode sends.
  for (const [sub, plan, change] of [
    [await live("monthly"), "team", {}],
    [await live("team"), "team", { status: "canceled" as const, canceledAt: now, endedAt: now }],
  ] as const) {
    const state = {
      id: `sub_test_${sub.id}`,
      status: "active" as const,
      createdAt: sub.startedAt,
      modifiedAt: now,
      currentPeriodStart: sub.currentPeriodStart,
      currentPeriodEnd: sub.currentPeriodEnd,
      metadata: { [SUBSCRIPTION_ID_METADATA_KEY]: sub.id },
      ...change,
    }
    const customer = { userId: sub.userId, email: sub.user.email, name: sub.user.name }
    expect(
      (
        await post(
          delivery(testEvent("subscription.updated", subscriptionPayload(state, asTestPlan(plan), customer), now)),
        )
      ).status,
    ).toBe(200)
  }
  // And a new customer buys the annual plan.
  const buyer = await db.user.create({ data: { email: `annual-${Date.now()}@example.com` } })
  const fresh = {
    id: `sub_test_new_${buyer.id}`,
    status: "active" as const,
    createdAt: new Date(now.getTime() - 60_000),
    modifiedAt: null,
    currentPeriodStart: now,
    currentPeriodEnd: new Date(now.getTime() + 365 * 86_400_000),
  }
  expect(
    (
      await post(
        delivery(
          testEvent(
            "subscription.created",
            subscriptionPayload(fresh, asTestPlan("annual"), { userId: buyer.id, email: buyer.email, name: null }),
            now,
          ),
        ),
      )
    ).status,
  ).toBe(200)

  const after = await currentMrrCents(db, new Date())
  expect(after).toBe(before + 2901 - 4900 + 1658) // upgrade, churn of a team seat, a new annual
  expect(after).toBe(await mrrFromStates())
}, 120_000)
