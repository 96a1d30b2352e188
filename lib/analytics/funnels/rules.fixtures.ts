import type { FunnelEvent } from "./rules"

// Small event sets whose funnels are worked out by hand in funnels.test.ts; the integration test
// stores the same events and expects the SQL to give the same figures.

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
/** Monday 2 March 2026, 00:00 UTC: the first instant of the week the tests report on. */
export const T0 = Date.parse("2026-03-02T00:00:00Z")

type Extra = Partial<Omit<FunnelEvent, "at" | "name" | "path" | "visitorId">>

/** A page view `minutes` after T0. */
export function view(minutes: number, visitorId: string, path: string, extra: Extra = {}): FunnelEvent {
  return { at: T0 + minutes * MINUTE, name: "page_view", path, visitorId, userId: null, ...extra }
}

/** A named event `minutes` after T0. */
export function named(minutes: number, visitorId: string, name: string, extra: Extra = {}): FunnelEvent {
  return { at: T0 + minutes * MINUTE, name, path: null, visitorId, userId: null, ...extra }
}

/** A page view at an exact instant. */
export function act(at: Date, visitorId: string, path: string): FunnelEvent {
  return { at: at.getTime(), name: "page_view", path, visitorId, userId: null }
}

const WEEK_END = T0 + 7 * 24 * HOUR

export const FUNNEL_CASES = {
  basic: {
    events: [
      view(0, "v1", "/"),
      view(10, "v1", "/pricing"),
      named(40, "v1", "checkout_started"),
      view(0, "v2", "/"),
      view(20, "v2", "/pricing"),
      view(0, "v3", "/"),
      view(60, "v4", "/"),
      view(120, "v4", "/pricing"),
      named(125, "v4", "checkout_started"),
    ],
  },
  order: { events: [view(0, "v1", "/pricing"), view(10, "v1", "/"), named(20, "v1", "checkout_started")] },
  repeated: {
    events: [
      view(0, "v1", "/"),
      view(5, "v1", "/"),
      view(10, "v1", "/pricing"),
      view(30, "v1", "/pricing"),
      view(40, "v1", "/"),
      named(50, "v1", "checkout_started"),
    ],
  },
  samePageTwice: { events: [view(0, "v1", "/"), view(0, "v2", "/"), view(7, "v2", "/")] },
  skip: {
    events: [
      view(0, "v1", "/"),
      named(10, "v1", "checkout_started"),
      view(20, "v1", "/pricing"),
      view(0, "v2", "/"),
      named(10, "v2", "checkout_started"),
    ],
  },
  window: {
    events: [
      view(0, "v1", "/"),
      { ...view(0, "v1", "/pricing"), at: T0 + 24 * HOUR },
      view(0, "v2", "/"),
      { ...view(0, "v2", "/pricing"), at: T0 + 24 * HOUR - 1 },
      { ...view(0, "v3", "/"), at: WEEK_END - HOUR },
      { ...view(0, "v3", "/pricing"), at: WEEK_END + HOUR },
      view(-60, "v4", "/"),
      view(30, "v4", "/pricing"),
      { ...view(0, "v5", "/"), at: WEEK_END },
      view(0, "v6", "/"),
      view(20 * 60, "v6", "/pricing"),
      named(30 * 60, "v6", "checkout_started"),
    ],
  },
  sameInstant: {
    events: [
      view(0, "v1", "/", { country: "US" }),
      view(0, "v1", "/", { country: "NL" }),
      named(10, "v1", "checkout_started"),
      named(10, "v1", "order_paid"),
      view(0, "v2", "/", { country: "US" }),
      named(9, "v2", "order_paid"),
      named(10, "v2", "checkout_started"),
    ],
  },
  samePageSameInstant: { events: [view(0, "v1", "/"), view(0, "v2", "/"), view(0, "v2", "/")] },
  zone: {
    events: [
      act(new Date("2026-03-10T03:59:00Z"), "v1", "/"),
      act(new Date("2026-03-10T04:00:00Z"), "v2", "/"),
      act(new Date("2026-03-11T03:30:00Z"), "v3", "/"),
      act(new Date("2026-03-11T04:00:00Z"), "v4", "/"),
    ],
  },
  stitched: {
    events: [
      view(0, "b1", "/"),
      view(10, "b1", "/pricing"),
      named(20, "b1", "checkout_started", { userId: "U1" }),
      named(30, "u:U1", "order_paid", { userId: "U1" }),
      named(90, "u:U1", "seat_delivered", { userId: "U1" }),
      view(5, "b2", "/"),
    ],
  },
  country: {
    events: [
      view(0, "v1", "/", { country: "NL" }),
      view(5, "v1", "/pricing", { country: "DE" }),
      view(0, "v2", "/", { country: "NL" }),
      view(0, "v3", "/", { country: "US" }),
      view(9, "v3", "/pricing", { country: "US" }),
      view(0, "v4", "/"),
    ],
  },
  variant: {
    events: [
      view(0, "v1", "/", { variant: "a" }),
      view(3, "v1", "/pricing", { variant: "b" }),
      view(0, "v2", "/", { variant: "a" }),
      view(0, "v3", "/", { variant: "b" }),
      view(4, "v3", "/pricing"),
    ],
  },
} satisfies Record<string, { events: FunnelEvent[] }>
