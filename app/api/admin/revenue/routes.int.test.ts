import { beforeAll, expect, test } from "vitest"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { GET as cohorts } from "./cohorts/route"
import { GET } from "./movements/route"

// Two customers on a fresh database (one migrated database per integration file):
// A  Jan 10 new 2,000 · Feb 3 upgrade to 5,000 at 23:30 and a second subscription of 1,000 at
//    Mar 1 00:10 — 40 minutes later, so one movement of +4,000 dated Feb 28 23:30
// B  Jan 20 new 3,000 · Mar 5 churn
// January: new 5,000 → MRR 0 → 5,000, 2 customers.
// February: expansion 4,000 (A: 2,000 → 6,000, the merged pair), MRR 5,000 → 9,000.
// March: churn −3,000 (B), MRR 9,000 → 6,000; logo churn 1 of 2; gross = net = 3,000 ÷ 9,000.
async function ledger() {
  const plan = await db.plan.create({
    data: { slug: `movements-${Date.now()}`, name: "Team", description: "", interval: "MONTH", priceCents: 2000 },
  })
  const subscription = async (email: string) => {
    const user = (await db.user.findUnique({ where: { email } })) ?? (await db.user.create({ data: { email } }))
    const start = new Date("2026-01-01T00:00:00Z")
    return db.subscription.create({
      data: {
        userId: user.id,
        planId: plan.id,
        status: "ACTIVE",
        startedAt: start,
        currentPeriodStart: start,
        currentPeriodEnd: start,
      },
    })
  }
  const [a1, a2, b] = [
    await subscription("a@movements.test"),
    await subscription("a@movements.test"),
    await subscription("b@movements.test"),
  ]
  const change = (
    subscriptionId: string,
    kind: "NEW" | "EXPANSION" | "CHURN",
    delta: number,
    after: number,
    at: string,
  ) => ({
    subscriptionId,
    kind,
    mrrDeltaCents: delta,
    mrrAfterCents: after,
    effectiveAt: new Date(at),
  })
  await db.subscriptionChange.createMany({
    data: [
      change(a1.id, "NEW", 2_000, 2_000, "2026-01-10T09:00:00Z"),
      change(b.id, "NEW", 3_000, 3_000, "2026-01-20T09:00:00Z"),
      change(a1.id, "EXPANSION", 3_000, 5_000, "2026-02-28T23:30:00Z"),
      change(a2.id, "NEW", 1_000, 1_000, "2026-03-01T00:10:00Z"),
      change(b.id, "CHURN", -3_000, 0, "2026-03-05T09:00:00Z"),
    ],
  })
}

beforeAll(ledger)

test("owners get the monthly movements in the contract's shape, and a month's figures do not depend on the range's end", async () => {
  const owner = await signedInAs("OWNER")
  const get = async (query: string) => {
    const response = await callRoute(GET, "GET", `/api/admin/revenue/movements?${query}`, { cookie: owner.cookie })
    expect(response.status).toBe(200)
    return response.json()
  }
  const body = await get("from=2026-01&to=2026-03&interval=month")
  expect(body.interval).toBe("month")
  expect(body.months.map((m: { month: string }) => m.month)).toEqual(["2026-01", "2026-02", "2026-03"])
  const [january, february, march] = body.months
  expect(january).toMatchObject({
    mrrStartCents: 0,
    mrrEndCents: 5_000,
    newCents: 5_000,
    netNewCents: 5_000,
    customersStart: 0,
    customersEnd: 2,
  })
  expect(january.logoChurnRate).toBeNull()
  expect(february).toMatchObject({
    mrrStartCents: 5_000,
    expansionCents: 4_000,
    netNewCents: 4_000,
    mrrEndCents: 9_000,
    logoChurnRate: 0,
  })
  expect(march).toMatchObject({
    mrrStartCents: 9_000,
    churnCents: -3_000,
    contractionCents: 0,
    netNewCents: -3_000,
    mrrEndCents: 6_000,
  })
  expect(march.logoChurnRate).toBeCloseTo(1 / 2, 12)
  expect(march.grossMrrChurnRate).toBeCloseTo(3_000 / 9_000, 12)
  expect(march.netMrrChurnRate).toBeCloseTo(3_000 / 9_000, 12)
  // February alone: the pair that crosses into March still counts whole in February.
  expect((await get("from=2026-02&to=2026-02")).months).toEqual([february])
})

test("a malformed or backwards range is 422 in the shared error shape; support staff are refused", async () => {
  const admin = await signedInAs("ADMIN")
  for (const query of [
    "from=2026-13&to=2026-14",
    "from=2026-03&to=2026-01",
    "from=2026-01&to=2026-02&interval=week",
    "to=2026-01",
  ]) {
    const response = await callRoute(GET, "GET", `/api/admin/revenue/movements?${query}`, { cookie: admin.cookie })
    expect(response.status, query).toBe(422)
    expect((await response.json()).error, query).toMatchObject({
      code: expect.any(String),
      message: expect.any(String),
    })
  }
  const support = await signedInAs("SUPPORT")
  expect(
    (await callRoute(GET, "GET", "/api/admin/revenue/movements?from=2026-01&to=2026-01", { cookie: support.cookie }))
      .status,
  ).toBe(403)
})

test("owners get the cohorts of the same ledger: A and B started in January at 5,000 (A's merged pair adds 4,000 in February)", async () => {
  const owner = await signedInAs("OWNER")
  const response = await callRoute(cohorts, "GET", "/api/admin/revenue/cohorts?from=2026-01&to=2026-03", {
    cookie: owner.cookie,
  })
  expect(response.status).toBe(200)
  const body = await response.json()
  expect(body.cohorts.map((c: { cohort: string; customers: number }) => [c.cohort, c.customers])).toEqual([
    ["2026-01", 2],
    ["2026-02", 0],
    ["2026-03", 0],
  ])
  const [january] = body.cohorts
  // Started at 2,000 + 3,000 = 5,000. February: A 6,000 + B 3,000 = 9,000 (kept 2,000 + 3,000);
  // March: A 6,000, B churned: 6,000 (kept 2,000), one customer of two.
  expect(january.startingMrrCents).toBe(5_000)
  expect(
    january.cells.map((c: { mrrCents: number; keptMrrCents: number; activeCustomers: number }) => [
      c.mrrCents,
      c.keptMrrCents,
      c.activeCustomers,
    ]),
  ).toEqual([
    [5_000, 5_000, 2],
    [9_000, 5_000, 2],
    [6_000, 2_000, 1],
  ])
  expect(january.cells[2]).toMatchObject({ logoRetention: 0.5, grossMrrRetention: 0.4 })
  expect(january.cells[2].netMrrRetention).toBeCloseTo(6_000 / 5_000, 12)
  expect(
    (await callRoute(cohorts, "GET", "/api/admin/revenue/cohorts?from=2026-03&to=2026-01", { cookie: owner.cookie }))
      .status,
  ).toBe(422)
})
