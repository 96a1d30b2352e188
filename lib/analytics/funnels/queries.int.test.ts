import { beforeEach, describe, expect, test } from "vitest"
import { Prisma } from "@/generated/prisma/client"
import { markText } from "@/lib/analytics/model/watermarks"
import { deleteRollups, runRollups } from "@/lib/analytics/rollups"
import { db } from "@/lib/db"
import { rangeOfDays } from "@/lib/utils/time-range"
import { countCells } from "./kept-cells"
import { type FunnelSource, queryFunnel } from "./queries"
import { funnelReport } from "./report"
import {
  computeFunnel,
  DEFAULT_FUNNEL_STEPS,
  type FunnelBreakdown,
  type FunnelEvent,
  type FunnelOptions,
  type FunnelStep,
} from "./rules"
import { FUNNEL_CASES, HOUR, MINUTE, T0 } from "./rules.fixtures"

const LANDING: FunnelStep = { kind: "page", match: "/" }
const PRICING: FunnelStep = { kind: "page", match: "/pricing" }
const CHECKOUT: FunnelStep = { kind: "event", match: "checkout_started" }
const STEPS = [LANDING, PRICING, CHECKOUT]
const WEEK = rangeOfDays("2026-03-02", "2026-03-08", "UTC")

/** Stored in the given order, so ids (the tie-break at equal instants) follow it. */
async function store(events: readonly FunnelEvent[]) {
  await db.analyticsEvent.createMany({
    data: events.map((event) => ({
      at: new Date(event.at),
      name: event.name,
      path: event.path,
      visitorId: event.visitorId,
      userId: event.userId,
      country: event.country ?? null,
      device: event.device ?? null,
      utmSource: event.utmSource ?? null,
      props: event.variant ? { variant: event.variant } : undefined,
    })),
  })
}

/** The database's figures, checked against the reference on the same events. */
async function both(events: readonly FunnelEvent[], options: FunnelOptions) {
  await db.analyticsEvent.deleteMany()
  await store(events)
  const fromDatabase = await queryFunnel(options)
  expect(fromDatabase).toEqual(computeFunnel(events, options))
  return fromDatabase
}

const week = (
  steps: readonly FunnelStep[],
  windowDays = 14,
  breakdown: FunnelBreakdown | null = null,
): FunnelOptions => ({ steps, windowDays, from: WEEK.from, to: WEEK.to, breakdown })

beforeEach(async () => {
  await db.analyticsEvent.deleteMany()
  await db.savedFunnel.deleteMany()
  await deleteRollups()
})

describe("the funnel query follows the hand-computed cases", () => {
  test("people, conversion, time between steps", async () => {
    const figures = await both(FUNNEL_CASES.basic.events, week(STEPS))
    expect(figures.steps.map((s) => s.people)).toEqual([4, 3, 2])
    expect(figures.steps[1]).toMatchObject({ medianMs: 20 * MINUTE, meanMs: 30 * MINUTE })
  })

  test("order, repeats, the same page twice, skips", async () => {
    expect((await both(FUNNEL_CASES.order.events, week(STEPS))).steps.map((s) => s.people)).toEqual([1, 0, 0])
    expect((await both(FUNNEL_CASES.repeated.events, week(STEPS))).steps.map((s) => s.medianMs)).toEqual([
      null,
      10 * MINUTE,
      40 * MINUTE,
    ])
    expect(
      (await both(FUNNEL_CASES.samePageTwice.events, week([LANDING, LANDING]))).steps.map((s) => s.people),
    ).toEqual([2, 1])
    expect((await both(FUNNEL_CASES.skip.events, week(STEPS))).steps.map((s) => s.people)).toEqual([2, 1, 0])
  })

  test("events at the same instant: funnel order, one event per step, the smallest entry value", async () => {
    const paid: FunnelStep = { kind: "event", match: "order_paid" }
    expect(
      (await both(FUNNEL_CASES.sameInstant.events, week([LANDING, CHECKOUT, paid]))).steps.map((s) => s.people),
    ).toEqual([2, 2, 1])
    expect(
      (await both(FUNNEL_CASES.samePageSameInstant.events, week([LANDING, LANDING]))).steps.map((s) => [
        s.people,
        s.medianMs,
      ]),
    ).toEqual([
      [2, null],
      [1, 0],
    ])
    const countries = await both(FUNNEL_CASES.sameInstant.events, week([LANDING, CHECKOUT], 14, "country"))
    expect(countries.segments!.map((s) => s.value)).toEqual(["NL", "US"])
  })

  test("the window, exact to the millisecond", async () => {
    const figures = await both(FUNNEL_CASES.window.events, week(STEPS, 1))
    expect(figures.steps.map((s) => s.people)).toEqual([4, 3, 0])
    expect(figures.steps[1]!.medianMs).toBe(72_000_000)
  })

  test("one event, and none", async () => {
    expect((await both([FUNNEL_CASES.basic.events[0]!], week(STEPS))).steps.map((s) => s.people)).toEqual([1, 0, 0])
    const empty = await both([], week(STEPS, 14, "device"))
    expect(empty.steps.map((s) => [s.people, s.conversionFromFirst])).toEqual([
      [0, null],
      [0, null],
      [0, null],
    ])
    expect(empty.segments).toEqual([])
  })

  test("local days of a non-UTC zone", async () => {
    const day = rangeOfDays("2026-03-10", "2026-03-10", "America/New_York")
    const figures = await both(FUNNEL_CASES.zone.events, {
      steps: [LANDING, PRICING],
      windowDays: 14,
      from: day.from,
      to: day.to,
    })
    expect(figures.steps[0]!.people).toBe(2)
  })

  test("browser and server events of one user are one person", async () => {
    const figures = await both(FUNNEL_CASES.stitched.events, week(DEFAULT_FUNNEL_STEPS))
    expect(figures.steps.map((s) => s.people)).toEqual([2, 1, 1, 1, 1])
  })

  test("breakdowns by country and by experiment variant", async () => {
    const countries = await both(FUNNEL_CASES.country.events, week([LANDING, PRICING], 14, "country"))
    expect(countries.segments!.map((s) => [s.value, s.steps.map((step) => step.people)])).toEqual([
      ["NL", [2, 1]],
      ["US", [1, 1]],
      [null, [1, 0]],
    ])
    const variants = await both(FUNNEL_CASES.variant.events, week([LANDING, PRICING], 14, "variant"))
    expect(variants.segments!.map((s) => [s.value, s.steps.map((step) => step.people)])).toEqual([
      ["a", [2, 1]],
      ["b", [1, 1]],
    ])
  })
})

// A small deterministic generator (mulberry32), so a failure replays.
function random(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** `count` events on a grid of `slotMinutes` over 400 slots from 2 hours before the week (about 8 days at 30 minutes). */
function randomEvents(seed: number, count: number, slotMinutes = 30): FunnelEvent[] {
  const next = random(seed)
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
  const visitors = Array.from({ length: 30 }, (_, i) => `v${i}`)
  const users = ["U1", "U2", "U3", "U4", "U5"]
  const shapes = [
    { name: "page_view", path: "/" },
    { name: "page_view", path: "/" },
    { name: "page_view", path: "/pricing" },
    { name: "page_view", path: "/docs" },
    { name: "checkout_started", path: null },
    { name: "order_paid", path: null },
    { name: "seat_delivered", path: null },
    { name: "signed_up", path: null },
  ]
  return Array.from({ length: count }, () => {
    const shape = pick(shapes)
    const server = shape.name === "order_paid" || shape.name === "seat_delivered"
    const user = pick(users)
    // Minutes on a coarse grid so that equal instants (the tie-break) happen often; some before and after the week.
    const at = T0 - 2 * HOUR + Math.floor(next() * 400) * slotMinutes * MINUTE
    return {
      at,
      name: shape.name,
      path: shape.path,
      visitorId: server ? `u:${user}` : pick(visitors),
      userId: server || next() < 0.08 ? user : null,
      country: pick(["NL", "US", null]),
      device: pick(["desktop", "mobile"]),
      utmSource: pick(["google", null]),
      variant: pick(["a", "b", null]),
    }
  })
}

const configurations: { steps: FunnelStep[]; windowDays: number; breakdown: FunnelBreakdown | null }[] = [
  { steps: [...DEFAULT_FUNNEL_STEPS], windowDays: 14, breakdown: null },
  { steps: [...DEFAULT_FUNNEL_STEPS], windowDays: 1, breakdown: "country" },
  { steps: [LANDING, CHECKOUT, LANDING, PRICING], windowDays: 2, breakdown: "variant" },
  {
    steps: [{ kind: "event", match: "signed_up" }, CHECKOUT, { kind: "event", match: "order_paid" }],
    windowDays: 3,
    breakdown: "utm_source",
  },
  { steps: [PRICING, PRICING, PRICING], windowDays: 5, breakdown: "device" },
]

describe("the funnel query agrees with the reference on random events", () => {
  for (const seed of [1, 2, 3, 4]) {
    test(`seed ${seed}`, async () => {
      const events = randomEvents(seed, 600)
      await store(events)
      for (const configuration of configurations) {
        const options = { ...configuration, from: WEEK.from, to: WEEK.to }
        const figures = await queryFunnel(options)
        expect(figures, JSON.stringify(configuration)).toEqual(computeFunnel(events, options))
        // Not a vacuous agreement: people enter and some go further (seed 1 default funnel: 22 19 15 5 5).
        expect(figures.steps[1]!.people).toBeGreaterThan(0)
      }
    })
  }
})

/** The kept entries of the funnel saved (or default) as `funnel`, as the report finds them. */
async function keptSource(funnel: string): Promise<FunnelSource> {
  const [row] = await db.$queryRaw<{ watermark: string; people: string }[]>`
    SELECT ${markText(Prisma.sql`watermark`)} AS watermark, (SELECT ${markText(Prisma.sql`watermark`)} FROM analytics_rollup_state WHERE name = 'people@UTC') AS people
    FROM analytics_funnel_rollups WHERE funnel = ${funnel}`
  expect(row, `kept entries of ${funnel}`).toBeDefined()
  return {
    kind: "kept",
    funnel,
    watermark: row!.watermark,
    peopleMark: row!.people,
    firstDay: WEEK.firstDay,
    lastDay: WEEK.lastDay,
    timeZone: "UTC",
  }
}

const allCells = async () => ({
  days: await db.analyticsFunnelCell.findMany({
    orderBy: [
      { funnel: "asc" },
      { breakdown: "asc" },
      { entryDay: "asc" },
      { segment: "asc" },
      { step: "asc" },
      { bucket: "asc" },
    ],
  }),
  months: await db.analyticsFunnelMonthCell.findMany({
    orderBy: [
      { funnel: "asc" },
      { breakdown: "asc" },
      { month: "asc" },
      { segment: "asc" },
      { step: "asc" },
      { bucket: "asc" },
    ],
  }),
})

describe("kept funnel entries give what raw events give", () => {
  const roll = (batchEvents?: number) => runRollups({ settleSeconds: 0, timeZone: "UTC", batchEvents })

  for (const seed of [5, 6, 7]) {
    test(`seed ${seed}: built, refreshed batch by batch, with events not rolled up yet`, async () => {
      const saved: { id: string }[] = []
      for (const [index, configuration] of configurations.entries()) {
        saved.push(
          await db.savedFunnel.create({
            data: { name: `funnel ${index}`, steps: configuration.steps, windowDays: configuration.windowDays },
          }),
        )
      }
      const events = randomEvents(seed, 900)
      // Built from the first third; the second third refreshes them in batches of 50 events; the
      // last third is received after the watermark: the report counts those people from raw events.
      await store(events.slice(0, 300))
      expect((await roll()).funnelsBuilt).toBe(configurations.length + 1)
      await store(events.slice(300, 600))
      const refreshed = await roll(50)
      expect(refreshed.funnelEntries).toBeGreaterThan(0)
      expect(refreshed.funnelsBuilt).toBe(0)
      // The cells the refreshes left are what counting every day again gives.
      const cells = await allCells()
      await db.$transaction(async (tx) => {
        for (const funnel of ["default", ...saved.map((row) => row.id)]) await countCells(tx, funnel, null)
      })
      expect(await allCells()).toEqual(cells)
      await store(events.slice(600))
      for (const [index, configuration] of configurations.entries()) {
        const options = { ...configuration, from: WEEK.from, to: WEEK.to }
        const expected = computeFunnel(events, options)
        expect(await queryFunnel(options, await keptSource(saved[index]!.id)), JSON.stringify(configuration)).toEqual(
          expected,
        )
        const report = await funnelReport(
          { funnelId: saved[index]!.id, breakdown: configuration.breakdown ?? undefined },
          WEEK,
        )
        expect({ steps: report.steps, segments: report.segments }).toEqual(expected)
      }
      // Rolled up in full, nothing left to count from raw events: the same figures again.
      await roll()
      const options = { ...configurations[0]!, from: WEEK.from, to: WEEK.to }
      expect(await queryFunnel(options, await keptSource("default"))).toEqual(computeFunnel(events, options))
    })
  }

  test("a range's entrants are the people whose first entry in it falls on its days", async () => {
    const day = (n: number) => T0 + n * 24 * HOUR
    const view = (at: number, visitorId: string, path: string): FunnelEvent => ({
      at,
      name: "page_view",
      path,
      visitorId,
      userId: null,
    })
    // v1 enters on days 0, 2 and 4, reaching pricing only after the day-2 entry; v2 on day 3 only.
    const events = [
      view(day(0), "v1", "/"),
      view(day(2), "v1", "/"),
      view(day(2) + MINUTE, "v1", "/pricing"),
      view(day(4), "v1", "/"),
      view(day(3), "v2", "/"),
    ]
    await store(events)
    await db.savedFunnel.create({ data: { name: "two steps", steps: [LANDING, PRICING], windowDays: 1 } })
    await roll()
    const [saved] = await db.savedFunnel.findMany()
    for (const [first, last] of [
      ["2026-03-02", "2026-03-08"],
      ["2026-03-04", "2026-03-08"],
      ["2026-03-05", "2026-03-06"],
      ["2026-03-07", "2026-03-08"],
    ] as const) {
      const range = rangeOfDays(first, last, "UTC")
      const options = { steps: [LANDING, PRICING], windowDays: 1, from: range.from, to: range.to }
      const source = { ...(await keptSource(saved!.id)), firstDay: first, lastDay: last } as FunnelSource
      expect(await queryFunnel(options, source), `${first} … ${last}`).toEqual(computeFunnel(events, options))
    }
    // By hand: from day 0 (03-02), v1 enters on day 0 and misses pricing (a day later is past the
    // 1-day window); from day 2 (03-04), v1 enters on day 2 and reaches pricing a minute later.
    const fromDayTwo = rangeOfDays("2026-03-04", "2026-03-08", "UTC")
    const figures = await queryFunnel(
      { steps: [LANDING, PRICING], windowDays: 1, from: fromDayTwo.from, to: fromDayTwo.to },
      { ...(await keptSource(saved!.id)), firstDay: "2026-03-04", lastDay: "2026-03-08" } as FunnelSource,
    )
    expect(figures.steps.map((step) => step.people)).toEqual([2, 1])
    expect(figures.steps[1]!.medianMs).toBe(MINUTE)
  })

  test("over months: whole months from the month cells, the days at either end from the day cells", async () => {
    // 900 events over 100 days from 2 March (6-hour slots), rolled up in batches, the last 300 not.
    const events = randomEvents(8, 900, 360)
    await store(events.slice(0, 300))
    await roll()
    await store(events.slice(300, 600))
    await roll(100)
    await store(events.slice(600))
    for (const [first, last] of [
      ["2026-03-02", "2026-05-31"],
      ["2026-03-15", "2026-06-10"],
      ["2026-04-01", "2026-04-30"],
    ] as const) {
      const range = rangeOfDays(first, last, "UTC")
      for (const breakdown of [null, "country", "variant"] as const) {
        const options = { steps: [...DEFAULT_FUNNEL_STEPS], windowDays: 14, breakdown, from: range.from, to: range.to }
        const source = { ...(await keptSource("default")), firstDay: first, lastDay: last } as FunnelSource
        const figures = await queryFunnel(options, source)
        expect(figures, `${first} … ${last} ${breakdown}`).toEqual(computeFunnel(events, options))
        expect(figures.steps[1]!.people).toBeGreaterThan(0)
      }
    }
    expect(await db.analyticsFunnelMonthCell.count({ where: { month: new Date("2026-04-01") } })).toBeGreaterThan(0)
  })

  test("a median inside a bucket of unequal times reads that bucket's entries", async () => {
    // Seven visitors view / and then /pricing after these seconds; all rolled up. 56 … 64 s share a
    // duration bucket ([55.1 s, 65.5 s)). Everyone: 56 57 58 60 61 64 | 300, the median the 4th of
    // 7 (h = 6 × 0.5 = 3), the bucket's 4th of 6 values (neither its least nor its greatest): read,
    // 60 s; mean 656 / 7 s. Desktop: 56 58 60 | 300, h = 1.5 → 58 (read) and 60 (the bucket's
    // greatest) → 59 s. Mobile: 57 61 64, h = 1 → 61 s, read.
    const seconds = [56, 57, 58, 61, 60, 64, 300]
    const events = seconds.flatMap((after, index): FunnelEvent[] => {
      const visitorId = `v${index + 1}`
      const device = index % 2 === 1 ? "mobile" : "desktop"
      const entry = T0 + index * HOUR
      return [
        { at: entry, name: "page_view", path: "/", visitorId, userId: null, device },
        { at: entry + after * 1000, name: "page_view", path: "/pricing", visitorId, userId: null, device },
      ]
    })
    await store(events)
    const saved = await db.savedFunnel.create({ data: { name: "two steps", steps: [LANDING, PRICING], windowDays: 1 } })
    await roll()
    const options = {
      steps: [LANDING, PRICING],
      windowDays: 1,
      from: WEEK.from,
      to: WEEK.to,
      breakdown: "device" as const,
    }
    const figures = await queryFunnel(options, await keptSource(saved.id))
    expect(figures).toEqual(computeFunnel(events, options))
    expect(figures.steps[1]).toMatchObject({ people: 7, medianMs: 60_000 })
    expect(figures.steps[1]!.meanMs).toBeCloseTo((656 / 7) * 1000, 6)
    expect(
      figures.segments!.map((segment) => [segment.value, segment.steps[0]!.people, segment.steps[1]!.medianMs]),
    ).toEqual([
      ["desktop", 4, 59_000],
      ["mobile", 3, 61_000],
    ])
  })

  test("an edited saved funnel is built again, a deleted one dropped", async () => {
    await store(FUNNEL_CASES.basic.events)
    const saved = await db.savedFunnel.create({ data: { name: "kept", steps: STEPS, windowDays: 14 } })
    expect((await roll()).funnelsBuilt).toBe(2)
    await db.savedFunnel.update({ where: { id: saved.id }, data: { windowDays: 1 } })
    expect((await roll()).funnelsBuilt).toBe(1)
    const options = { steps: STEPS, windowDays: 1, from: WEEK.from, to: WEEK.to }
    expect(await queryFunnel(options, await keptSource(saved.id))).toEqual(
      computeFunnel(FUNNEL_CASES.basic.events, options),
    )
    await db.savedFunnel.delete({ where: { id: saved.id } })
    await roll()
    const kept = await db.$queryRaw<{ funnel: string }[]>`SELECT DISTINCT funnel FROM analytics_funnel_entries`
    expect(kept.map((row) => row.funnel)).toEqual(["default"])
  })
})
