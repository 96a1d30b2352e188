import { describe, expect, test } from "vitest"
import { ledgerEntries, mrrAt } from "@/lib/revenue/mrr"
import { type LifePlan, simulateCustomerLife } from "./customer-life"
import { planFulfilment } from "./fulfilment"
import type { PlanSlug } from "./plans"
import { createRandom } from "./random"
import { signupInstants } from "./signups"
import { addUtcMonths, HOUR_MS } from "./time"

const plans: Record<PlanSlug, LifePlan> = {
  monthly: { mrrCents: 1999, priceCents: 1999, months: 1 },
  annual: { mrrCents: 1658, priceCents: 19900, months: 12 },
  team: { mrrCents: 4900, priceCents: 4900, months: 1 },
}
const now = new Date("2026-11-25T21:00:00Z")
const since = addUtcMonths(now, -18)

function lives(count: number, seed = 7) {
  const random = createRandom(seed)
  return signupInstants(random, count, since, now).map((at) => simulateCustomerLife(random, plans, at, now))
}

describe("simulateCustomerLife", () => {
  const sample = lives(3000)

  test("the ledger a life produces ends on the life's MRR, and MRR is 0 exactly when it is canceled", () => {
    for (const life of sample) {
      const { entries, end } = ledgerEntries(
        { mrrCents: 0, hasHistory: false },
        life.changes.map((c) => c.nextMrrCents),
      )
      expect(end.mrrCents).toBe(life.mrrCents)
      expect(entries[0]?.kind).toBe("NEW")
      expect(life.mrrCents === 0).toBe(life.status === "CANCELED")
      expect(life.endedAt !== null).toBe(life.status === "CANCELED")
    }
  })

  test("changes are in time order, from sign-up to no later than now; periods contain now unless ended", () => {
    for (const life of sample) {
      const times = life.changes.map((c) => c.at.getTime())
      expect(times[0]).toBe(life.startedAt.getTime())
      expect([...times].sort((a, b) => a - b)).toEqual(times)
      expect(times.at(-1)!).toBeLessThanOrEqual(now.getTime())
      expect(life.currentPeriodStart.getTime()).toBeLessThanOrEqual(now.getTime())
      if (life.status !== "CANCELED") expect(life.currentPeriodEnd.getTime()).toBeGreaterThan(now.getTime())
    }
  })

  test("every kind of movement happens, and churn lands near 3–5% a month", () => {
    const kinds = new Set(
      sample.flatMap((life) =>
        ledgerEntries(
          { mrrCents: 0, hasHistory: false },
          life.changes.map((c) => c.nextMrrCents),
        ).entries.map((e) => e?.kind),
      ),
    )
    expect([...kinds].sort()).toEqual(["CHURN", "CONTRACTION", "EXPANSION", "NEW", "REACTIVATION"])
    expect(sample.some((life) => life.status === "PAST_DUE")).toBe(true)
    expect(sample.some((life) => life.status === "ACTIVE" && life.cancelAtPeriodEnd)).toBe(true)
    // subscriptions live at the start of a month that churn during it, over all 18 months
    const mrrBefore = (life: (typeof sample)[number], instant: Date) =>
      life.changes.filter((c) => c.at < instant).at(-1)?.nextMrrCents ?? 0
    let churns = 0
    let liveMonths = 0
    for (let month = 0; month < 18; month++) {
      const [start, end] = [addUtcMonths(since, month), addUtcMonths(since, month + 1)]
      for (const life of sample) {
        if (mrrBefore(life, start) === 0) continue
        liveMonths++
        if (life.changes.some((c) => c.nextMrrCents === 0 && c.at >= start && c.at < end)) churns++
      }
    }
    expect(churns / liveMonths).toBeGreaterThan(0.03)
    expect(churns / liveMonths).toBeLessThan(0.05)
  })

  test("the same seed gives the same lives", () => {
    expect(lives(200, 99)).toEqual(lives(200, 99))
    expect(
      mrrAt(
        lives(200, 99).flatMap((l) => l.changes.map((c) => ({ mrrDeltaCents: c.nextMrrCents, effectiveAt: c.at }))),
        now,
      ),
    ).not.toBe(0)
  })
})

describe("signupInstants", () => {
  test("sorted, inside the window, and growing: the last 6 months bring more than twice the first 6", () => {
    const instants = signupInstants(createRandom(1), 5000, since, now)
    expect(instants[0]!.getTime()).toBeGreaterThanOrEqual(since.getTime())
    expect(instants.at(-1)!.getTime()).toBeLessThanOrEqual(now.getTime())
    expect(instants.map((d) => d.getTime())).toEqual(instants.map((d) => d.getTime()).sort((a, b) => a - b))
    const first = instants.filter((d) => d < addUtcMonths(since, 6)).length
    const last = instants.filter((d) => d >= addUtcMonths(now, -6)).length
    expect(last).toBeGreaterThan(2 * first)
  })
})

describe("planFulfilment", () => {
  const paidAt = new Date("2026-11-20T10:00:00Z")

  test("seen long after payment, an order is fulfilled between 2 and 40 hours, ~5% past the 24 h deadline", () => {
    const random = createRandom(3)
    const results = Array.from({ length: 4000 }, () => planFulfilment(random, paidAt, now))
    const hours = results.map((r) => (r.fulfilledAt!.getTime() - paidAt.getTime()) / HOUR_MS)
    expect(results.every((r) => r.status === "FULFILLED")).toBe(true)
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(2)
    expect(Math.max(...hours)).toBeLessThanOrEqual(40)
    const late = hours.filter((h) => h > 24).length / hours.length
    expect(late).toBeGreaterThan(0.03)
    expect(late).toBeLessThan(0.07)
    expect(results.every((r) => r.assignedAt! > paidAt && r.assignedAt! < r.fulfilledAt!)).toBe(true)
  })

  test("just paid, an order is still open; a stuck one stays open past its deadline", () => {
    const justPaid = planFulfilment(createRandom(4), new Date(now.getTime() - 5 * 60_000), now)
    expect(justPaid).toEqual({ status: "PENDING", assignedAt: null, fulfilledAt: null })
    const random = createRandom(5)
    const stuck = Array.from({ length: 50 }, () =>
      planFulfilment(random, new Date(now.getTime() - 30 * HOUR_MS), now, { stuck: true }),
    )
    expect(stuck.every((r) => r.status !== "FULFILLED")).toBe(true)
    expect(new Set(stuck.map((r) => r.status))).toEqual(new Set(["PENDING", "IN_PROGRESS"]))
  })
})
