import type { models } from "@polar-sh/sdk/2026-10"
import fc from "fast-check"
import { testEvent } from "@/lib/billing/test-mode/payloads"
import type { Delivery } from "./polar-events"
import type { BusinessScope } from "./business-state"

// A small subscription business as Polar tells it to us. fast-check generates what customers
// intend (renew, upgrade, cancel, ask for a refund…); a model of Polar plays those intentions and
// records the webhooks Polar sends, with Polar's own timestamps. An intention that makes no sense
// at its point in the story (renewing an ended subscription) is skipped, so any shrunk list of
// intentions is still a story Polar could tell.

// Time is in microseconds: Polar's timestamps carry them, JavaScript dates keep milliseconds only.
const SECOND = 1_000_000
const MINUTE = 60 * SECOND
const DAY = 86_400 * SECOND
const EPOCH = Date.UTC(2025, 0, 1) * 1000
const ORGANIZATION_ID = "org_lifecycle_test"

export type PlanKey = "monthly" | "annual" | "team"
/** The Polar product of each plan `ensurePlans()` creates. */
export type LifecyclePlans = Record<PlanKey, { productId: string; name: string }>
const PRICES: Record<PlanKey, { cents: number; interval: "month" | "year" }> = {
  monthly: { cents: 1999, interval: "month" },
  annual: { cents: 19900, interval: "year" },
  // Seat-based: the recurring amount is the price per seat times the seats.
  team: { cents: 4900, interval: "month" },
}

// ---- What fast-check generates -------------------------------------------------------------

/** How soon after the subscription's previous change a change comes: ties are what make ordering by time hard. */
type Gap = "later" | "sameMillisecond" | "sameMicrosecond"
type Discount = { code: string; duration: models.DiscountDuration; months: number } & (
  { type: "percentage"; basisPoints: number } | { type: "fixed"; amount: number }
)
type EmailAddress = { local: string; domain: string }
type Country = { code: models.CountryAlpha2; taxBasisPoints: number; city: string; line1: string; locale: string }
/** `share`: where in the time left (of the period, or of the next 30 days once ended) it happens, per million. */
type Step =
  | { kind: "renew"; payment: "paid" | "recovers" | "revoked"; cycledEvent: boolean; gap: Gap; days: number }
  | { kind: "change"; plan: PlanKey; seats: number; share: number; gap: Gap }
  | { kind: "cancel"; share: number; gap: Gap; reason: models.CustomerCancellationReason | null }
  | { kind: "uncancel"; share: number; gap: Gap }
  | { kind: "refund"; order: number; basisPoints: number | null; share: number }
  | { kind: "rename"; name: string | null; share: number }
  | { kind: "email"; address: EmailAddress; share: number }
type SubscriptionSpec = {
  plan: PlanKey
  seats: number
  discount: Discount | null
  checkout: "incomplete" | "active"
  gapDays: number
  steps: Step[]
}
type CustomerSpec = {
  startDay: number
  name: string | null
  address: EmailAddress
  country: Country
  subscriptions: SubscriptionSpec[]
}

const NAMES = [
  "Ada Lovelace",
  "Zoë Müller",
  "José Álvarez-Núñez",
  "王小明",
  "Ελένη Παπαδοπούλου",
  "Siobhán O'Brien",
  "  Ünal Çelik  ",
  "Ngozi Okonjo-Iweala",
]
const nameArb = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.constant(null) },
)
const addressArb = fc.record({
  local: fc.constantFrom("ada", "Ada.Lovelace", "zoë", "o'brien", "用户", "josé.álvarez", "billing+polar"),
  domain: fc.constantFrom(
    "example.com",
    "EXAMPLE.org",
    "exämple.de",
    "例子.广告",
    "xn--exmple-cua.de",
    "bücher.example",
  ),
})
const COUNTRIES: Country[] = [
  { code: "US", taxBasisPoints: 0, city: "Portland", line1: "1 Main St", locale: "en-US" },
  { code: "DE", taxBasisPoints: 1900, city: "München", line1: "Hauptstraße 5", locale: "de-DE" },
  { code: "FR", taxBasisPoints: 2000, city: "Besançon", line1: "12 rue de l'Église", locale: "fr-FR" },
  { code: "JP", taxBasisPoints: 1000, city: "東京", line1: "千代田区1-1", locale: "ja-JP" },
  { code: "CN", taxBasisPoints: 600, city: "广州", line1: "天河路 385 号", locale: "zh-CN" },
]
const DISCOUNTS: Discount[] = [
  { code: "LAUNCH25", type: "percentage", basisPoints: 2500, duration: "repeating", months: 3 },
  { code: "FRIENDS10", type: "percentage", basisPoints: 1000, duration: "forever", months: 0 },
  { code: "WELCOME5", type: "fixed", amount: 500, duration: "once", months: 0 },
  { code: "SAVE3", type: "fixed", amount: 300, duration: "repeating", months: 2 },
]
const planArb = fc.constantFrom<PlanKey>("monthly", "annual", "team")
const gapArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Gap>("later") },
  { weight: 1, arbitrary: fc.constantFrom<Gap>("sameMillisecond", "sameMicrosecond") },
)
const shareArb = fc.integer({ min: 20_000, max: 980_000 })
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("renew"),
      payment: fc.constantFrom("paid", "paid", "paid", "recovers", "revoked"),
      cycledEvent: fc.boolean(),
      gap: gapArb,
      days: fc.integer({ min: 1, max: 9 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("change"),
      plan: planArb,
      seats: fc.integer({ min: 1, max: 5 }),
      share: shareArb,
      gap: gapArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("cancel"),
      share: shareArb,
      gap: gapArb,
      reason: fc.constantFrom(null, "too_expensive", "unused"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("uncancel"), share: shareArb, gap: gapArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("refund"),
      order: fc.nat(5),
      basisPoints: fc.option(fc.integer({ min: 100, max: 9_900 })),
      share: shareArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("rename"), name: nameArb, share: shareArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("email"), address: addressArb, share: shareArb }) },
)
const subscriptionArb: fc.Arbitrary<SubscriptionSpec> = fc.record({
  plan: planArb,
  seats: fc.integer({ min: 1, max: 4 }),
  discount: fc.option(fc.constantFrom(...DISCOUNTS), { freq: 3 }),
  checkout: fc.constantFrom("incomplete", "active"),
  gapDays: fc.integer({ min: 30, max: 200 }),
  steps: fc.array(stepArb, { maxLength: 6 }),
})
const customerArb: fc.Arbitrary<CustomerSpec> = fc.record({
  startDay: fc.integer({ min: 0, max: 75 }),
  name: nameArb,
  address: addressArb,
  country: fc.constantFrom(...COUNTRIES),
  subscriptions: fc.array(subscriptionArb, { minLength: 1, maxLength: 2 }),
})

// ---- Polar, played -------------------------------------------------------------------------

type CustomerState = {
  key: string
  createdAt: number
  modifiedAt: number | null
  name: string | null
  address: EmailAddress
  version: number
  country: Country
}
type SubscriptionState = {
  key: string
  plan: PlanKey
  /** Seats of a seat-based (team) subscription; null for the others. */
  seats: number | null
  status: models.SubscriptionStatus
  createdAt: number
  modifiedAt: number | null
  startedAt: number | null
  periodStart: number
  periodEnd: number
  cancelAtPeriodEnd: boolean
  canceledAt: number | null
  endsAt: number | null
  endedAt: number | null
  pastDueAt: number | null
  discount: Discount | null
  reason: models.CustomerCancellationReason | null
}
type OrderState = {
  key: string
  billingReason: models.OrderBillingReason
  createdAt: number
  /** When paid, then when last refunded. */
  modifiedAt: number
  plan: PlanKey
  seats: number | null
  subtotal: number
  discount: Discount | null
  discountAmount: number
  net: number
  tax: number
  refunded: number
  refundedTax: number
}
type SubscriptionEventType = Extract<models.WebhookEventType, `subscription.${string}`>
/** One webhook Polar sends, at `at`, with the objects as they were then. */
export type Happening =
  | {
      kind: "subscription"
      type: SubscriptionEventType
      at: number
      customer: CustomerState
      subscription: SubscriptionState
    }
  | {
      kind: "order"
      type: "order.paid" | "order.refunded"
      at: number
      customer: CustomerState
      subscription: SubscriptionState
      order: OrderState
    }
  | { kind: "customer"; type: "customer.updated"; at: number; customer: CustomerState }

const recurringAmount = (s: { plan: PlanKey; seats: number | null }) => PRICES[s.plan].cents * (s.seats ?? 1)
function addInterval(us: number, interval: "month" | "year"): number {
  const date = new Date(Math.floor(us / 1000))
  if (interval === "month") date.setUTCMonth(date.getUTCMonth() + 1)
  else date.setUTCFullYear(date.getUTCFullYear() + 1)
  return date.getTime() * 1000 + (us % 1000)
}
function discountOff(discount: Discount | null, subtotal: number): number {
  if (!discount) return 0
  return discount.type === "percentage"
    ? Math.round((subtotal * discount.basisPoints) / 10_000)
    : Math.min(discount.amount, subtotal)
}

/** Plays one customer's story from `start`: their subscriptions one after another, churn between them. */
function playCustomer(spec: CustomerSpec, index: number, start: number): Happening[] {
  const out: Happening[] = []
  const customer: CustomerState = {
    key: `c${index}`,
    createdAt: start,
    modifiedAt: null,
    name: spec.name,
    address: spec.address,
    version: 0,
    country: spec.country,
  }
  let now = start
  const orders: { order: OrderState; subscription: SubscriptionState }[] = []

  const emit = (sub: SubscriptionState, types: SubscriptionEventType[], at: number) =>
    types.forEach((type, i) =>
      out.push({
        kind: "subscription",
        type,
        at: at + i * 200_000,
        customer: { ...customer },
        subscription: { ...sub },
      }),
    )
  /** Polar changes the subscription at `at` (or right after its last change, for a tie); returns when. */
  const modify = (
    sub: SubscriptionState,
    at: number,
    gap: Gap,
    change: (t: number) => Partial<SubscriptionState>,
  ): number => {
    const previous = sub.modifiedAt ?? sub.createdAt
    const t =
      gap === "sameMicrosecond" ? previous : gap === "sameMillisecond" ? previous + 1 : Math.max(at, previous + 1)
    Object.assign(sub, change(t), { modifiedAt: t })
    now = Math.max(now, t)
    return t
  }
  const pay = (
    sub: SubscriptionState,
    billingReason: models.OrderBillingReason,
    createdAt: number,
    paidAt: number,
    subtotal: number,
  ) => {
    const discountAmount = discountOff(sub.discount, subtotal)
    const net = subtotal - discountAmount
    const order: OrderState = {
      key: `${sub.key}o${orders.filter((o) => o.subscription.key === sub.key).length}`,
      billingReason,
      createdAt,
      modifiedAt: paidAt,
      plan: sub.plan,
      seats: sub.seats,
      subtotal,
      discount: sub.discount,
      discountAmount,
      net,
      tax: Math.round((net * customer.country.taxBasisPoints) / 10_000),
      refunded: 0,
      refundedTax: 0,
    }
    orders.push({ order, subscription: sub })
    out.push({
      kind: "order",
      type: "order.paid",
      at: paidAt + 100_000,
      customer: { ...customer },
      subscription: { ...sub },
      order: { ...order },
    })
    now = Math.max(now, paidAt + SECOND)
  }
  /** When a step at `share` of the time left happens; null when no time is left in the period. */
  const within = (sub: SubscriptionState, share: number): number | null => {
    const end = sub.endedAt === null ? sub.periodEnd : now + 30 * DAY
    const room = end - now - 2 * MINUTE
    return room <= 0 ? null : now + MINUTE + Math.floor((room * share) / 1_000_000)
  }
  const endAtPeriodEnd = (sub: SubscriptionState) => {
    const t = modify(sub, sub.periodEnd + 2 * SECOND, "later", () => ({ status: "canceled", endedAt: sub.periodEnd }))
    emit(sub, ["subscription.updated", "subscription.revoked"], t + SECOND)
  }

  const apply = (sub: SubscriptionState, step: Step) => {
    const live = sub.endedAt === null && sub.status !== "past_due"
    switch (step.kind) {
      case "renew": {
        if (!live) return
        if (sub.cancelAtPeriodEnd) return endAtPeriodEnd(sub)
        const T = sub.periodEnd
        // A once discount covers the first invoice, a repeating one its first months; then Polar drops it.
        const kept =
          sub.discount &&
          (sub.discount.duration === "forever" ||
            (sub.discount.duration === "repeating" &&
              T < addMonths(sub.startedAt ?? sub.createdAt, sub.discount.months)))
        const cycled = modify(sub, T + SECOND, "later", () => ({
          periodStart: T,
          periodEnd: addInterval(T, PRICES[sub.plan].interval),
          discount: kept ? sub.discount : null,
        }))
        if (step.payment === "paid") {
          emit(
            sub,
            step.cycledEvent ? ["subscription.cycled", "subscription.updated"] : ["subscription.updated"],
            cycled + 500_000,
          )
          return pay(sub, "subscription_cycle", cycled, cycled + 2 * SECOND, recurringAmount(sub))
        }
        if (step.cycledEvent) emit(sub, ["subscription.cycled"], cycled + 500_000)
        const failed = modify(sub, cycled, step.gap, (t) => ({ status: "past_due", pastDueAt: t }))
        emit(sub, ["subscription.past_due", "subscription.updated"], failed + SECOND)
        const settled = T + step.days * DAY + 37 * MINUTE
        if (step.payment === "recovers") {
          const t = modify(sub, settled, "later", () => ({ status: "active", pastDueAt: null }))
          emit(sub, ["subscription.active", "subscription.updated"], t + SECOND)
          return pay(sub, "subscription_cycle", cycled, t + 2 * SECOND, recurringAmount(sub))
        }
        const t = modify(sub, settled, "later", (at) => ({ status: "unpaid", endedAt: at, endsAt: at, canceledAt: at }))
        return emit(sub, ["subscription.revoked", "subscription.updated"], t + SECOND)
      }
      case "change": {
        const seats = step.plan === "team" ? step.seats : null
        const at = within(sub, step.share)
        if (!live || sub.cancelAtPeriodEnd || at === null || (step.plan === sub.plan && seats === sub.seats)) return
        const before = recurringAmount(sub)
        const left = (sub.periodEnd - at) / (sub.periodEnd - sub.periodStart)
        const sameInterval = PRICES[step.plan].interval === PRICES[sub.plan].interval
        const t = modify(sub, at, step.gap, (t) => ({
          plan: step.plan,
          seats,
          ...(sameInterval ? {} : { periodStart: t, periodEnd: addInterval(t, PRICES[step.plan].interval) }),
        }))
        emit(sub, ["subscription.updated"], t + SECOND)
        // Polar invoices the difference for the rest of the period at once; a downgrade's credit goes to the next invoice.
        const prorated = sameInterval
          ? Math.round((recurringAmount(sub) - before) * left)
          : recurringAmount(sub) - Math.round(before * left)
        if (prorated > 0) pay(sub, "subscription_update", t + SECOND, t + 3 * SECOND, prorated)
        return
      }
      case "cancel": {
        const at = within(sub, step.share)
        if (!live || sub.cancelAtPeriodEnd || at === null) return
        const t = modify(sub, at, step.gap, (t) => ({
          cancelAtPeriodEnd: true,
          canceledAt: t,
          endsAt: sub.periodEnd,
          reason: step.reason,
        }))
        return emit(sub, ["subscription.canceled", "subscription.updated"], t + SECOND)
      }
      case "uncancel": {
        const at = within(sub, step.share)
        if (!live || !sub.cancelAtPeriodEnd || at === null) return
        const t = modify(sub, at, step.gap, () => ({
          cancelAtPeriodEnd: false,
          canceledAt: null,
          endsAt: null,
          reason: null,
        }))
        return emit(sub, ["subscription.uncanceled", "subscription.updated"], t + SECOND)
      }
      case "refund": {
        const open = orders.filter((o) => o.order.refunded < o.order.net)
        const at = within(sub, step.share)
        if (open.length === 0 || at === null) return
        const { order, subscription } = open[step.order % open.length]!
        const left = order.net - order.refunded
        const amount =
          step.basisPoints === null
            ? left
            : Math.min(left, Math.max(1, Math.round((order.net * step.basisPoints) / 10_000)))
        order.refunded += amount
        order.refundedTax =
          order.refunded === order.net ? order.tax : Math.round((order.tax * order.refunded) / order.net)
        order.modifiedAt = at
        now = at
        // The order carries its subscription as it is now, not as it was when paid.
        out.push({
          kind: "order",
          type: "order.refunded",
          at: at + SECOND,
          customer: { ...customer },
          subscription: { ...subscription },
          order: { ...order },
        })
        return
      }
      case "rename":
      case "email": {
        const at = within(sub, step.share)
        if (at === null) return
        if (step.kind === "rename") customer.name = step.name
        else Object.assign(customer, { address: step.address, version: customer.version + 1 })
        customer.modifiedAt = at
        now = at
        out.push({ kind: "customer", type: "customer.updated", at: at + SECOND, customer: { ...customer } })
      }
    }
  }

  spec.subscriptions.forEach((subSpec, s) => {
    if (s > 0) now += subSpec.gapDays * DAY + 7 * MINUTE
    const created = now + 13 * SECOND + 123_457
    const periodEnd = addInterval(created, PRICES[subSpec.plan].interval)
    const sub: SubscriptionState = {
      key: `${customer.key}s${s}`,
      plan: subSpec.plan,
      seats: subSpec.plan === "team" ? subSpec.seats : null,
      createdAt: created,
      modifiedAt: null,
      status: subSpec.checkout,
      startedAt: subSpec.checkout === "active" ? created : null,
      periodStart: created,
      periodEnd,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      endsAt: null,
      endedAt: null,
      pastDueAt: null,
      discount: subSpec.discount,
      reason: null,
    }
    emit(sub, ["subscription.created"], created + 300_000)
    // Checkout: the payment goes through, the subscription becomes active, its first order is paid.
    const active = modify(sub, created + 4 * SECOND, "later", (t) => ({
      status: "active",
      startedAt: sub.startedAt ?? t,
    }))
    pay(sub, "subscription_create", created + SECOND, active + SECOND, recurringAmount(sub))
    emit(sub, ["subscription.active", "subscription.updated"], active + 2 * SECOND)
    for (const step of subSpec.steps) apply(sub, step)
    // A customer comes back only after their previous subscription has ended.
    if (s < spec.subscriptions.length - 1 && sub.endedAt === null) {
      if (!sub.cancelAtPeriodEnd) apply(sub, { kind: "cancel", share: 500_000, gap: "later", reason: "unused" })
      if (sub.cancelAtPeriodEnd) endAtPeriodEnd(sub)
      else apply(sub, { kind: "renew", payment: "revoked", cycledEvent: false, gap: "later", days: 3 })
    }
  })
  return out
}

function addMonths(us: number, months: number): number {
  let t = us
  for (let i = 0; i < months; i++) t = addInterval(t, "month")
  return t
}

// ---- The business, and its webhooks as Polar sends them -------------------------------------

/** What Polar says in the end (cheap to know, so kept for tests that want it). */
export type LifecycleTruth = {
  subscriptions: Record<
    string,
    {
      status: models.SubscriptionStatus
      plan: PlanKey
      seats: number | null
      cancelAtPeriodEnd: boolean
      ended: boolean
      paidOrders: number
    }
  >
  customers: Record<string, { name: string | null; address: string }>
}
/** A generated business: its customers' stories and every webhook, in the order Polar sent them. */
export type Business = { customers: CustomerSpec[]; happenings: Happening[]; truth: LifecycleTruth }

/** 1–4 customers, each with one or two subscriptions over time, from a day in 2025. */
export function lifecycleArbitrary(): fc.Arbitrary<Business> {
  return fc
    .record({
      startDay: fc.integer({ min: 0, max: 300 }),
      customers: fc.array(customerArb, { minLength: 1, maxLength: 4 }),
    })
    .map(({ startDay, customers }) => {
      const start = EPOCH + startDay * DAY + 9 * 3600 * SECOND
      // Stable sort: at one instant, one customer's webhooks keep the order Polar queued them in.
      const happenings = customers
        .flatMap((spec, i) => playCustomer(spec, i, start + spec.startDay * DAY + i * 17 * MINUTE))
        .sort((a, b) => a.at - b.at)
      const business: Business & fc.WithToStringMethod = {
        customers,
        happenings,
        truth: truthOf(happenings),
        [fc.toStringMethod]: () => describe(happenings),
      }
      return business
    })
}

function truthOf(happenings: Happening[]): LifecycleTruth {
  const truth: LifecycleTruth = { subscriptions: {}, customers: {} }
  const newest = new Map<string, SubscriptionState>()
  const paid = new Map<string, number>()
  for (const h of happenings) {
    const { key, name } = h.customer
    truth.customers[key] = { name, address: addressOf(h.customer) }
    if (h.kind === "customer") continue
    const s = h.subscription
    const time = (x: SubscriptionState) => x.modifiedAt ?? x.createdAt
    if (time(s) >= time(newest.get(s.key) ?? s)) newest.set(s.key, s)
    if (h.type === "order.paid") paid.set(s.key, (paid.get(s.key) ?? 0) + 1)
  }
  for (const [key, s] of newest) {
    truth.subscriptions[key] = {
      status: s.status,
      plan: s.plan,
      seats: s.seats,
      cancelAtPeriodEnd: s.cancelAtPeriodEnd,
      ended: s.endedAt !== null,
      paidOrders: paid.get(key) ?? 0,
    }
  }
  return truth
}

/** The customer's email as the state reader shows it (the namespace taken out). */
const addressOf = (c: CustomerState) => `${c.key}v${c.version}-${c.address.local}@${c.address.domain}`
const iso = (us: number) =>
  new Date(Math.floor(us / 1000)).toISOString().replace("Z", `${String(us % 1000).padStart(3, "0")}Z`)
const isoOrNull = (us: number | null) => (us === null ? null : iso(us))

/** One line per webhook: what a shrunk counterexample prints. */
export function labelOf(h: Happening): string {
  if (h.kind === "customer")
    return `${h.type} ${h.customer.key} ${JSON.stringify(h.customer.name)} <${addressOf(h.customer)}> modified=${isoOrNull(h.customer.modifiedAt)}`
  const s = h.subscription
  const sub = `${s.key} ${s.status} ${s.plan}${s.seats ? `×${s.seats}` : ""}${s.cancelAtPeriodEnd ? " cancel@end" : ""}${s.endedAt ? " ended" : ""} modified=${isoOrNull(s.modifiedAt)}`
  if (h.kind === "subscription") return `${h.type} ${sub}`
  const o = h.order
  return `${h.type} ${o.key} ${o.billingReason} net=${o.net} tax=${o.tax} refunded=${o.refunded}+${o.refundedTax} modified=${iso(o.modifiedAt)} [${sub}]`
}
function describe(happenings: Happening[]): string {
  const first = new Map<string, CustomerState>()
  for (const h of happenings) if (!first.has(h.customer.key)) first.set(h.customer.key, h.customer)
  const who = [...first.values()].map(
    (c) => `  ${c.key} at first: ${JSON.stringify(c.name)} <${addressOf(c)}> ${c.country.code}`,
  )
  return `Business(\n${who.join("\n")}\n${happenings.map((h, i) => `  #${i} ${labelOf(h)}`).join("\n")}\n)`
}

export type LifecycleDelivery = Delivery & { type: string; label: string }

/**
 * The business's webhooks in Polar's order, each under its own stable message id. Every Polar id,
 * email and message id carries `namespace`, so copies of one business never meet in one database.
 */
export function renderDeliveries(
  business: Business,
  options: { plans: LifecyclePlans; namespace: string },
): LifecycleDelivery[] {
  const ids = new Ids(options.namespace)
  return business.happenings.map((h, i) => {
    const data =
      h.kind === "customer"
        ? customerPayload(h.customer, ids)
        : h.kind === "subscription"
          ? subscriptionPayload(h.subscription, h.customer, options.plans, ids)
          : orderPayload(h, options.plans, ids)
    return {
      id: `msg_${options.namespace}${i}`,
      body: JSON.stringify(testEvent(h.type, data, new Date(Math.floor(h.at / 1000)))),
      type: h.type,
      label: `#${i} ${labelOf(h)}`,
    }
  })
}

/** Which rows of the database belong to this business (under `namespace`), and the months it spans. */
export function scopeOf(business: Business, namespace: string): BusinessScope {
  const ids = new Ids(namespace)
  const customers = new Map(business.happenings.map((h) => [`${h.customer.key}v${h.customer.version}`, h.customer]))
  return {
    namespace,
    polarCustomerIds: [...new Set([...customers.values()].map((c) => ids.customer(c)))],
    emails: [...customers.values()].map((c) => ids.email(c).toLowerCase()),
    from: new Date(Math.floor(business.happenings[0]!.at / 1000)),
    to: new Date(Math.floor(business.happenings.at(-1)!.at / 1000)),
  }
}

class Ids {
  constructor(readonly namespace: string) {}
  customer = (c: CustomerState) => `cus_${this.namespace}${c.key}`
  email = (c: CustomerState) => `${this.namespace}${addressOf(c)}`
  subscription = (s: SubscriptionState) => `sub_${this.namespace}${s.key}`
  order = (o: OrderState) => `ord_${this.namespace}${o.key}`
  discount = (d: Discount) => `dis_${this.namespace}${d.code}`
}

function customerPayload(c: CustomerState, ids: Ids): models.CustomerIndividual {
  return {
    id: ids.customer(c),
    created_at: iso(c.createdAt),
    modified_at: isoOrNull(c.modifiedAt),
    metadata: {},
    // They bought without signing in: Polar knows no user of ours.
    external_id: null,
    email: ids.email(c),
    email_verified: true,
    type: "individual",
    name: c.name,
    billing_name: c.name,
    billing_address: { country: c.country.code, city: c.country.city, line1: c.country.line1 },
    tax_id: null,
    locale: c.country.locale,
    organization_id: ORGANIZATION_ID,
    deleted_at: null,
    first_user_event_at: null,
    avatar_url: null,
  }
}

function productPayload(plan: PlanKey, plans: LifecyclePlans): models.OrderProduct {
  return {
    metadata: {},
    id: plans[plan].productId,
    created_at: iso(EPOCH),
    modified_at: null,
    trial_interval: null,
    trial_interval_count: null,
    name: plans[plan].name,
    description: null,
    visibility: "public",
    recurring_interval: PRICES[plan].interval,
    recurring_interval_count: 1,
    meter_interval: null,
    meter_interval_count: null,
    is_recurring: true,
    is_archived: false,
    organization_id: ORGANIZATION_ID,
  }
}

function discountPayload(d: Discount, ids: Ids): NonNullable<models.Subscription["discount"]> {
  const common = {
    created_at: iso(EPOCH),
    modified_at: null,
    id: ids.discount(d),
    metadata: {},
    name: d.code,
    code: d.code,
    starts_at: null,
    ends_at: null,
    max_redemptions: null,
    max_redemptions_per_customer: null,
    redemptions_count: 1,
    organization_id: ORGANIZATION_ID,
    duration: d.duration,
    ...(d.duration === "repeating" ? { duration_in_months: d.months } : {}),
  }
  if (d.type === "percentage") return { ...common, type: "percentage", basis_points: d.basisPoints }
  return { ...common, type: "fixed", amount: d.amount, currency: "usd", amounts: { usd: d.amount } }
}

/** The subscription as an order embeds it: no customer, product or discount object, only their ids. */
function orderSubscriptionPayload(
  s: SubscriptionState,
  c: CustomerState,
  plans: LifecyclePlans,
  ids: Ids,
): models.OrderSubscription {
  return {
    metadata: {},
    created_at: iso(s.createdAt),
    modified_at: isoOrNull(s.modifiedAt),
    id: ids.subscription(s),
    amount: recurringAmount(s),
    currency: "usd",
    recurring_interval: PRICES[s.plan].interval,
    recurring_interval_count: 1,
    status: s.status,
    current_period_start: iso(s.periodStart),
    current_period_end: iso(s.periodEnd),
    current_meter_period_start: null,
    current_meter_period_end: null,
    trial_start: null,
    trial_end: null,
    cancel_at_period_end: s.cancelAtPeriodEnd,
    canceled_at: isoOrNull(s.canceledAt),
    started_at: isoOrNull(s.startedAt),
    ends_at: isoOrNull(s.endsAt),
    ended_at: isoOrNull(s.endedAt),
    past_due_at: isoOrNull(s.pastDueAt),
    pause_at_period_end: false,
    paused_at: null,
    resumes_at: null,
    customer_id: ids.customer(c),
    product_id: plans[s.plan].productId,
    discount_id: s.discount && ids.discount(s.discount),
    checkout_id: `chk_${ids.namespace}${s.key}`,
    seats: s.seats,
    units: null,
    customer_cancellation_reason: s.reason,
    customer_cancellation_comment: null,
  }
}

function subscriptionPayload(
  s: SubscriptionState,
  c: CustomerState,
  plans: LifecyclePlans,
  ids: Ids,
): models.Subscription {
  return {
    ...orderSubscriptionPayload(s, c, plans, ids),
    customer: customerPayload(c, ids),
    product: {
      ...productPayload(s.plan, plans),
      is_deletable: false,
      prices: [],
      benefits: [],
      medias: [],
      attached_custom_fields: [],
    },
    discount: s.discount && discountPayload(s.discount, ids),
    prices: [],
    meters: [],
    pending_update: null,
  }
}

function orderPayload(h: Extract<Happening, { kind: "order" }>, plans: LifecyclePlans, ids: Ids): models.Order {
  const { order: o, customer: c } = h
  const status = o.refunded === 0 ? "paid" : o.refunded === o.net ? "refunded" : "partially_refunded"
  return {
    id: ids.order(o),
    created_at: iso(o.createdAt),
    modified_at: iso(o.modifiedAt),
    status,
    paid: true,
    subtotal_amount: o.subtotal,
    discount_amount: o.discountAmount,
    net_amount: o.net,
    tax_amount: o.tax,
    total_amount: o.net + o.tax,
    applied_balance_amount: 0,
    due_amount: 0,
    refunded_amount: o.refunded,
    refunded_tax_amount: o.refundedTax,
    currency: "usd",
    billing_reason: o.billingReason,
    billing_name: c.name,
    billing_address: { country: c.country.code, city: c.country.city, line1: c.country.line1 },
    invoice_number: null,
    is_invoice_generated: false,
    receipt_number: null,
    seats: o.seats,
    units: null,
    customer_id: ids.customer(c),
    product_id: plans[o.plan].productId,
    discount_id: o.discount && ids.discount(o.discount),
    subscription_id: ids.subscription(h.subscription),
    checkout_id: null,
    metadata: {},
    platform_fee_amount: 0,
    platform_fee_currency: null,
    customer: customerPayload(c, ids),
    product: productPayload(o.plan, plans),
    discount: o.discount && discountPayload(o.discount, ids),
    subscription: orderSubscriptionPayload(h.subscription, c, plans, ids),
    items: [],
    description: plans[o.plan].name,
    refundable_amount: o.net - o.refunded,
    refundable_tax_amount: o.tax - o.refundedTax,
  }
}
