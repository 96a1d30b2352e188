import { expect, test } from "vitest"
import { npsEligibility } from "./eligibility"

const now = new Date("2026-11-26T12:00:00Z")
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)

test("30 days after the first subscription started, not a moment before", () => {
  // 29 days 23 h 59 m ago: 1 minute short of 30 days → too new, eligible from that minute on.
  const almost = new Date(daysAgo(30).getTime() + 60_000)
  expect(
    npsEligibility({ firstSubscriptionStartedAt: almost, hasLiveSubscription: true, lastResponseAt: null, now }),
  ).toEqual({
    eligible: false,
    reason: "too_new",
    eligibleFrom: new Date("2026-11-26T12:01:00Z"),
  })
  expect(
    npsEligibility({ firstSubscriptionStartedAt: daysAgo(30), hasLiveSubscription: true, lastResponseAt: null, now }),
  ).toEqual({ eligible: true })
  expect(
    npsEligibility({ firstSubscriptionStartedAt: daysAgo(400), hasLiveSubscription: true, lastResponseAt: null, now }),
  ).toEqual({ eligible: true })
})

test("only while a subscription is live, and never for someone who never subscribed", () => {
  expect(
    npsEligibility({ firstSubscriptionStartedAt: null, hasLiveSubscription: false, lastResponseAt: null, now }),
  ).toMatchObject({ eligible: false, reason: "not_subscribed" })
  expect(
    npsEligibility({ firstSubscriptionStartedAt: daysAgo(100), hasLiveSubscription: false, lastResponseAt: null, now }),
  ).toMatchObject({ eligible: false, reason: "not_subscribed" })
})

test("at most once a quarter: an answer or a dismissal in the last 90 days keeps it away", () => {
  const subscriber = { firstSubscriptionStartedAt: daysAgo(365), hasLiveSubscription: true, now }
  // 89 days ago → quiet for one more day.
  expect(npsEligibility({ ...subscriber, lastResponseAt: daysAgo(89) })).toEqual({
    eligible: false,
    reason: "asked_recently",
    eligibleFrom: new Date("2026-11-27T12:00:00Z"),
  })
  // Exactly 90 days ago → asked again.
  expect(npsEligibility({ ...subscriber, lastResponseAt: daysAgo(90) })).toEqual({ eligible: true })
  expect(npsEligibility({ ...subscriber, lastResponseAt: daysAgo(91) })).toEqual({ eligible: true })
})

test("a recent answer and a young subscription: eligible from the later of the two dates", () => {
  // Started 10 days ago (eligible in 20 days), answered 5 days ago on an earlier subscription (quiet for 85 more days).
  const state = npsEligibility({
    firstSubscriptionStartedAt: daysAgo(10),
    hasLiveSubscription: true,
    lastResponseAt: daysAgo(5),
    now,
  })
  expect(state).toEqual({
    eligible: false,
    reason: "asked_recently",
    eligibleFrom: new Date(now.getTime() + 85 * 86_400_000),
  })
})
