import { randomBytes } from "node:crypto"
import type pg from "pg"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { PrismaClient } from "@/generated/prisma/client"
import { rolledUntil } from "@/lib/analytics/model/coverage"
import { createPool, createPrismaClient } from "@/lib/database/client"
import { type SeedResult, seedDemoBusiness } from "@/prisma/seed"
import { EVENT_HISTORY_DAYS } from "./events"

const now = new Date("2026-11-25T21:00:00Z")
const from = new Date(now.getTime() - EVENT_HISTORY_DAYS * 86_400_000)
const TARGET = 6000

let pool: pg.Pool
let prisma: PrismaClient
let seeded: SeedResult

beforeAll(async () => {
  pool = createPool(process.env.DATABASE_URL!, 1)
  prisma = createPrismaClient(pool)
  seeded = await seedDemoBusiness(prisma, {
    customers: 150,
    events: TARGET,
    seed: 7,
    now,
    encryptionKey: randomBytes(32).toString("hex"),
  })
})

afterAll(async () => {
  await prisma.$disconnect()
  await pool.end()
})

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort()

describe("the demo's analytics events agree with the seeded business", () => {
  test("about the events asked for, all within the last year, then rolled up", async () => {
    // The last visitor may take the total a few events past the target, never more than one visitor's worth.
    expect(seeded.analytics!.events).toBeGreaterThanOrEqual(TARGET)
    expect(seeded.analytics!.events).toBeLessThan(TARGET + 40)
    expect(seeded.analytics!.anonymousVisitors).toBeGreaterThan(0)
    expect(await prisma.analyticsEvent.count()).toBe(seeded.analytics!.events)
    const span = await prisma.analyticsEvent.aggregate({
      _min: { at: true, receivedAt: true },
      _max: { at: true, receivedAt: true },
    })
    expect(span._min.at!.getTime()).toBeGreaterThanOrEqual(from.getTime())
    expect(span._max.at!.getTime()).toBeLessThanOrEqual(now.getTime())
    // Received no later than just before the seed: the rollups took every one of them.
    expect(span._max.receivedAt!.getTime()).toBeLessThan(Date.now())
    expect((await rolledUntil({ client: prisma }))!.getTime()).toBeGreaterThan(span._max.receivedAt!.getTime())
    const [totals] = await prisma.$queryRaw<{ daily: number; hourly: number }[]>`
      SELECT (SELECT sum(events)::int FROM analytics_daily WHERE dimension = '') AS daily, (SELECT sum(events)::int FROM analytics_hourly WHERE dimension = '') AS hourly`
    expect(totals).toEqual({ daily: seeded.analytics!.events, hourly: seeded.analytics!.events })
  })

  test("one signed_up per subscriber who signed up in the year, at the moment of sign-up, as the user's server event", async () => {
    const users = await prisma.user.findMany({
      where: { role: "SUBSCRIBER", createdAt: { gte: from, lte: now } },
      select: { id: true, createdAt: true },
    })
    const events = await prisma.analyticsEvent.findMany({
      where: { name: "signed_up" },
      select: { userId: true, visitorId: true, at: true },
    })
    expect(events.map((e) => `${e.userId}@${e.at.toISOString()}`).sort()).toEqual(
      users.map((u) => `${u.id}@${u.createdAt.toISOString()}`).sort(),
    )
    expect(events.every((e) => e.visitorId === `u:${e.userId}`)).toBe(true)
  })

  test("one order_paid per order paid in the year, and the paying users are those with a paid first order", async () => {
    const orders = await prisma.order.findMany({
      where: { paidAt: { gte: from, lte: now } },
      select: { id: true, userId: true, paidAt: true },
    })
    const paid = await prisma.analyticsEvent.findMany({
      where: { name: "order_paid" },
      select: { userId: true, at: true, props: true },
    })
    expect(paid.map((e) => (e.props as { orderId: string }).orderId).sort()).toEqual(ids(orders))
    const paidAt = new Map(orders.map((o) => [o.id, o.paidAt.getTime()]))
    expect(paid.every((e) => paidAt.get((e.props as { orderId: string }).orderId) === e.at.getTime())).toBe(true)
    // The brief's check: distinct users with an order_paid for their first order = first orders paid in the year.
    const [agree] = await prisma.$queryRaw<{ payers: number; firstOrders: number }[]>`
      WITH first_orders AS (SELECT DISTINCT ON (user_id) id, user_id, paid_at FROM orders ORDER BY user_id, paid_at, id)
      SELECT
        (SELECT count(DISTINCT e.user_id)::int FROM analytics_events e JOIN first_orders f ON f.id = e.props ->> 'orderId' WHERE e.name = 'order_paid') AS payers,
        (SELECT count(*)::int FROM first_orders WHERE paid_at >= ${from} AND paid_at <= ${now}) AS "firstOrders"`
    expect(agree!.firstOrders).toBeGreaterThan(50)
    expect(agree!.payers).toBe(agree!.firstOrders)
  })

  test("checkouts open the purchases, deliveries follow the fulfilled orders", async () => {
    const delivered = await prisma.order.findMany({
      where: { fulfilledAt: { gte: from, lte: now } },
      select: { id: true },
    })
    const deliveries = await prisma.analyticsEvent.findMany({
      where: { name: "seat_delivered" },
      select: { props: true },
    })
    expect(deliveries.map((e) => (e.props as { orderId: string }).orderId).sort()).toEqual(ids(delivered))
    const checkouts = await prisma.analyticsEvent.findMany({
      where: { name: "checkout_started" },
      select: { userId: true, visitorId: true, sessionId: true, path: true, country: true },
    })
    const orderPaid = await prisma.analyticsEvent.count({ where: { name: "order_paid" } })
    // Every purchase but the demo subscriber's renewal order (which no checkout opened).
    expect(checkouts.length).toBe(orderPaid - 1)
    // From the buyer's browser: its visitor, no session, no page; never the user's server visitor.
    expect(
      checkouts.every((c) => c.userId && !c.visitorId.startsWith("u:") && c.sessionId === null && c.path === null),
    ).toBe(true)
  })

  test("visitors: page views of the landing page and pricing, sessions, consented and daily ids, features and web vitals", async () => {
    const views = await prisma.analyticsEvent.groupBy({ by: ["path"], where: { name: "page_view" }, _count: true })
    const paths = new Set(views.map((v) => v.path))
    for (const path of ["/", "/pricing", "/signin", "/account"]) expect(paths).toContain(path)
    expect(await prisma.analyticsEvent.count({ where: { name: "page_view", sessionId: null } })).toBe(0)
    const landing = await prisma.analyticsEvent.findFirstOrThrow({
      where: { name: "page_view", path: "/" },
      select: { props: true, country: true, device: true, browser: true },
    })
    expect(landing.props).toMatchObject({ variant: expect.stringMatching(/^[ab]$/) })
    expect(["desktop", "mobile", "tablet"]).toContain(landing.device)
    // A consented visitor keeps one id across days; the others have a new one every day.
    const [spread] = await prisma.$queryRaw<{ consented: number; anonymous: number }[]>`
      SELECT max(days) FILTER (WHERE consented)::int AS consented, max(days) FILTER (WHERE NOT consented)::int AS anonymous
      FROM (SELECT visitor_id, consented, count(DISTINCT (at AT TIME ZONE 'UTC')::date) AS days FROM analytics_events WHERE visitor_id NOT LIKE 'u:%' GROUP BY 1, 2) v`
    expect(spread!.consented).toBeGreaterThan(1)
    expect(spread!.anonymous).toBe(1)
    const features = await prisma.$queryRaw<
      { feature: string }[]
    >`SELECT DISTINCT props ->> 'feature' AS feature FROM analytics_events WHERE name = 'feature_used'`
    expect(features.map((f) => f.feature)).toEqual(expect.arrayContaining(["credentials_revealed", "billing_opened"]))
    expect(await prisma.analyticsEvent.count({ where: { name: "feature_used", userId: null } })).toBe(0)
    const vital = await prisma.analyticsEvent.findFirstOrThrow({
      where: { name: "web_vital" },
      select: { path: true, props: true, sessionId: true },
    })
    expect(vital).toMatchObject({
      path: expect.stringMatching(/^\//),
      sessionId: null,
      props: {
        metric: expect.stringMatching(/^(LCP|INP|CLS)$/),
        rating: expect.stringMatching(/^(good|needs-improvement|poor)$/),
      },
    })
    expect(await prisma.analyticsSession.count()).toBeGreaterThan(0)
  })
})
