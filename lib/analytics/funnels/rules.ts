import { identityLinks, personOf } from "@/lib/analytics/model/identity"

// Funnel rules, written here as the reference; queries.ts computes the same in SQL, and an
// integration test runs every case below and random event sets through both.
// - Events read: those matching a step, from `from` up to `to` + the window. People are stitched
//   from every event, of any name or time (lib/analytics/model/identity.ts; in SQL, the people rollup's links and the
//   events received after it), so a person is the same one in every range.
// - A person enters at their first event of step 1 inside the range [from, to).
// - The conversion window counts from that entry: a later step counts only before entry + window
//   (window days × 24 h; later steps may fall after the range ends).
// - Each later step is the earliest event matching it at or after the previous step's instant, so
//   steps count only in order and a repeated step counts once. Events at the same instant count in
//   funnel order (a server records checkout and payment in one instant), but one event never serves
//   two steps: the same page twice needs two views.
// - A person who skips a step stops at the step before, whatever comes later.
// - A breakdown puts each person under the value of their entry event: country, device, UTM source,
//   or the `variant` property (the experiment variant the entry page was shown); null when absent.
//   Entry events at the same instant with different values: the smallest value.

export type FunnelStep = { kind: "page" | "event"; match: string }

export const FUNNEL_BREAKDOWNS = ["country", "device", "utm_source", "variant"] as const
export type FunnelBreakdown = (typeof FUNNEL_BREAKDOWNS)[number]

export const DEFAULT_WINDOW_DAYS = 14
export const MIN_FUNNEL_STEPS = 2
export const MAX_FUNNEL_STEPS = 8
/** Raw events are kept 90 days by default; a longer window would count steps that may be gone. */
export const MAX_WINDOW_DAYS = 90
export const DAY_MS = 86_400_000
export const PAGE_VIEW = "page_view"
/** A page step's path: no query or fragment (never stored), no comma or space (steps travel in URLs). */
export const PAGE_PATH_PATTERN = /^\/[^?#,\s]*$/

/** landing → pricing → checkout started → paid → seat delivered */
export const DEFAULT_FUNNEL_STEPS: readonly FunnelStep[] = [
  { kind: "page", match: "/" },
  { kind: "page", match: "/pricing" },
  { kind: "event", match: "checkout_started" },
  { kind: "event", match: "order_paid" },
  { kind: "event", match: "seat_delivered" },
]

/** One raw event as the funnel needs it; `at` in epoch milliseconds. */
export type FunnelEvent = {
  at: number
  name: string
  path: string | null
  visitorId: string
  userId: string | null
  country?: string | null
  device?: string | null
  utmSource?: string | null
  variant?: string | null
}

export type FunnelOptions = {
  steps: readonly FunnelStep[]
  windowDays: number
  from: Date
  to: Date
  breakdown?: FunnelBreakdown | null
}

/**
 * What reached one step, as both paths count it: durations since the step before in microseconds
 * (exact integers for millisecond or microsecond times), their median and their sum.
 */
export type StepCount = { people: number; medianUs: number | null; sumUs: number | null }

/** What each step reached, before rates. */
export type StepTally = { people: number; medianMs: number | null; meanMs: number | null }

export type FunnelStepFigures = StepTally & {
  /** people ÷ people of the step before; null for the first step or when nobody reached the one before. */
  conversionFromPrevious: number | null
  /** people ÷ people of the first step; null when nobody entered. */
  conversionFromFirst: number | null
  /** People of the step before who did not reach this one (0 for the first step). */
  dropOff: number
}

export type FunnelSegment = { value: string | null; steps: FunnelStepFigures[] }
export type FunnelFigures = { steps: FunnelStepFigures[]; segments: FunnelSegment[] | null }

/** "Viewed /pricing", "Checkout started". */
export function stepLabel(step: FunnelStep): string {
  if (step.kind === "page") return `Viewed ${step.match}`
  const words = step.match.replaceAll("_", " ")
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Steps in a URL: `page:/,page:/pricing,event:checkout_started`. */
export function formatSteps(steps: readonly FunnelStep[]): string {
  return steps.map((step) => `${step.kind}:${step.match}`).join(",")
}

export function matchesStep(step: FunnelStep, event: Pick<FunnelEvent, "name" | "path">): boolean {
  return step.kind === "page" ? event.name === PAGE_VIEW && event.path === step.match : event.name === step.match
}

export function readWindow(options: Pick<FunnelOptions, "from" | "to" | "windowDays">): { from: Date; end: Date } {
  return { from: options.from, end: new Date(options.to.getTime() + options.windowDays * DAY_MS) }
}

/**
 * One number per distinct matcher, 1 to 8 in order of first use: the same page twice in a funnel
 * is one matcher. Matchers never overlap (an event step cannot be page_view), so every event read
 * matches exactly one.
 */
export function stepSymbols(steps: readonly FunnelStep[]): {
  perStep: number[]
  matchers: { step: FunnelStep; symbol: number }[]
} {
  const matchers: { step: FunnelStep; symbol: number }[] = []
  const perStep = steps.map((step) => {
    const known = matchers.find((matcher) => matcher.step.kind === step.kind && matcher.step.match === step.match)
    if (known) return known.symbol
    matchers.push({ step, symbol: matchers.length + 1 })
    return matchers.length
  })
  return { perStep, matchers }
}

/** One person's events read, as (instant, matcher) pairs in any order. */
export type PersonEvents = { at: number; symbol: number }[]

/**
 * The instants at which a person who entered at `entry` reached each step, stopping at the first
 * step missed or out of the window (see the rules above).
 */
export function walkSteps(
  events: PersonEvents,
  entry: number,
  perStep: readonly number[],
  windowDays: number,
): number[] {
  const deadline = entry + windowDays * DAY_MS
  const reached = [entry]
  for (let step = 1; step < perStep.length; step++) {
    const symbol = perStep[step]!
    const previous = reached[step - 1]!
    // Events of this matcher at the previous instant, less those earlier steps already used there.
    const used = reached.filter((at, j) => perStep[j] === symbol && at === previous).length
    const atPrevious = events.filter((event) => event.symbol === symbol && event.at === previous).length
    const later = events.filter((event) => event.symbol === symbol && event.at > previous).map((event) => event.at)
    const next = atPrevious > used ? previous : later.length ? Math.min(...later) : null
    if (next === null || next >= deadline) break
    reached.push(next)
  }
  return reached
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length
}

/** Per step counts from each entrant's reached instants. */
export function countSteps(progress: readonly number[][], stepCount: number): StepCount[] {
  return Array.from({ length: stepCount }, (_, step) => {
    const reached = progress.filter((times) => times.length > step)
    if (step === 0) return { people: reached.length, medianUs: null, sumUs: null }
    const durations = reached.map((times) => Math.round((times[step]! - times[step - 1]!) * 1000))
    return {
      people: reached.length,
      medianUs: median(durations),
      sumUs: durations.length ? durations.reduce((sum, value) => sum + value, 0) : null,
    }
  })
}

/** Rates, drop-off and times from per-step counts; the one place these figures are derived. */
export function summarizeSteps(counts: readonly StepCount[]): FunnelStepFigures[] {
  const first = counts[0]?.people ?? 0
  return counts.map((count, index) => {
    const previous = index === 0 ? null : counts[index - 1]!.people
    return {
      people: count.people,
      medianMs: count.medianUs === null ? null : count.medianUs / 1000,
      meanMs: count.sumUs === null || count.people === 0 ? null : count.sumUs / count.people / 1000,
      conversionFromPrevious: previous === null || previous === 0 ? null : count.people / previous,
      conversionFromFirst: first === 0 ? null : count.people / first,
      dropOff: previous === null ? 0 : previous - count.people,
    }
  })
}

function segmentOf(event: FunnelEvent, breakdown: FunnelBreakdown): string | null {
  return (
    { country: event.country, device: event.device, utm_source: event.utmSource, variant: event.variant }[breakdown] ??
    null
  )
}

/** The smallest non-null value, as SQL's min() picks it. */
function smallest(values: readonly (string | null)[]): string | null {
  return values.reduce<string | null>(
    (least, value) => (value !== null && (least === null || value < least) ? value : least),
    null,
  )
}

/** The reference funnel over every raw event (any order): per step and, with a breakdown, per value of the entry event. */
export function computeFunnel(events: readonly FunnelEvent[], options: FunnelOptions): FunnelFigures {
  const { from, end } = readWindow(options)
  const { perStep, matchers } = stepSymbols(options.steps)
  const read = events.filter(
    (event) =>
      event.at >= from.getTime() &&
      event.at < end.getTime() &&
      matchers.some((matcher) => matchesStep(matcher.step, event)),
  )
  const links = identityLinks(events)
  const byPerson = new Map<string, FunnelEvent[]>()
  for (const event of read) {
    const person = personOf(event, links)
    const list = byPerson.get(person)
    if (list) list.push(event)
    else byPerson.set(person, [event])
  }
  const entrants: { segment: string | null; times: number[] }[] = []
  for (const personEvents of byPerson.values()) {
    const symbolled = personEvents.map((event) => ({
      event,
      at: event.at,
      symbol: matchers.find((matcher) => matchesStep(matcher.step, event))!.symbol,
    }))
    const entries = symbolled.filter((item) => item.symbol === perStep[0] && item.at < options.to.getTime())
    if (entries.length === 0) continue
    const entry = Math.min(...entries.map((item) => item.at))
    const segment = options.breakdown
      ? smallest(entries.filter((item) => item.at === entry).map((item) => segmentOf(item.event, options.breakdown!)))
      : null
    entrants.push({ segment, times: walkSteps(symbolled, entry, perStep, options.windowDays) })
  }
  const steps = summarizeSteps(
    countSteps(
      entrants.map((person) => person.times),
      options.steps.length,
    ),
  )
  if (!options.breakdown) return { steps, segments: null }
  const groups = new Map<string | null, number[][]>()
  for (const person of entrants) {
    const group = groups.get(person.segment)
    if (group) group.push(person.times)
    else groups.set(person.segment, [person.times])
  }
  const segments = [...groups].map(([value, progress]) => ({
    value,
    steps: summarizeSteps(countSteps(progress, options.steps.length)),
  }))
  return { steps, segments: sortSegments(segments) }
}

/** Most entrants first, then by value; people with no value last. */
export function sortSegments(segments: FunnelSegment[]): FunnelSegment[] {
  return segments.sort(
    (a, b) => (b.steps[0]?.people ?? 0) - (a.steps[0]?.people ?? 0) || compareValues(a.value, b.value),
  )
}

function compareValues(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}
