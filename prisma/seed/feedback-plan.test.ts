import { expect, test } from "vitest"
import { summarizeNps } from "@/lib/feedback/scores"
import { planFeedback, type SeedCustomer } from "./feedback-plan"
import { createRandom } from "./random"
import { DAY_MS } from "./time"

const now = new Date("2026-11-26T12:00:00Z")

/** 600 customers who signed up over 18 months; one in four has left again. */
function population(): SeedCustomer[] {
  const random = createRandom(7)
  return Array.from({ length: 600 }, (_, i) => {
    const startedAt = new Date(now.getTime() - random.between(1, 540) * DAY_MS)
    const endedAt = random.chance(0.25)
      ? new Date(Math.min(now.getTime(), startedAt.getTime() + random.between(20, 300) * DAY_MS))
      : null
    return { id: `c${String(i).padStart(4, "0")}`, startedAt, endedAt }
  })
}

test("same seed, same feedback", () => {
  const customers = population()
  expect(planFeedback(createRandom(1), customers, now)).toEqual(planFeedback(createRandom(1), customers, now))
})

test("NPS only while subscribed, from 30 days after the start, at most once per 90 days", () => {
  const customers = population()
  const plan = planFeedback(createRandom(42), customers, now)
  const byId = new Map(customers.map((c) => [c.id, c]))
  expect(plan.nps.length).toBeGreaterThan(100)
  const lastAt = new Map<string, number>()
  for (const row of [...plan.nps].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const customer = byId.get(row.userId)!
    expect(row.createdAt.getTime() - customer.startedAt.getTime()).toBeGreaterThanOrEqual(30 * DAY_MS)
    expect(row.createdAt.getTime()).toBeLessThan(Math.min(customer.endedAt?.getTime() ?? Infinity, now.getTime()))
    const previous = lastAt.get(row.userId)
    if (previous !== undefined) expect(row.createdAt.getTime() - previous).toBeGreaterThanOrEqual(90 * DAY_MS)
    lastAt.set(row.userId, row.createdAt.getTime())
    // A dismissal has no score and no comment; an answer is 0–10.
    if (row.dismissed) expect([row.score, row.comment]).toEqual([null, null])
    else expect(row.score).toBeGreaterThanOrEqual(0)
  }
  // Nobody younger than 30 days answered.
  const young = customers.filter((c) => now.getTime() - c.startedAt.getTime() < 30 * DAY_MS).map((c) => c.id)
  expect(plan.nps.filter((row) => young.includes(row.userId))).toEqual([])
  // A realistic spread: every category present and an NPS between 0 and +40.
  const summary = summarizeNps(plan.nps.map((row) => row.score))
  expect(Math.min(summary.promoters, summary.passives, summary.detractors)).toBeGreaterThan(0)
  expect(summary.nps).toBeGreaterThan(0)
  expect(summary.nps).toBeLessThan(40)
})

test("every request has its author's vote, one vote per person, and vote_count equal to its votes", () => {
  const customers = population()
  const plan = planFeedback(createRandom(42), customers, now)
  const byId = new Map(customers.map((c) => [c.id, c]))
  expect(plan.requests.length).toBeGreaterThan(10)
  for (const request of plan.requests) {
    const votes = plan.votes.filter((v) => v.requestId === request.id)
    expect(request.voteCount).toBe(votes.length)
    expect(new Set(votes.map((v) => v.userId)).size).toBe(votes.length)
    expect(votes.some((v) => v.userId === request.authorId)).toBe(true)
    for (const vote of votes) {
      const voter = byId.get(vote.userId)!
      // Voters were subscribed when they voted, after the request was posted, and before it closed.
      expect(vote.createdAt.getTime()).toBeGreaterThanOrEqual(
        Math.max(request.createdAt.getTime(), voter.startedAt.getTime()),
      )
      expect(vote.createdAt.getTime()).toBeLessThanOrEqual(
        Math.min(voter.endedAt?.getTime() ?? now.getTime(), now.getTime()),
      )
      if (request.status === "SHIPPED" || request.status === "DECLINED")
        expect(vote.createdAt.getTime()).toBeLessThanOrEqual(request.statusChangedAt!.getTime())
    }
    expect(request.statusChangedAt === null).toBe(request.status === "OPEN")
  }
})

test("messages fall inside the customer's subscription, with ratings 1–5 or none", () => {
  const customers = population()
  const plan = planFeedback(createRandom(42), customers, now)
  const byId = new Map(customers.map((c) => [c.id, c]))
  expect(plan.messages.length).toBeGreaterThan(10)
  for (const message of plan.messages) {
    const customer = byId.get(message.userId)!
    expect(message.createdAt.getTime()).toBeGreaterThanOrEqual(customer.startedAt.getTime())
    expect(message.createdAt.getTime()).toBeLessThanOrEqual(now.getTime())
    expect([null, 1, 2, 3, 4, 5]).toContain(message.rating)
  }
})

test("no customers, no feedback", () => {
  expect(planFeedback(createRandom(1), [], now)).toEqual({ nps: [], messages: [], requests: [], votes: [] })
})
