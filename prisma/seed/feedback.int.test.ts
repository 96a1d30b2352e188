import { randomBytes } from "node:crypto"
import type pg from "pg"
import { afterAll, beforeAll, expect, test } from "vitest"
import type { PrismaClient } from "@/generated/prisma/client"
import { createPool, createPrismaClient } from "@/lib/database/client"
import { DEMO_SUBSCRIBER_EMAIL, seedDemoBusiness, seedFeedback } from "@/prisma/seed"

const now = new Date("2026-11-25T21:00:00Z")
let pool: pg.Pool
let prisma: PrismaClient

beforeAll(async () => {
  pool = createPool(process.env.DATABASE_URL!, 1)
  prisma = createPrismaClient(pool)
  // The business seed calls seedFeedback itself; no analytics events needed here.
  await seedDemoBusiness(prisma, {
    customers: 250,
    seed: 42,
    now,
    encryptionKey: randomBytes(32).toString("hex"),
    events: 0,
  })
})

afterAll(async () => {
  await prisma.$disconnect()
  await pool.end()
})

test("only subscribers of 30 days or more answered NPS, while subscribed, at most once per 90 days", async () => {
  const [violations] = await prisma.$queryRaw<{ early: number; outside: number; close: number; total: number }[]>`
    WITH firsts AS (SELECT user_id, min(started_at) AS first_start, bool_or(ended_at IS NULL) AS live, max(ended_at) AS last_end FROM subscriptions GROUP BY user_id),
    ordered AS (SELECT n.*, lag(n.created_at) OVER (PARTITION BY n.user_id ORDER BY n.created_at) AS previous FROM nps_responses n)
    SELECT
      count(*) FILTER (WHERE o.created_at < f.first_start + interval '30 days')::int AS early,
      count(*) FILTER (WHERE f.first_start IS NULL OR (NOT f.live AND o.created_at > f.last_end) OR o.created_at > ${now})::int AS outside,
      count(*) FILTER (WHERE o.previous IS NOT NULL AND o.created_at < o.previous + interval '90 days')::int AS close,
      count(*)::int AS total
    FROM ordered o LEFT JOIN firsts f USING (user_id)`
  expect(violations!.total).toBeGreaterThan(20)
  expect(violations).toMatchObject({ early: 0, outside: 0, close: 0 })
})

test("vote counts equal the vote rows, every author voted, and the demo subscriber is left untouched", async () => {
  const drift = await prisma.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM feature_requests r LEFT JOIN feature_request_votes v ON v.request_id = r.id
    GROUP BY r.id HAVING r.vote_count <> count(v.user_id) OR NOT bool_or(v.user_id = r.author_id)`
  expect(drift).toEqual([])
  expect(await prisma.featureRequest.count()).toBeGreaterThan(10)
  const demo = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_SUBSCRIBER_EMAIL }, select: { id: true } })
  const demoRows = [
    await prisma.npsResponse.count({ where: { userId: demo.id } }),
    await prisma.featureRequestVote.count({ where: { userId: demo.id } }),
    await prisma.feedbackMessage.count({ where: { userId: demo.id } }),
  ]
  expect(demoRows).toEqual([0, 0, 0])
})

test("seeding feedback again replaces it with the same rows", async () => {
  const before = await counts()
  const again = await seedFeedback(prisma, { seed: 42, now })
  expect(await counts()).toEqual(before)
  expect(again).toMatchObject({ messages: before.messages, requests: before.requests, votes: before.votes })
})

async function counts() {
  return {
    nps: await prisma.npsResponse.count(),
    messages: await prisma.feedbackMessage.count(),
    requests: await prisma.featureRequest.count(),
    votes: await prisma.featureRequestVote.count(),
    scores: (await prisma.npsResponse.findMany({ orderBy: { id: "asc" }, select: { id: true, score: true } }))
      .map((row) => `${row.id}:${row.score}`)
      .join(","),
  }
}
