import type { EventRow } from "@/lib/analytics/ingest/store"
import {
  type BrowserContext,
  browserEvent,
  newProfile,
  NO_SOURCE,
  returnSource,
  serverEvent,
  sessionIdOf,
  type Source,
  webVital,
  withoutReferrer,
} from "./events-profiles"
import type { Random } from "./random"
import { addMs, DAY_MS } from "./time"

// Journeys of the demo's visitors, as the events they leave, with no I/O. A customer's journey
// follows their seeded business exactly (sign-up, payments, deliveries, plan changes, churn);
// anonymous visitors bounce or look at pricing and leave.

export type Emit = (row: EventRow) => void

const MINUTE_MS = 60_000

/** What the seed knows about one subscriber, read back from the business tables. */
export type CustomerFacts = {
  userId: string
  createdAt: Date
  /** Seat orders, oldest first: `bought` when a checkout opened it (first purchase, reactivation), not a renewal. */
  orders: {
    id: string
    subscriptionId: string
    planId: string | null
    paidAt: Date
    fulfilledAt: Date | null
    bought: boolean
  }[]
  /** Upgrades and downgrades. */
  planChanges: Date[]
  /** Ends of the subscription; `requestedAt` when the subscriber asked for it (none for a failed payment). */
  churns: { subscriptionId: string; at: Date; requestedAt: Date | null }[]
  /** A cancellation asked for that has not taken effect yet. */
  pendingCancel: { subscriptionId: string; requestedAt: Date; endsAt: Date } | null
  /** While the subscription had MRR: portal visits happen then. */
  active: { from: Date; to: Date }[]
}

// Features used in the portal and the page each is on; plan_changed comes from the ledger instead.
type Weighted<T> = readonly (readonly [T, number])[]
type FeatureUse = readonly [feature: string, path: string]

const FEATURES: Weighted<FeatureUse> = [
  [["billing_opened", "/account/billing"], 26],
  [["receipt_downloaded", "/account/billing"], 20],
  [["credentials_revealed", "/account/orders"], 14],
  [["support_ticket_opened", "/account"], 9],
  [["feedback_sent", "/account/feedback"], 6],
  [["data_exported", "/account/profile"], 3],
]
const PORTAL_PAGES: Weighted<string | null> = [
  ["/account/orders", 2],
  ["/account/billing", 2],
  ["/account/profile", 1],
  [null, 7],
]
/** Mean days between a subscriber's portal visits. */
const PORTAL_VISIT_EVERY_DAYS = 60
/** Share of page loads that report a web vital. */
const VITAL_RATE = 0.15

/** Page views `times[i]` of `pages[i]` in one session, each load perhaps reporting a web vital. */
export function pageViews(
  random: Random,
  context: BrowserContext,
  times: readonly Date[],
  pages: readonly string[],
  emit: Emit,
): void {
  pages.forEach((path, i) => {
    const at = times[i]!
    const source = i === 0 ? context.source : withoutReferrer(context.source)
    emit(
      browserEvent(
        { ...context, source },
        at,
        "page_view",
        path,
        path === "/" ? { variant: context.profile.variant } : undefined,
      ),
    )
    if (random.chance(VITAL_RATE)) emit(webVital(random, context, addMs(at, random.between(1, 8) * 1000), path))
  })
}

/** Instants from `start`, 15 s to 3 min apart. */
function steps(random: Random, start: Date, count: number): Date[] {
  const times = [start]
  for (let i = 1; i < count; i++) times.push(addMs(times[i - 1]!, random.between(15, 180) * 1000))
  return times
}

const ANONYMOUS_VISITS: Weighted<readonly string[]> = [
  [["/"], 40],
  [["/", "/pricing"], 27],
  [["/pricing"], 12],
  [["/", "/pricing", "/signin"], 9],
  [["/", "/pricing", "/"], 8],
  [["/pricing", "/signin"], 4],
]
const RETURNS = 0.25

/** A visitor who never signs up: one or more visits, bounces and pricing views. */
export function anonymousVisitor(random: Random, key: string, firstAt: Date, emit: Emit): void {
  const profile = newProfile(random, key)
  let at = firstAt
  let source: Source = profile.source
  for (;;) {
    const pages = random.weighted(ANONYMOUS_VISITS)
    const times = steps(random, at, pages.length)
    pageViews(random, { profile, sessionId: sessionIdOf(random), userId: null, source }, times, pages, emit)
    if (!random.chance(RETURNS)) return
    at = addMs(times[times.length - 1]!, random.between(1, 20) * DAY_MS)
    source = returnSource(random)
  }
}

/** Every event of one customer, in time order within each visit; the seed drops those outside its window. */
export function customerJourney(random: Random, customer: CustomerFacts, emit: Emit): void {
  const { userId } = customer
  const profile = newProfile(random, `user:${userId}`)
  const signedIn = (source: Source = returnSource(random)): BrowserContext => ({
    profile,
    sessionId: sessionIdOf(random),
    userId,
    source,
  })

  // Perhaps a look a few days before, then the visit that ends in the purchase.
  const lookedBefore = random.chance(0.35)
  if (lookedBefore) {
    const start = addMs(customer.createdAt, -random.between(1, 14) * DAY_MS)
    pageViews(
      random,
      { profile, sessionId: sessionIdOf(random), userId: null, source: profile.source },
      steps(random, start, 2),
      ["/", "/pricing"],
      emit,
    )
  }
  const buying: BrowserContext = {
    profile,
    sessionId: sessionIdOf(random),
    userId: null,
    source: lookedBefore ? returnSource(random) : profile.source,
  }
  const pages = random.chance(0.8) ? ["/", "/pricing", "/signin"] : ["/pricing", "/signin"]
  const start = addMs(customer.createdAt, -random.between(4, 25) * MINUTE_MS)
  const gap = (customer.createdAt.getTime() - start.getTime()) / pages.length
  pageViews(
    random,
    buying,
    pages.map((_, i) => addMs(start, i * gap)),
    pages,
    emit,
  )
  emit(serverEvent(customer.createdAt, "signed_up", userId))

  customer.orders.forEach((order, i) => {
    if (order.bought) {
      if (i > 0)
        pageViews(random, signedIn(), [addMs(order.paidAt, -random.between(2, 10) * MINUTE_MS)], ["/pricing"], emit)
      // track() with the browser's request: the browser's visitor, no session, no page.
      emit(
        browserEvent({ profile, sessionId: null, userId, source: NO_SOURCE }, order.paidAt, "checkout_started", null, {
          planId: order.planId,
          mode: "test",
        }),
      )
    }
    emit(serverEvent(order.paidAt, "order_paid", userId, { orderId: order.id, subscriptionId: order.subscriptionId }))
    // Back from the checkout, signed in, in the same session (a new page load: no referrer).
    if (order.bought && i === 0)
      pageViews(
        random,
        { ...withoutSourceOf(buying), userId },
        [addMs(order.paidAt, random.between(1, 3) * MINUTE_MS)],
        ["/account"],
        emit,
      )
    if (order.fulfilledAt) {
      emit(serverEvent(order.fulfilledAt, "seat_delivered", userId, { orderId: order.id }))
      // Most subscribers come for their credentials within two days of the email.
      if (random.chance(0.75))
        portalVisit(
          random,
          signedIn(),
          addMs(order.fulfilledAt, random.between(0.2, 48) * 3_600_000),
          [["credentials_revealed", "/account/orders"]],
          emit,
        )
    }
  })

  for (const at of customer.planChanges)
    portalVisit(
      random,
      signedIn(),
      addMs(at, -random.between(1, 5) * MINUTE_MS),
      [["plan_changed", "/account/billing"]],
      emit,
    )
  for (const churn of customer.churns) {
    if (churn.requestedAt) {
      portalVisit(
        random,
        signedIn(),
        addMs(churn.requestedAt, -random.between(1, 5) * MINUTE_MS),
        [["billing_opened", "/account/billing"]],
        emit,
      )
      emit(
        serverEvent(churn.requestedAt, "subscription_canceled", userId, {
          subscriptionId: churn.subscriptionId,
          endsAt: churn.at.toISOString(),
        }),
      )
    }
    emit(serverEvent(churn.at, "subscription_ended", userId, { subscriptionId: churn.subscriptionId }))
  }
  if (customer.pendingCancel) {
    const { subscriptionId, requestedAt, endsAt } = customer.pendingCancel
    emit(serverEvent(requestedAt, "subscription_canceled", userId, { subscriptionId, endsAt: endsAt.toISOString() }))
  }

  // Everyday use of the portal while subscribed.
  for (const period of customer.active) {
    let at = addMs(period.from, nextVisitGap(random))
    while (at < period.to) {
      const features: FeatureUse[] = []
      if (random.chance(0.55)) features.push(random.weighted(FEATURES))
      if (random.chance(0.15)) features.push(random.weighted(FEATURES))
      portalVisit(random, signedIn(), at, features, emit)
      at = addMs(at, nextVisitGap(random))
    }
  }
}

/** Exponential gaps: visits at random with a mean of PORTAL_VISIT_EVERY_DAYS. */
function nextVisitGap(random: Random): number {
  return -Math.log(1 - random.next()) * PORTAL_VISIT_EVERY_DAYS * DAY_MS
}

/** A signed-in visit: the portal's home, perhaps another page, and a feature used on its page. */
function portalVisit(
  random: Random,
  context: BrowserContext,
  start: Date,
  features: readonly FeatureUse[],
  emit: Emit,
): void {
  const extra = random.weighted(PORTAL_PAGES)
  const pages = [
    "/account",
    ...(extra ? [extra] : []),
    ...features.map(([, path]) => path).filter((path) => path !== "/account" && path !== extra),
  ]
  const times = steps(random, start, pages.length)
  pageViews(random, context, times, pages, emit)
  features.forEach(([feature, path]) => {
    const shown = times[Math.max(0, pages.lastIndexOf(path))]!
    emit(
      browserEvent(withoutSourceOf(context), addMs(shown, random.between(5, 60) * 1000), "feature_used", path, {
        feature,
      }),
    )
  })
}

/** Events after the first of a visit carry its UTM tags but not the referrer. */
function withoutSourceOf(context: BrowserContext): BrowserContext {
  return { ...context, source: withoutReferrer(context.source) }
}
