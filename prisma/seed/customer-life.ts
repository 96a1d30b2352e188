import type { Random } from "./random"
import { addMs, addUtcMonths, DAY_MS } from "./time"
import type { PlanSlug } from "./plans"

// One customer's subscription history, walked period by period from sign-up to `now`, with no I/O.
// The result is a list of MRR targets in time order (the seed hands them to the ledger) and the
// subscription's final fields, which must agree with what the ledger ends on.

export type LifePlan = { mrrCents: number; priceCents: number; months: 1 | 12 }

/** Per-month or per-event odds; monthly churn lands at ~4% (3% cancel + 4% failed × 35% not recovered). */
export const LIFE_RATES = {
  planMix: [
    ["monthly", 65],
    ["annual", 20],
    ["team", 15],
  ] as const,
  cancelPerMonth: { monthly: 0.03, annual: 0.02, team: 0.02 } satisfies Record<PlanSlug, number>,
  upgradePerMonth: 0.02,
  downgradeAtRenewal: 0.04,
  switchToAnnualAtRenewal: 0.01,
  paymentFailsAtRenewal: 0.04,
  recoversFromFailure: 0.65,
  dunningDays: 14,
  winBack: 0.2,
  maxReactivations: 2,
}

export type LifeChange = { at: Date; plan: PlanSlug; nextMrrCents: number; reason: string }
export type LifePayment = {
  paidAt: Date
  plan: PlanSlug
  amountCents: number
  billingReason: "subscription_create" | "subscription_cycle"
}
/** `payment` indexes `payments`: the purchase that opened the order. */
export type LifeOrder = { paidAt: Date; plan: PlanSlug; amountCents: number; payment: number }

export type CustomerLife = {
  plan: PlanSlug
  status: "ACTIVE" | "PAST_DUE" | "CANCELED"
  startedAt: Date
  currentPeriodStart: Date
  currentPeriodEnd: Date
  cancelAtPeriodEnd: boolean
  canceledAt: Date | null
  endedAt: Date | null
  /** What the subscription's MRR must be after the ledger has taken every change. */
  mrrCents: number
  changes: LifeChange[]
  /** Every successful charge: purchases and renewals (the subscriber's receipts). */
  payments: LifePayment[]
  /** First paid period and each reactivation: each needs a seat delivered. */
  orders: LifeOrder[]
}

export function simulateCustomerLife(
  random: Random,
  plans: Record<PlanSlug, LifePlan>,
  signupAt: Date,
  now: Date,
): CustomerLife {
  let plan: PlanSlug = random.weighted(LIFE_RATES.planMix)
  const changes: LifeChange[] = []
  const orders: LifeOrder[] = []
  const payments: LifePayment[] = []
  const charge = (at: Date, billingReason: LifePayment["billingReason"]) =>
    payments.push({ paidAt: at, plan, amountCents: plans[plan].priceCents, billingReason }) - 1
  const move = (at: Date, next: PlanSlug | null, reason: string) =>
    changes.push({ at, plan: next ?? plan, nextMrrCents: next ? plans[next].mrrCents : 0, reason })
  const buy = (at: Date) =>
    orders.push({ paidAt: at, plan, amountCents: plans[plan].priceCents, payment: charge(at, "subscription_create") })

  // A period runs from anchor + k intervals to anchor + (k + 1) intervals, so renewal days do not drift.
  let anchor = signupAt
  let k = 0
  const periodStart = () => addUtcMonths(anchor, k * plans[plan].months)
  const periodEnd = () => addUtcMonths(anchor, (k + 1) * plans[plan].months)
  let status: CustomerLife["status"] = "ACTIVE"
  let cancelAtPeriodEnd = false
  let canceledAt: Date | null = null
  let endedAt: Date | null = null
  let reactivations = 0

  move(signupAt, plan, "checkout")
  buy(signupAt)

  for (;;) {
    if (status === "CANCELED") {
      if (reactivations >= LIFE_RATES.maxReactivations || !random.chance(LIFE_RATES.winBack)) break
      const at = addMs(endedAt!, random.between(7, 180) * DAY_MS)
      if (at > now) break
      reactivations++
      if (!random.chance(0.8)) plan = "monthly"
      ;[anchor, k, status, cancelAtPeriodEnd, canceledAt, endedAt] = [at, 0, "ACTIVE", false, null, null]
      move(at, plan, "reactivated")
      buy(at)
      continue
    }

    // A renewal whose payment failed: dunning either recovers it or ends it.
    let goodFrom = periodStart()
    if (status === "PAST_DUE") {
      if (random.chance(LIFE_RATES.recoversFromFailure)) {
        const recoveredAt = addMs(goodFrom, random.between(1, 12) * DAY_MS)
        if (recoveredAt > now) break
        status = "ACTIVE"
        goodFrom = recoveredAt
        charge(recoveredAt, "subscription_cycle")
      } else {
        const churnAt = addMs(goodFrom, LIFE_RATES.dunningDays * DAY_MS)
        if (churnAt > now) break
        ;[status, canceledAt, endedAt] = ["CANCELED", churnAt, churnAt]
        move(churnAt, null, "payment failed")
        continue
      }
    }

    // Within the period: perhaps an upgrade, perhaps a cancellation that takes effect at its end.
    const end = periodEnd()
    const inPeriod = () => addMs(goodFrom, random.next() * (end.getTime() - goodFrom.getTime()))
    const months = plans[plan].months
    const cancelAt = random.chance(1 - (1 - LIFE_RATES.cancelPerMonth[plan]) ** months) ? inPeriod() : null
    const upgradeAt = plan === "monthly" && random.chance(LIFE_RATES.upgradePerMonth) ? inPeriod() : null
    if (upgradeAt && upgradeAt <= now && (!cancelAt || upgradeAt < cancelAt)) {
      plan = "team"
      move(upgradeAt, plan, "upgraded")
    }
    if (cancelAt && cancelAt <= now) [cancelAtPeriodEnd, canceledAt] = [true, cancelAt]
    if (end > now) break

    if (cancelAtPeriodEnd) {
      ;[status, endedAt] = ["CANCELED", end]
      move(end, null, "canceled at period end")
      continue
    }

    // Renewal: a plan change takes effect here, then the payment may fail.
    k++
    if (plan === "team" && random.chance(LIFE_RATES.downgradeAtRenewal)) {
      plan = "monthly"
      move(end, plan, "downgraded")
    } else if (plan === "monthly" && random.chance(LIFE_RATES.switchToAnnualAtRenewal)) {
      plan = "annual"
      ;[anchor, k] = [end, 0]
      move(end, plan, "switched to annual")
    }
    if (random.chance(LIFE_RATES.paymentFailsAtRenewal)) status = "PAST_DUE"
    else charge(end, "subscription_cycle")
  }

  return {
    plan,
    status,
    startedAt: signupAt,
    currentPeriodStart: periodStart(),
    currentPeriodEnd: periodEnd(),
    cancelAtPeriodEnd,
    canceledAt,
    endedAt,
    mrrCents: status === "CANCELED" ? 0 : plans[plan].mrrCents,
    changes,
    payments,
    orders,
  }
}
