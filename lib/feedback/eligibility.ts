// Who is asked the NPS question, pure. A subscriber is asked once their first subscription is
// 30 days old (long enough to have an opinion), while a subscription is live, and at most once a
// quarter: any answer or dismissal in the last 90 days keeps the survey away.

const DAY_MS = 86_400_000
export const NPS_MIN_TENURE_DAYS = 30
export const NPS_QUIET_DAYS = 90

export type NpsEligibilityInput = {
  /** The earliest startedAt of any of the user's subscriptions; null when they never subscribed. */
  firstSubscriptionStartedAt: Date | null
  hasLiveSubscription: boolean
  /** The newest nps_responses row of the user, answered or dismissed. */
  lastResponseAt: Date | null
  now: Date
}

export type NpsIneligibleReason = "not_subscribed" | "too_new" | "asked_recently"
export type NpsEligibility =
  { eligible: true } | { eligible: false; reason: NpsIneligibleReason; eligibleFrom: Date | null }

export function npsEligibility({
  firstSubscriptionStartedAt,
  hasLiveSubscription,
  lastResponseAt,
  now,
}: NpsEligibilityInput): NpsEligibility {
  if (!firstSubscriptionStartedAt || !hasLiveSubscription)
    return { eligible: false, reason: "not_subscribed", eligibleFrom: null }
  // Exactly 30 days (or 90) is enough: the boundary instant itself is eligible.
  const tenureFrom = new Date(firstSubscriptionStartedAt.getTime() + NPS_MIN_TENURE_DAYS * DAY_MS)
  const quietUntil = lastResponseAt ? new Date(lastResponseAt.getTime() + NPS_QUIET_DAYS * DAY_MS) : null
  if (quietUntil && now < quietUntil)
    return { eligible: false, reason: "asked_recently", eligibleFrom: later(tenureFrom, quietUntil) }
  if (now < tenureFrom) return { eligible: false, reason: "too_new", eligibleFrom: tenureFrom }
  return { eligible: true }
}

function later(a: Date, b: Date): Date {
  return a > b ? a : b
}

export const NPS_REFUSALS: Record<NpsIneligibleReason, string> = {
  not_subscribed: "the survey is for subscribers",
  too_new: "the survey opens 30 days after your subscription starts",
  asked_recently: "you already answered or dismissed the survey this quarter",
}
