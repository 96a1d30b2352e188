import { describe, expect, test } from "vitest"
import { rangeOfDays } from "@/lib/utils/time-range"
import {
  computeFunnel,
  DEFAULT_FUNNEL_STEPS,
  formatSteps,
  type FunnelEvent,
  type FunnelStep,
  median,
  mean,
  stepLabel,
  summarizeSteps,
  walkSteps,
} from "./rules"
import { FUNNEL_CASES, MINUTE, T0, view, act } from "./rules.fixtures"

const LANDING: FunnelStep = { kind: "page", match: "/" }
const PRICING: FunnelStep = { kind: "page", match: "/pricing" }
const CHECKOUT: FunnelStep = { kind: "event", match: "checkout_started" }
const STEPS = [LANDING, PRICING, CHECKOUT]
const WEEK = rangeOfDays("2026-03-02", "2026-03-08", "UTC")

function people(events: FunnelEvent[], steps: readonly FunnelStep[] = STEPS, windowDays = 14, range = WEEK) {
  return computeFunnel(events, { steps, windowDays, from: range.from, to: range.to }).steps.map((step) => step.people)
}

describe("funnel steps", () => {
  test("people, conversion, time between steps and drop-off", () => {
    const figures = computeFunnel(FUNNEL_CASES.basic.events, {
      steps: STEPS,
      windowDays: 14,
      from: WEEK.from,
      to: WEEK.to,
    })
    // Entered: v1, v2, v3, v4 = 4. Pricing: v1, v2, v4 = 3. Checkout: v1, v4 = 2.
    expect(figures.steps.map((s) => s.people)).toEqual([4, 3, 2])
    // 3 / 4 = 0.75 and 2 / 3 from the step before; 3 / 4 and 2 / 4 = 0.5 from the first.
    expect(figures.steps.map((s) => s.conversionFromPrevious)).toEqual([null, 0.75, 2 / 3])
    expect(figures.steps.map((s) => s.conversionFromFirst)).toEqual([1, 0.75, 0.5])
    expect(figures.steps.map((s) => s.dropOff)).toEqual([0, 1, 1])
    // Landing → pricing: v1 10 min, v2 20 min, v4 60 min → median 20 min, mean (10 + 20 + 60) / 3 = 30 min.
    expect(figures.steps[1]).toMatchObject({ medianMs: 20 * MINUTE, meanMs: 30 * MINUTE })
    // Pricing → checkout: v1 40 − 10 = 30 min, v4 65 − 60 = 5 min → median and mean (30 + 5) / 2 = 17.5 min.
    expect(figures.steps[2]).toMatchObject({ medianMs: 17.5 * MINUTE, meanMs: 17.5 * MINUTE })
    expect(figures.steps[0]).toMatchObject({ medianMs: null, meanMs: null })
    expect(figures.segments).toBeNull()
  })

  test("steps count only in order: pricing before the landing page does not count", () => {
    // v1: /pricing at 0, / at 10, checkout at 20. Enters at 10; no pricing after it, so it stops there
    // and the checkout (after a skipped step) does not count either.
    const figures = computeFunnel(FUNNEL_CASES.order.events, {
      steps: STEPS,
      windowDays: 14,
      from: WEEK.from,
      to: WEEK.to,
    })
    expect(figures.steps.map((s) => s.people)).toEqual([1, 0, 0])
    // Nobody reached pricing: no rate from it (0 / 0), but 0 / 1 from the first step.
    expect(figures.steps[2]).toMatchObject({
      conversionFromPrevious: null,
      conversionFromFirst: 0,
      dropOff: 0,
      medianMs: null,
    })
  })

  test("a repeated step counts once, at its first occurrence after the step before", () => {
    // v1: / 0, / 5, /pricing 10, /pricing 30, / 40, checkout 50 → entry 0, pricing 10, checkout 50.
    const figures = computeFunnel(FUNNEL_CASES.repeated.events, {
      steps: STEPS,
      windowDays: 14,
      from: WEEK.from,
      to: WEEK.to,
    })
    expect(figures.steps.map((s) => s.people)).toEqual([1, 1, 1])
    expect(figures.steps.map((s) => s.medianMs)).toEqual([null, 10 * MINUTE, 40 * MINUTE])
  })

  test("the same page twice in a funnel needs two views: one event never serves two steps", () => {
    // v1 viewed / once; v2 at 0 and 7 min → 2 entered, 1 saw it again, 7 min later.
    const figures = computeFunnel(FUNNEL_CASES.samePageTwice.events, {
      steps: [LANDING, LANDING],
      windowDays: 14,
      from: WEEK.from,
      to: WEEK.to,
    })
    expect(figures.steps.map((s) => [s.people, s.medianMs])).toEqual([
      [2, null],
      [1, 7 * MINUTE],
    ])
  })

  test("a person who skips a step stops at the step before", () => {
    // v1: / 0, checkout 10, /pricing 20 → reaches pricing; the checkout came before it. v2: / 0, checkout 10 → entry only.
    expect(people(FUNNEL_CASES.skip.events)).toEqual([2, 1, 0])
  })

  test("the conversion window counts from the first step, end exclusive; entry must be inside the range", () => {
    // Window 1 day = 86,400,000 ms.
    // v1: pricing exactly 24 h after entry → out.   v2: 24 h − 1 ms → in.
    // v3: enters at 23:00 on the last day, pricing 2 h later (after the range) → in.
    // v4: entered 1 h before the range → not counted at all.   v5: / exactly at the range's end → not counted.
    // v6: pricing at 20 h, checkout at 30 h: 10 h after pricing but 30 h after entry → checkout out.
    const figures = computeFunnel(FUNNEL_CASES.window.events, {
      steps: STEPS,
      windowDays: 1,
      from: WEEK.from,
      to: WEEK.to,
    })
    expect(figures.steps.map((s) => s.people)).toEqual([4, 3, 0]) // entered v1 v2 v3 v6; pricing v2 v3 v6
    // Durations to pricing: 86,399,999 (v2), 7,200,000 (v3), 72,000,000 (v6) → sorted, the middle one is 72,000,000;
    // mean (86,399,999 + 7,200,000 + 72,000,000) / 3 = 165,599,999 / 3 ms, summed in µs as both paths do.
    expect(figures.steps[1]).toMatchObject({ medianMs: 72_000_000, meanMs: 165_599_999_000 / 3 / 1000 })
  })

  test("one event: one person at the first step, nobody further", () => {
    const figures = computeFunnel([view(0, "v1", "/")], { steps: STEPS, windowDays: 14, from: WEEK.from, to: WEEK.to })
    expect(figures.steps.map((s) => [s.people, s.conversionFromPrevious, s.conversionFromFirst, s.dropOff])).toEqual([
      [1, null, 1, 0],
      [0, 0, 0, 1], // 0 / 1
      [0, null, 0, 0], // 0 / 0 has no rate
    ])
  })

  test("an empty range: zeros and no rates", () => {
    const figures = computeFunnel([], {
      steps: STEPS,
      windowDays: 14,
      from: WEEK.from,
      to: WEEK.to,
      breakdown: "country",
    })
    expect(
      figures.steps.map((s) => [
        s.people,
        s.conversionFromPrevious,
        s.conversionFromFirst,
        s.dropOff,
        s.medianMs,
        s.meanMs,
      ]),
    ).toEqual([
      [0, null, null, 0, null, null],
      [0, null, null, 0, null, null],
      [0, null, null, 0, null, null],
    ])
    expect(figures.segments).toEqual([])
    // Events outside the range are as good as none.
    expect(people([view(-60, "v1", "/"), view(7 * 24 * 60, "v2", "/")])).toEqual([0, 0, 0])
  })
})

describe("events at the same instant", () => {
  test("count in funnel order: a checkout and its payment recorded in one instant are two steps", () => {
    const steps: FunnelStep[] = [LANDING, CHECKOUT, { kind: "event", match: "order_paid" }]
    // v1: paid in the same instant as the checkout → 3 steps, 0 ms between them. v2: paid a minute before checking out → 2.
    const figures = computeFunnel(FUNNEL_CASES.sameInstant.events, {
      steps,
      windowDays: 14,
      from: WEEK.from,
      to: WEEK.to,
    })
    expect(figures.steps.map((s) => s.people)).toEqual([2, 2, 1])
    expect(figures.steps[2]!.medianMs).toBe(0)
  })

  test("one event never serves two steps, two events at one instant can", () => {
    // v1: one view of /. v2: two views of / in the same millisecond.
    const figures = computeFunnel(FUNNEL_CASES.samePageSameInstant.events, {
      steps: [LANDING, LANDING],
      windowDays: 14,
      from: WEEK.from,
      to: WEEK.to,
    })
    expect(figures.steps.map((s) => [s.people, s.medianMs])).toEqual([
      [2, null],
      [1, 0],
    ])
  })

  test("entry events at one instant with different values: the smallest value", () => {
    const figures = computeFunnel(FUNNEL_CASES.sameInstant.events, {
      steps: [LANDING, CHECKOUT],
      windowDays: 14,
      from: WEEK.from,
      to: WEEK.to,
      breakdown: "country",
    })
    // v1 entered from US and NL in the same instant → NL; v2 from US.
    expect(figures.segments!.map((s) => [s.value, s.steps[0]!.people])).toEqual([
      ["NL", 1],
      ["US", 1],
    ])
  })
})

describe("days in the reporting zone", () => {
  test("an entry belongs to the local day it happened on", () => {
    // 10 March 2026 in New York (EDT, UTC−4): 04:00 UTC on the 10th to 04:00 UTC on the 11th.
    const day = rangeOfDays("2026-03-10", "2026-03-10", "America/New_York")
    expect([day.from.toISOString(), day.to.toISOString()]).toEqual([
      "2026-03-10T04:00:00.000Z",
      "2026-03-11T04:00:00.000Z",
    ])
    // 03:59 UTC is 23:59 on the 9th there (out); 04:00 is midnight (in); 03:30 UTC on the 11th is 23:30 on the 10th (in);
    // 04:00 UTC on the 11th is midnight of the 11th (out).
    expect(people(FUNNEL_CASES.zone.events, [LANDING], 14, day)).toEqual([2])
  })

  test("the day clocks spring forward lasts 23 hours", () => {
    // 8 March 2026 in New York: 05:00 UTC (EST) to 04:00 UTC on the 9th (EDT).
    const day = rangeOfDays("2026-03-08", "2026-03-08", "America/New_York")
    // 03:30 UTC on the 9th is 23:30 EDT on the 8th (in); 04:30 UTC is 00:30 on the 9th (out); 04:30 UTC on the 8th is 23:30 EST on the 7th (out).
    const events = [
      act(new Date("2026-03-09T03:30:00Z"), "a", "/"),
      act(new Date("2026-03-09T04:30:00Z"), "b", "/"),
      act(new Date("2026-03-08T04:30:00Z"), "c", "/"),
    ]
    expect(people(events, [LANDING], 14, day)).toEqual([1])
  })
})

describe("people across devices and sign-in", () => {
  test("browser events before sign-in and server events after are one person", () => {
    // b1 browses signed out, starts checkout signed in (user U1); payment and delivery are server events of u:U1.
    // b2 is the same user's other browser, never signed in: a second person who only saw the landing page.
    const figures = computeFunnel(FUNNEL_CASES.stitched.events, {
      steps: DEFAULT_FUNNEL_STEPS,
      windowDays: 14,
      from: WEEK.from,
      to: WEEK.to,
    })
    expect(figures.steps.map((s) => s.people)).toEqual([2, 1, 1, 1, 1])
    // b1: / 0 → pricing 10 → checkout 20 → paid 30 → delivered 90 (minutes).
    expect(figures.steps.map((s) => s.medianMs)).toEqual([null, 10 * MINUTE, 10 * MINUTE, 10 * MINUTE, 60 * MINUTE])
  })

  test("without the user id on any of its events, a browser stays its own person", () => {
    const events = FUNNEL_CASES.stitched.events.filter((event) => event.name !== "checkout_started")
    // b1 reaches pricing then stops (no checkout); u:U1 paid but never entered; b2 entered.
    expect(people(events, DEFAULT_FUNNEL_STEPS)).toEqual([2, 1, 0, 0, 0])
  })
})

describe("breakdowns", () => {
  test("each person counts under the value of their entry event", () => {
    const figures = computeFunnel(FUNNEL_CASES.country.events, {
      steps: [LANDING, PRICING],
      windowDays: 14,
      from: WEEK.from,
      to: WEEK.to,
      breakdown: "country",
    })
    // NL: v1 (entered in NL, pricing seen from DE) and v2 → 2 entered, 1 priced. US: v3 → 1, 1. Unknown: v4 → 1, 0.
    expect(figures.segments!.map((s) => [s.value, s.steps.map((step) => step.people)])).toEqual([
      ["NL", [2, 1]],
      ["US", [1, 1]],
      [null, [1, 0]],
    ])
    expect(figures.segments![0]!.steps[1]).toMatchObject({ conversionFromPrevious: 0.5, medianMs: 5 * MINUTE })
    expect(figures.steps.map((s) => s.people)).toEqual([4, 2])
  })

  test("experiment variant is the entry event's `variant` property", () => {
    const figures = computeFunnel(FUNNEL_CASES.variant.events, {
      steps: [LANDING, PRICING],
      windowDays: 14,
      from: WEEK.from,
      to: WEEK.to,
      breakdown: "variant",
    })
    // a: v1 (priced), v2 → [2, 1]; b: v3 (priced) → [1, 1].
    expect(figures.segments!.map((s) => [s.value, s.steps.map((step) => step.people)])).toEqual([
      ["a", [2, 1]],
      ["b", [1, 1]],
    ])
  })
})

describe("the arithmetic underneath", () => {
  test("walking one person's events: the previous instant serves again only with an unused event there", () => {
    // Steps A (1), B (2), A (1); person: A at 0, B at 0, A at 0 and A at 5 → entry 0, B at 0, then the second A at 0.
    expect(
      walkSteps(
        [
          { at: 0, symbol: 1 },
          { at: 0, symbol: 2 },
          { at: 0, symbol: 1 },
          { at: 5, symbol: 1 },
        ],
        0,
        [1, 2, 1],
        14,
      ),
    ).toEqual([0, 0, 0])
    // With only one A at 0 the third step takes the A at 5.
    expect(
      walkSteps(
        [
          { at: 0, symbol: 1 },
          { at: 0, symbol: 2 },
          { at: 5, symbol: 1 },
        ],
        0,
        [1, 2, 1],
        14,
      ),
    ).toEqual([0, 0, 5])
  })

  test("median and mean", () => {
    expect(median([])).toBeNull()
    expect(median([5])).toBe(5)
    expect(median([9, 1, 5])).toBe(5)
    expect(median([4, 1, 3, 2])).toBe(2.5) // (2 + 3) / 2
    expect(mean([1, 2, 6])).toBe(3)
    expect(mean([])).toBeNull()
  })

  test("summarizeSteps derives rates and times from counts", () => {
    const steps = summarizeSteps([
      { people: 200, medianUs: null, sumUs: null },
      { people: 50, medianUs: 1_500, sumUs: 100_000 },
      { people: 5, medianUs: 3_000_000, sumUs: 20_000_000 },
    ])
    // 50 / 200 = 0.25, 5 / 50 = 0.1; from the first 5 / 200 = 0.025; drop-off 150 and 45.
    expect(steps.map((s) => [s.conversionFromPrevious, s.conversionFromFirst, s.dropOff])).toEqual([
      [null, 1, 0],
      [0.25, 0.25, 150],
      [0.1, 0.025, 45],
    ])
    // Median 1,500 µs = 1.5 ms; mean 100,000 µs / 50 = 2 ms. Then 3 s and 20 s / 5 = 4 s.
    expect(steps.map((s) => [s.medianMs, s.meanMs])).toEqual([
      [null, null],
      [1.5, 2],
      [3_000, 4_000],
    ])
  })

  test("labels and the URL form of steps", () => {
    expect(DEFAULT_FUNNEL_STEPS.map(stepLabel)).toEqual([
      "Viewed /",
      "Viewed /pricing",
      "Checkout started",
      "Order paid",
      "Seat delivered",
    ])
    expect(formatSteps(DEFAULT_FUNNEL_STEPS)).toBe(
      "page:/,page:/pricing,event:checkout_started,event:order_paid,event:seat_delivered",
    )
  })

  test("the fixture clock starts on a Monday at midnight UTC", () => {
    expect(new Date(T0).toISOString()).toBe("2026-03-02T00:00:00.000Z")
  })
})
