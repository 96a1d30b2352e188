import { expect, test } from "vitest"
import { judgeSession } from "./session-policy"

const now = new Date("2026-12-08T12:00:00Z")
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000)
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000)

test("a staff session idle 12 hours is over; 11h59 is not", () => {
  const base = { role: "SUPPORT" as const, expires: inDays(20), mfaVerifiedAt: hoursAgo(1) }
  expect(judgeSession({ ...base, lastSeenAt: hoursAgo(12) }, now)).toEqual({ active: false })
  expect(judgeSession({ ...base, lastSeenAt: hoursAgo(11 + 59 / 60) }, now)).toEqual({
    active: true,
    mfaVerified: true,
    touch: true,
  })
})

test("a subscriber idle for days keeps the session until it expires", () => {
  const session = {
    role: "SUBSCRIBER" as const,
    expires: inDays(1),
    lastSeenAt: hoursAgo(24 * 20),
    mfaVerifiedAt: null,
  }
  expect(judgeSession(session, now)).toEqual({ active: true, mfaVerified: false, touch: true })
  expect(judgeSession({ ...session, expires: now }, now)).toEqual({ active: false })
})

test("after 24 hours the staff second factor counts no more; a subscriber's never lapses", () => {
  const staff = { role: "OWNER" as const, expires: inDays(20), lastSeenAt: hoursAgo(0) }
  expect(judgeSession({ ...staff, mfaVerifiedAt: hoursAgo(23.9) }, now)).toMatchObject({
    active: true,
    mfaVerified: true,
  })
  expect(judgeSession({ ...staff, mfaVerifiedAt: hoursAgo(24) }, now)).toMatchObject({
    active: true,
    mfaVerified: false,
  })
  expect(judgeSession({ ...staff, role: "SUBSCRIBER", mfaVerifiedAt: hoursAgo(200) }, now)).toMatchObject({
    mfaVerified: true,
  })
})

test("last seen is written at most every five minutes", () => {
  const session = { role: "SUBSCRIBER" as const, expires: inDays(1), mfaVerifiedAt: null }
  expect(judgeSession({ ...session, lastSeenAt: hoursAgo(4 / 60) }, now)).toMatchObject({ touch: false })
  expect(judgeSession({ ...session, lastSeenAt: hoursAgo(5 / 60) }, now)).toMatchObject({ touch: true })
})
